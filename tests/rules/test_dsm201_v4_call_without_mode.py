"""DSM201 v4-call-without-mode: a V4 request with no explicit thinking mode (on by
default); fixed only under --assume-mode."""

import pytest

from conftest import codes, fix, scan, thinking_codes


def test_v4_call_without_mode_is_reported():
    assert thinking_codes('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n') == ["DSM201"]


@pytest.mark.parametrize("model", ["deepseek-v4-pro", "deepseek-flash", "deepseek/deepseek-v4-flash"])
def test_v4_pro_and_v41_names_too(model):
    assert thinking_codes(f'client.chat.completions.create(model="{model}", messages=m)\n') == ["DSM201"]


def test_v4_constant_is_followed():
    source = 'MODEL = "deepseek-v4-flash"\nclient.chat.completions.create(model=MODEL, messages=m)\n'
    assert thinking_codes(source) == ["DSM201"]


def test_deepseek_client_with_unknown_model():
    source = 'client = OpenAI(base_url="https://api.deepseek.com")\nclient.chat.completions.create(model=settings.model, messages=m)\n'
    assert thinking_codes(source) == ["DSM201"]


def test_client_whose_base_url_falls_back_to_deepseek():
    # mem0: the URL is DeepSeek's unless a setting or an environment variable points elsewhere;
    # the request deep in a method, which names no DeepSeek, is kept in the slice too
    source = (
        "import os\nfrom openai import OpenAI\n\n\nclass LLM:\n"
        "    def __init__(self, config):\n"
        '        base_url = config.base_url or os.getenv("DEEPSEEK_API_BASE") or "https://api.deepseek.com"\n'
        "        self.client = OpenAI(api_key=config.key, base_url=base_url)\n\n"
        + "".join(f"    def unrelated_{i}(self):\n        return {i}\n\n" for i in range(30))
        + "    def ask(self, params):\n        return self.client.chat.completions.create(**params)\n"
    )
    assert thinking_codes(source) == ["DSM201"]
    other = source.replace("https://api.deepseek.com", "https://openrouter.ai/api/v1")
    assert thinking_codes(other) == []


@pytest.mark.parametrize(
    "toggle",
    [
        pytest.param('extra_body={"thinking": {"type": "enabled"}}', id="enabled"),
        pytest.param('extra_body={"thinking": {"type": "disabled"}}', id="disabled"),
    ],
)
def test_explicit_mode_is_not_reported(toggle):
    assert thinking_codes(f'client.chat.completions.create(model="deepseek-v4-flash", messages=m, {toggle})\n') == []


def test_other_providers_and_models_are_not_reported():
    assert thinking_codes('client.chat.completions.create(model="gpt-4o", messages=m)\n') == []
    source = 'c = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="deepseek/deepseek-v4-flash", messages=m)\n'
    assert thinking_codes(source) == []


def test_fim_call_is_not_reported():
    assert thinking_codes('client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n') == []


def test_legacy_call_is_left_to_the_rename_rule():
    assert thinking_codes('client.chat.completions.create(model="deepseek-chat", messages=m)\n') == []


def test_no_fix_without_assume_mode():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'
    assert fix(source, unsafe=True) == source


def test_assume_mode_chat_adds_disabled_toggle():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'
    fixed = fix(source, assume_mode="disabled")
    assert fixed == 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert thinking_codes(fixed) == []


def test_assume_mode_reasoner_on_langchain_and_payload():
    source = (
        'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-v4-flash")\n'
        'httpx.post(U, json={"model": "deepseek-v4-flash", "messages": m})\n'
    )
    fixed = fix(source, assume_mode="enabled")
    assert 'ChatDeepSeek(model="deepseek-v4-flash", extra_body={"thinking": {"type": "enabled"}})' in fixed
    assert '"messages": m, "thinking": {"type": "enabled"}}' in fixed


def test_thinking_rules_respect_suppression_and_ignore():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)  # ds-migrate: ignore[DSM201]\n'
    assert thinking_codes(source) == []
    assert thinking_codes('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n', ignore=("DSM201",)) == []


# -- JavaScript / TypeScript: openai-node ------------------------------------------------

JS_CLIENT = 'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'


