"""DSM104 legacy-env-default: a retired name as the default of an environment
variable (os.getenv, os.environ.get, pydantic env fields, shell ${VAR:-...}, JS ??)."""

from conftest import codes, fix, scan


def test_env_default_renamed_with_note():
    before = 'import os\nMODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = scan(before)
    assert finding.code == "DSM104"
    assert "$DEEPSEEK_MODEL" in finding.message


def test_environ_get_keyword_default():
    assert codes('import os\nm = os.environ.get("M", default="deepseek-chat")\n') == ["DSM104"]


def test_pydantic_field_with_env_is_env_default():
    assert codes('from pydantic import Field\nclass S:\n    m: str = Field("deepseek-chat", env="MODEL")\n') == ["DSM104"]


def test_js_env_defaults_and_zod_default():
    assert codes('const m = process.env.MODEL ?? "deepseek-chat";\n', path="a.ts") == ["DSM104"]
    assert codes('const m = process.env.MODEL || "deepseek-chat";\n', path="a.js") == ["DSM104"]
    assert codes('const s = z.string().default("deepseek-chat");\n', path="env.ts") == ["DSM104"]


def test_shell_default_is_an_env_default():
    assert codes('M="${DEEPSEEK_MODEL:-deepseek-chat}"\n', path="run.sh") == ["DSM104"]


def test_env_default_note_says_which_mode_to_set_where_the_request_is_made():
    (finding,) = scan('import os\nMODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-reasoner")\n')
    assert finding.code == "DSM104"
    assert "set thinking enabled where the request is made" in finding.note


def test_current_env_default_is_left_alone():
    source = 'import os\nMODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-v4-flash")\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source


def test_environ_setdefault():
    before = 'import os\nos.environ.setdefault("LLM_MODEL", "deepseek-reasoner")\n'
    assert codes(before) == ["DSM104"]
    assert fix(before) == before.replace("deepseek-reasoner", "deepseek-v4-flash")
