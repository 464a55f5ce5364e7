"""The OpenAI Python SDK pointed at DeepSeek: rename plus
extra_body={"thinking": ...} (contexts/openai_sdk.py)."""

import pytest

from conftest import codes, fix

DISABLED = '{"thinking": {"type": "disabled"}}'
ENABLED = '{"thinking": {"type": "enabled"}}'


def test_adds_extra_body_disabled_for_chat():
    before = 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    after = f'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={DISABLED})\n'
    assert fix(before) == after


def test_adds_extra_body_enabled_for_reasoner():
    before = 'r = client.chat.completions.create(model="deepseek-reasoner", messages=m)\n'
    after = f'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={ENABLED})\n'
    assert fix(before) == after


def test_coder_maps_like_chat():
    before = 'client.chat.completions.create(model="deepseek-coder", messages=m)\n'
    assert fix(before) == f'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={DISABLED})\n'


def test_multiline_call_with_trailing_comma_keeps_style():
    before = (
        "resp = client.chat.completions.create(\n"
        '    model="deepseek-chat",\n'
        "    messages=msgs,\n"
        ")\n"
    )
    after = (
        "resp = client.chat.completions.create(\n"
        '    model="deepseek-v4-flash",\n'
        "    messages=msgs,\n"
        f"    extra_body={DISABLED},\n"
        ")\n"
    )
    assert fix(before) == after


def test_multiline_call_without_trailing_comma():
    before = 'resp = client.chat.completions.create(\n    model="deepseek-chat",\n    messages=msgs\n)\n'
    after = f'resp = client.chat.completions.create(\n    model="deepseek-v4-flash",\n    messages=msgs,\n    extra_body={DISABLED}\n)\n'
    assert fix(before) == after


def test_comment_after_last_argument_stays_on_its_line():
    before = 'x = client.chat.completions.create(\n    model="deepseek-chat",\n    messages=msgs,  # the history\n)\n'
    after = (
        'x = client.chat.completions.create(\n    model="deepseek-v4-flash",\n    messages=msgs,  # the history\n'
        f"    extra_body={DISABLED},\n)\n"
    )
    assert fix(before) == after


def test_hanging_indent_is_followed():
    before = 'x = client.chat.completions.create(model="deepseek-chat",\n                                   messages=msgs)\n'
    after = (
        'x = client.chat.completions.create(model="deepseek-v4-flash",\n                                   messages=msgs, '
        f"extra_body={DISABLED})\n"
    )
    assert fix(before) == after


def test_single_quotes_are_kept_in_added_code():
    before = "client.chat.completions.create(model='deepseek-chat', messages=m)\n"
    after = "client.chat.completions.create(model='deepseek-v4-flash', messages=m, extra_body={'thinking': {'type': 'disabled'}})\n"
    assert fix(before) == after


def test_inserts_into_existing_extra_body_literal():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m, extra_body={"user": "u1"})\n'
    after = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"user": "u1", "thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_existing_thinking_in_extra_body_is_kept():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
    after = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
    assert fix(before) == after


def test_extra_body_name_is_merged_only_with_unsafe_fixes():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m, extra_body=extras)\n'
    assert fix(before) == before
    after = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}, **extras})\n'
    assert fix(before, unsafe=True) == after


def test_star_kwargs_make_the_fix_unsafe():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m, **options)\n'
    assert fix(before) == before
    assert fix(before, unsafe=True) == (
        f'client.chat.completions.create(model="deepseek-v4-flash", messages=m, **options, extra_body={DISABLED})\n'
    )


def test_async_with_raw_response():
    before = 'r = await client.chat.completions.with_raw_response.create(model="deepseek-chat", messages=m)\n'
    after = f'r = await client.chat.completions.with_raw_response.create(model="deepseek-v4-flash", messages=m, extra_body={DISABLED})\n'
    assert fix(f"async def f():\n    {before}") == f"async def f():\n    {after}"


@pytest.mark.parametrize("method", ["parse", "stream"])
def test_beta_parse_and_stream(method):
    before = f'client.beta.chat.completions.{method}(model="deepseek-reasoner", messages=m)\n'
    after = f'client.beta.chat.completions.{method}(model="deepseek-v4-flash", messages=m, extra_body={ENABLED})\n'
    assert fix(before) == after


def test_provider_prefix_is_kept():
    before = 'client.chat.completions.create(model="deepseek/deepseek-chat", messages=m)\n'
    assert fix(before).startswith('client.chat.completions.create(model="deepseek/deepseek-v4-flash"')


def test_target_option_changes_the_model():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    assert '"deepseek-flash"' in fix(before, target="deepseek-flash")


