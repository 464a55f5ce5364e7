"""No rename silently changes a request's thinking mode (issue 24, item 2):
two ids chosen by one expression keep their distinction as a mode at the
request, or are refused; an env default feeding a same-module request gets
its mode as a constant does; no fix makes a request the API answers 400."""

from __future__ import annotations

from conftest import fix, scan

LITELLM_TERNARY = (
    "import litellm\n\n\n"
    "def ask(q, hard):\n"
    '    model = "deepseek/deepseek-reasoner" if hard else "deepseek/deepseek-chat"\n'
    '    return litellm.completion(model=model, messages=[{"role": "user", "content": q}])\n'
)


def test_the_condition_that_chose_the_id_chooses_the_mode_at_the_request():
    assert fix(LITELLM_TERNARY) == (
        "import litellm\n\n\n"
        "def ask(q, hard):\n"
        '    model = "deepseek/deepseek-v4-flash" if hard else "deepseek/deepseek-v4-flash"\n'
        '    return litellm.completion(model=model, messages=[{"role": "user", "content": q}], '
        'extra_body={"thinking": {"type": "enabled" if hard else "disabled"}})\n'
    )


def test_the_same_inside_the_call():
    source = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat" if fast else "deepseek/deepseek-reasoner", messages=m)\n'
    assert fix(source) == (
        'import litellm\nlitellm.completion(model="deepseek/deepseek-v4-flash" if fast else "deepseek/deepseek-v4-flash", '
        'messages=m, extra_body={"thinking": {"type": "disabled" if fast else "enabled"}})\n'
    )


def test_a_condition_that_may_mean_something_else_at_the_request_is_refused():
    for source in (
        LITELLM_TERNARY.replace("if hard else", "if len(q) > 9 else"),  # a call: evaluated again, maybe otherwise
        LITELLM_TERNARY.replace("    return litellm", "    hard = not hard\n    return litellm"),  # rebound
        LITELLM_TERNARY.replace("litellm.completion(model=model", "my_wrapper(model=model"),  # no known request
    ):
        assert fix(source, unsafe=True) == source, source
        notes = [f.note or "" for f in scan(source) if f.code == "DSM103"]
        assert notes and all(n.startswith("not renamed:") and "deepseek-v4-pro" in n for n in notes), notes


def test_env_default_feeding_a_same_module_request_gets_its_mode():
    source = (
        "import os\nfrom openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")\n\n\n'
        "def ask(q):\n"
        "    return client.chat.completions.create(model=MODEL, messages=q)\n"
    )
    assert fix(source) == source.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "messages=q)", 'messages=q, extra_body={"thinking": {"type": "disabled"}})'
    )


def test_a_reasoner_call_forcing_a_tool_is_not_made_a_400():
    source = (
        "from openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="required")\n'
    )
    assert fix(source, unsafe=True) == source
    (finding,) = [f for f in scan(source) if f.code == "DSM101"]
    assert "DSM204" in finding.note
    # a chat request forcing a tool gets thinking disabled, which accepts it
    chat = source.replace("deepseek-reasoner", "deepseek-chat")
    assert '{"type": "disabled"}' in fix(chat)


def test_a_reasoner_payload_forcing_a_tool_is_not_made_a_400():
    source = 'import requests\nrequests.post(URL, json={"model": "deepseek-reasoner", "messages": m, "tool_choice": "required"})\n'
    assert fix(source, unsafe=True) == source


def test_a_constant_feeding_a_forced_tool_request_is_not_made_a_400():
    source = (
        "from openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = "deepseek-reasoner"\n'
        "client.chat.completions.create(model=MODEL, messages=m, tools=t, tool_choice={\"type\": \"function\", \"function\": {\"name\": \"f\"}})\n"
    )
    assert fix(source, unsafe=True) == source


def test_an_unrelated_js_model_property_changes_nothing(tmp_path):
    from projects import fix_tree, write_tree

    app = (
        "import os\nfrom openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = os.getenv("model", "deepseek-chat")\n\n\n'
        "def ask(q):\n"
        "    return client.chat.completions.create(model=MODEL, messages=q)\n"
    )
    alone = fix_tree(write_tree(tmp_path / "alone", {"app.py": app}))
    both = fix_tree(write_tree(tmp_path / "both", {"app.py": app, "web/cfg.js": 'export const c = { model: "deepseek-reasoner" };\n'}))
    assert both["app.py"] == alone["app.py"]
    assert '{"type": "disabled"}' in alone["app.py"]
