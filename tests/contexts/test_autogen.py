"""AutoGen's OpenAIChatCompletionClient: extra_body from autogen-ext 0.7.5
(contexts/autogen.py)."""

from conftest import fix, scan

AUTOGEN = (
    "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
    'client = OpenAIChatCompletionClient(model="deepseek-chat", base_url="https://api.deepseek.com")\n'
)


def test_autogen_client_gets_extra_body():
    before = (
        "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
        "client = OpenAIChatCompletionClient(\n"
        '    model="deepseek-chat",\n'
        '    base_url="https://api.deepseek.com",\n'
        "    model_info=INFO,\n"
        ")\n"
    )
    after = before.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        "    model_info=INFO,\n", '    model_info=INFO,\n    extra_body={"thinking": {"type": "disabled"}},\n'
    )
    assert fix(before) == after


def test_autogen_client_elsewhere_is_left_alone():
    before = (
        "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
        'c = OpenAIChatCompletionClient(model="deepseek-chat", base_url="https://api.together.xyz/v1")\n'
    )
    assert fix(before, unsafe=True) == before


def test_autogen_unpinned_gets_the_toggle_and_a_version_note():
    assert fix(AUTOGEN).endswith('extra_body={"thinking": {"type": "disabled"}})\n')
    assert "needs autogen-ext>=0.7.5" in scan(AUTOGEN)[0].note


def test_autogen_pinned_below_0_7_5_is_renamed_and_reported(tmp_path):
    (tmp_path / "requirements.txt").write_text("autogen-ext[openai]==0.6.4\n")
    path = str(tmp_path / "app.py")
    # renamed alone a chat request would think: only with --unsafe-fixes
    assert fix(AUTOGEN, path=path) == AUTOGEN
    assert fix(AUTOGEN, unsafe=True, path=path) == AUTOGEN.replace("deepseek-chat", "deepseek-v4-flash")
    assert "0.6.4" in scan(AUTOGEN, path=path)[0].note


def test_autogen_pinned_to_0_7_5_gets_the_toggle_without_a_note(tmp_path):
    (tmp_path / "requirements.txt").write_text("autogen-ext[openai]>=0.7.5\n")
    path = str(tmp_path / "app.py")
    assert fix(AUTOGEN, path=path).endswith('extra_body={"thinking": {"type": "disabled"}})\n')
    assert scan(AUTOGEN, path=path)[0].note is None


def test_autogen_existing_extra_body_thinking_is_kept():
    before = (
        "from autogen_ext.models.openai import OpenAIChatCompletionClient\n"
        'c = OpenAIChatCompletionClient(model="deepseek-chat", base_url="https://api.deepseek.com", extra_body={"thinking": {"type": "enabled"}})\n'
    )
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