def test_mapping_override_for_reasoner():
    before = 'client.chat.completions.create(model="deepseek-reasoner", messages=m)\n'
    out = fix(before, overrides={"deepseek-reasoner": "deepseek-v4-pro"})
    assert out == f'client.chat.completions.create(model="deepseek-v4-pro", messages=m, extra_body={ENABLED})\n'


def test_thinking_form_omit_renames_only():
    before = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    assert fix(before, thinking_form="omit") == 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'


def test_openrouter_client_is_left_alone():
    before = (
        'client = OpenAI(base_url="https://openrouter.ai/api/v1")\n'
        'client.chat.completions.create(model="deepseek/deepseek-chat", messages=m)\n'
    )
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]


def test_deepseek_client_is_fixed():
    before = (
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    )
    assert "extra_body" in fix(before)


def test_inline_client_with_foreign_host():
    before = 'OpenAI(base_url="http://localhost:8000/v1").chat.completions.create(model="deepseek-chat", messages=m)\n'
    assert fix(before) == before


def test_client_made_by_a_call_is_recognised():
    source = 'get_client().chat.completions.create(model="deepseek-chat", messages=m)\n'
    assert fix(source) == (
        'get_client().chat.completions.create(model="deepseek-v4-flash", messages=m, '
        'extra_body={"thinking": {"type": "disabled"}})\n'
    )


FACTORY = (
    "_client = None\n\n\n"
    "def client():\n"
    "    global _client\n"
    "    if _client is None:\n"
    "        _client = OpenAI(api_key=KEY, base_url=URL)\n"
    "    return _client\n\n\n"
)


def test_a_client_from_a_factory_function_goes_where_its_constructor_points():
    """``client()`` returning the module global it fills, or a new client:
    the host is that constructor's (a seventh fresh reader's FastAPI
    project). DeepSeek's: a request whose model is not visible is one with
    no mode (DSM201). OpenRouter's, or localhost: another provider's request,
    left alone like ``client = OpenAI(base_url=...)``."""
    request = "def ask(model, m):\n    return client().chat.completions.create(model=model, messages=m)\n"
    literal = 'def ask(m):\n    return client().chat.completions.create(model="deepseek-chat", messages=m)\n'
    direct = "def client():\n    return OpenAI(base_url=URL)\n\n\n"
    for factory in (FACTORY, direct):
        deepseek = factory.replace("URL", '"https://api.deepseek.com"')
        assert codes(deepseek + request) == ["DSM201"]
        for host in ('"https://openrouter.ai/api/v1"', "HOST", '"http://localhost:8000/v1"'):
            other = factory.replace("URL", host)
            if host == "HOST":
                other = 'HOST = "https://openrouter.ai/api/v1"\n' + other
            assert codes(other + request) == [], host
            assert fix(other + literal, unsafe=True) == other + literal, host
        # a client whose URL a caller passes is not visible: as before
        passed = factory.replace("def client():", "def client(URL=None):")
        assert codes(passed + request) == []


def test_with_streaming_response():
    before = 'r = client.chat.completions.with_streaming_response.create(model="deepseek-chat", messages=m)\n'
    after = f'r = client.chat.completions.with_streaming_response.create(model="deepseek-v4-flash", messages=m, extra_body={DISABLED})\n'
    assert fix(before) == after


PATHS = (
    "chat.completions.create",
    "beta.chat.completions.parse",
    "chat.completions.with_raw_response.create",
    "beta.chat.completions.with_streaming_response.stream",
)


@pytest.mark.parametrize("path", PATHS)
def test_the_client_is_found_through_every_path_to_the_method(path):
    # the host is read from the client, however many attributes lead from it to the method
    inline = f'OpenAI(base_url="http://localhost:8000/v1").{path}(model="deepseek-chat", messages=m)\n'
    assert fix(inline, unsafe=True) == inline
    named = f'client = OpenAI(base_url="https://openrouter.ai/api/v1")\nclient.{path}(model="deepseek-chat", messages=m)\n'
    assert fix(named, unsafe=True) == named
    deepseek = named.replace("https://openrouter.ai/api/v1", "https://api.deepseek.com")
    assert fix(deepseek) == deepseek.replace('"deepseek-chat", messages=m)', f'"deepseek-v4-flash", messages=m, extra_body={DISABLED})')


def test_a_path_that_is_not_chat_completions_is_no_openai_call():
    for path in ("completions.create", "chat.create", "chat.sessions.create", "chat.completions.list", "beta.completions.parse"):
        assert "extra_body" not in fix(f'client.{path}(model="deepseek-chat", messages=m)\n', unsafe=True), path
