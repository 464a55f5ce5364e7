"""TOML read with tree-sitter's grammar (issue 23): a value is a string node,
never a line inside a multi-line string that looks like ``key = "value"``."""

import pytest

from conftest import codes, fix, scan_result

PROMPT = (
    "[agent]\n"
    'model = "deepseek-chat"\n'
    'prompt = """\n'
    'model = "deepseek-reasoner"\n'
    '"""\n'
    "template = '''\n"
    "model = 'deepseek-reasoner'\n"
    "'''\n"
)


def test_multi_line_strings_are_text_not_values():
    assert codes(PROMPT, path="app.toml") == ["DSM103", "DSM109", "DSM109"]


def test_multi_line_strings_are_left_by_the_safe_tier():
    assert fix(PROMPT, path="app.toml") == PROMPT.replace('model = "deepseek-chat"', 'model = "deepseek-v4-flash"')


def test_multi_line_strings_follow_with_unsafe_fixes():
    expected = PROMPT.replace("deepseek-chat", "deepseek-v4-flash").replace("deepseek-reasoner", "deepseek-v4-flash")
    assert fix(PROMPT, path="app.toml", unsafe=True) == expected


def test_crlf_toml_keeps_its_line_ends():
    before = PROMPT.replace("\n", "\r\n").encode()
    expected = PROMPT.replace('model = "deepseek-chat"', 'model = "deepseek-v4-flash"').replace("\n", "\r\n").encode()
    assert fix(before, path="app.toml") == expected


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param('[llm]\nmodel = "deepseek-chat" # cheap\n', '[llm]\nmodel = "deepseek-v4-flash" # cheap\n', id="value-then-comment"),
        pytest.param("model = 'deepseek/deepseek-chat'\n", "model = 'deepseek/deepseek-v4-flash'\n", id="literal-string-with-prefix"),
        pytest.param('tool.app.model = "deepseek-reasoner"\n', 'tool.app.model = "deepseek-v4-flash"\n', id="dotted-key"),
        pytest.param('llm = { model = "deepseek-chat", timeout = 30 }\n', 'llm = { model = "deepseek-v4-flash", timeout = 30 }\n', id="inline-table"),
        pytest.param('[[agents]]\nrole = "writer"\nmodel = "deepseek-chat"\n', '[[agents]]\nrole = "writer"\nmodel = "deepseek-v4-flash"\n', id="array-of-tables"),
    ],
)
def test_values_are_renamed_by_the_safe_tier(before, after):
    assert fix(before, path="app.toml") == after


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('description = "Summaries by deepseek-chat at night"\n', id="sentence-in-a-string"),
        pytest.param('fallbacks = ["deepseek-chat", "deepseek-reasoner"]\n', id="array-of-two-ids-would-merge"),
        pytest.param('[prices]\ndeepseek-chat = 1\n"deepseek-reasoner" = 2\n', id="keys-that-would-merge"),
        pytest.param('# we moved off deepseek-chat\nmodel = "x"\n', id="comment"),
    ],
)
def test_safe_tier_leaves_text_lists_keys_and_comments(source):
    assert fix(source, path="app.toml") == source


def test_table_header_naming_a_model_is_a_key():
    source = '[models."deepseek-chat"]\ncontext = 64000\n'
    assert codes(source, path="m.toml") == ["DSM106"]
    assert fix(source, path="m.toml") == source
    assert fix(source, path="m.toml", unsafe=True) == source.replace("deepseek-chat", "deepseek-v4-flash")


def test_table_header_that_would_meet_an_existing_table_is_not_renamed():
    source = '[models."deepseek-chat"]\nx = 1\n[models."deepseek-v4-flash"]\nx = 2\n'
    assert fix(source, path="m.toml", unsafe=True) == source


def test_unparsable_toml_is_searched_as_text_and_not_rewritten():
    source = '[llm\nmodel = "deepseek-chat"\n'
    result = scan_result(source, path="app.toml")
    assert [f.code for f in result.findings] == ["DSM109"]
    assert result.findings[0].fix is None
    (error,) = result.errors
    assert error.message.startswith("not valid TOML") and "searched as text, not fixed" in error.message
    assert fix(source, path="app.toml", unsafe=True) == source
