"""DSM108 legacy-name-in-comment: a retired name in a comment or docstring;
renamed only with --unsafe-fixes."""

from conftest import codes, fix, scan


def test_comment_is_unsafe():
    before = "x = 1  # deepseek-chat is cheap\n"
    assert codes(before) == ["DSM108"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == "x = 1  # deepseek-v4-flash is cheap\n"


def test_js_line_comment():
    assert codes("// uses deepseek-chat\n", path="a.js") == ["DSM108"]


def test_env_file_comment_is_unsafe():
    before = "# we used deepseek-chat\nMODEL=deepseek-v4-flash\n"
    assert codes(before, path=".env") == ["DSM108"]
    assert fix(before, path=".env") == before
    assert fix(before, path=".env", unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_docstring_is_unsafe():
    before = 'def f():\n    """Ask deepseek-reasoner."""\n'
    assert codes(before) == ["DSM108"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == 'def f():\n    """Ask deepseek-v4-flash."""\n'


def test_comment_naming_a_current_id_is_left_alone():
    source = "x = 1  # uses deepseek-v4-flash\n"
    assert scan(source) == []
    assert fix(source, unsafe=True) == source