def test_js_v4_literal_without_mode_is_reported():
    source = 'await client.chat.completions.create({ model: "deepseek-v4-flash", messages });\n'
    assert thinking_codes(source, path="a.js") == ["DSM201"]


def test_js_model_by_name_on_a_deepseek_client_is_reported():
    source = JS_CLIENT + "await client.chat.completions.create({ model: MODEL, messages });\n"
    assert thinking_codes(source, path="a.js") == ["DSM201"]


def test_js_request_that_sets_its_mode_is_not_reported():
    source = 'await client.chat.completions.create({ model: "deepseek-v4-pro", messages, thinking: { type: "enabled" } });\n'
    assert thinking_codes(source, path="a.js") == []


def test_js_model_by_name_on_an_unknown_client_is_not_reported():
    source = "await client.chat.completions.create({ model: MODEL, messages });\n"
    assert thinking_codes(source, path="a.js") == []


def test_js_v4_request_to_another_host_is_not_reported():
    source = (
        'const client = new OpenAI({ baseURL: "https://openrouter.ai/api/v1" });\n'
        'await client.chat.completions.create({ model: "deepseek/deepseek-v4-flash", messages });\n'
    )
    assert thinking_codes(source, path="a.js") == []


def test_js_assume_mode_adds_the_toggle():
    source = 'await client.chat.completions.create({ model: "deepseek-v4-flash", messages });\n'
    assert fix(source, path="a.js", assume_mode="disabled") == (
        'await client.chat.completions.create({ model: "deepseek-v4-flash", messages, thinking: { type: "disabled" } });\n'
    )
    assert fix(source, path="a.js") == source


RETURNED_BODY = (
    "def ping_request():\n"
    '    body = {"model": "deepseek-chat", "messages": [{"role": "user", "content": "ping"}]}\n'
    "    return body\n"
)


def test_a_returned_chat_body_keeps_dsm201_before_and_after_its_rename():
    """A fresh review (115-4, and the same shape in Python): a complete chat
    body a function returns was renamed only, and the scan after the fix
    was silent. Its sender is out of sight, and the OpenAI SDK's
    ``create(**body)`` rejects an unknown ``thinking`` keyword, so no key is
    added; DSM201 says to set the mode in it, before the fix and after."""
    renamed = RETURNED_BODY.replace("deepseek-chat", "deepseek-v4-flash")
    assert fix(RETURNED_BODY) == renamed
    assert fix(RETURNED_BODY, unsafe=True) == renamed
    assert codes(RETURNED_BODY) == ["DSM201", "DSM102"]
    (finding,) = scan(renamed)
    assert (finding.code, finding.line) == ("DSM201", 2)
    assert finding.message == "Chat request body returned with no thinking mode: V4 thinks by default; set the mode in this body"
    assert finding.note == (
        "how this body is sent is not seen here: give it thinking enabled (reasoner-style) or disabled (chat-style), "
        'as "thinking" for a JSON body, inside "extra_body" for one spread into an SDK call (create(**body))'
    )
    (before,) = [f for f in scan(RETURNED_BODY) if f.code == "DSM201"]
    assert before.note.startswith("how this body is sent is not seen here: give it thinking disabled, ")
    direct = 'def ping():\n    return {"model": "deepseek-v4-flash", "messages": []}\n'
    assert codes(direct) == ["DSM201"]
    for quiet in (
        renamed.replace('"ping"}]}', '"ping"}], "thinking": {"type": "disabled"}}'),  # says its mode
        renamed.replace('"messages": [{"role": "user", "content": "ping"}]', '"temperature": 0'),  # no chat body
        renamed.replace("    return body\n", "    return lambda: body\n"),  # not what the function returns
        renamed.replace("    return body\n", '    body["thinking"] = {"type": "disabled"}\n    return body\n'),  # set later
        'BODY = {"model": "deepseek-v4-flash", "messages": []}\n',  # not returned
    ):
        assert codes(quiet) == [], quiet
    # posted in the function: a request, with DSM201's own message
    posted = renamed.replace("    return body\n", "    return requests.post(URL, json=body)\n")
    assert [f.message for f in scan(posted)] == [scan('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n')[0].message]
    assert codes(renamed, path="tests/test_smoke.py") == []  # a test's fixture
