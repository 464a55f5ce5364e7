"""openai-node in JavaScript and TypeScript: chat.completions.create({ model, ... })
gets thinking: { type } (languages/javascript.py)."""

import pytest

from conftest import codes, fix, scan


def ts_toggle(mode: str, q: str = '"') -> str:
    """The TypeScript form: a typed spread, which tsc --strict accepts on streaming calls too."""
    return f"...({{ thinking: {{ type: {q}{mode}{q} }} }} as Record<string, unknown>)"


def test_openai_node_create_gets_thinking_in_js():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-chat",\n  messages,\n});\n'
    after = 'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n  thinking: { type: "disabled" },\n});\n'
    assert fix(before, path="app.js") == after


def test_typescript_gets_a_typed_spread():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-reasoner",\n  messages\n});\n'
    after = (
        'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n'
        f'  {ts_toggle("enabled")}\n}});\n'
    )
    assert fix(before, path="app.ts") == after


def test_typescript_streaming_call_gets_the_spread_not_a_directive():
    # tsc 5.x/6.x: a @ts-expect-error above the property of a stream: true call
    # is unused (TS2578) and the call has no overload (TS2769)
    before = (
        "const stream = await client.chat.completions.create({\n"
        "  model: 'deepseek-chat',\n"
        "  messages,\n"
        "  stream: true,\n"
        "});\n"
    )
    after = (
        "const stream = await client.chat.completions.create({\n"
        "  model: 'deepseek-v4-flash',\n"
        "  messages,\n"
        "  stream: true,\n"
        f"  {ts_toggle('disabled', q=chr(39))},\n"
        "});\n"
    )
    fixed = fix(before, path="chat.ts")
    assert fixed == after
    assert "@ts-expect-error" not in fixed


@pytest.mark.parametrize("path", ["a.ts", "a.mts", "a.cts", "a.tsx"])
def test_single_line_typescript_object_stays_on_one_line(path):
    before = "openai.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });\n"
    after = f"openai.chat.completions.create({{ model: 'deepseek-v4-flash', messages, stream: true, {ts_toggle('disabled', q=chr(39))} }});\n"
    assert fix(before, path=path) == after


def test_typescript_fix_is_idempotent_and_reads_as_a_mode():
    before = "await openai.chat.completions.create({\n  model: 'deepseek-chat',\n  messages,\n  stream: true,\n});\n"
    once = fix(before, path="a.ts")
    assert scan(once, path="a.ts") == []  # no DSM201: the spread sets the mode
    assert fix(once, path="a.ts", unsafe=True) == once


def test_existing_thinking_in_a_typed_spread_is_kept():
    before = (
        "await openai.chat.completions.create({ model: 'deepseek-reasoner', messages, "
        "...({ thinking: { type: 'enabled' } } as Record<string, unknown>) });\n"
    )
    assert fix(before, path="a.ts") == before.replace("deepseek-reasoner", "deepseek-v4-flash")


def test_spread_of_a_name_in_typescript_is_still_unsafe():
    before = "openai.chat.completions.create({ ...base, model: 'deepseek-chat' });\n"
    assert fix(before, path="a.ts") == before
    assert "as Record<string, unknown>" in fix(before, path="a.ts", unsafe=True)


def test_single_line_js_object():
    before = "openai.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n"
    after = "openai.chat.completions.create({ model: 'deepseek-v4-flash', messages: [], thinking: { type: 'disabled' } });\n"
    assert fix(before, path="a.mjs") == after


def test_existing_thinking_is_kept():
    before = 'openai.chat.completions.create({ model: "deepseek-chat", thinking: { type: "enabled" } });\n'
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_spread_makes_it_unsafe():
    before = 'openai.chat.completions.create({ ...base, model: "deepseek-chat" });\n'
    assert fix(before, path="a.js") == before
    assert "thinking" in fix(before, path="a.js", unsafe=True)


def test_current_model_with_explicit_mode_is_left_alone():
    source = 'await openai.chat.completions.create({ model: "deepseek-v4-flash", messages, thinking: { type: "disabled" } });\n'
    assert scan(source, path="a.js") == []
    assert fix(source, path="a.js", unsafe=True) == source


def test_client_on_another_host_is_left_alone():
    source = (
        'const client = new OpenAI({ baseURL: "https://openrouter.ai/api/v1" });\n'
        'await client.chat.completions.create({ model: "deepseek/deepseek-chat", messages });\n'
    )
    assert codes(source, path="a.js") == ["DSM110"]
    assert fix(source, path="a.js", unsafe=True) == source


def test_client_named_differently_on_another_host_is_left_alone():
    source = (
        "import OpenAI from 'openai';\n"
        "class Bot {\n"
        "  constructor() { this.llm = new OpenAI({ apiKey: key, baseURL: 'https://api.together.xyz/v1' }); }\n"
        "  ask(messages) { return this.llm.chat.completions.create({ model: 'deepseek-chat', messages }); }\n"
        "}\n"
    )
    assert fix(source, path="bot.ts", unsafe=True) == source


def test_client_on_deepseek_still_gets_the_fix():
    source = (
        'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'
        'await client.chat.completions.create({ model: "deepseek-chat", messages });\n'
    )
    assert 'thinking: { type: "disabled" }' in fix(source, path="a.js")


ON_DEEPSEEK = 'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'


def test_a_retired_literal_on_a_deepseek_client_is_one_finding():
    """As in Python: the rename sets the mode, so no DSM201 beside DSM101 on
    the same literal (two annotations at two columns, found beside ruff)."""
    source = ON_DEEPSEEK + 'await client.chat.completions.create({ model: "deepseek-chat", messages });\n'
    found = scan(source, path="client.ts")
    assert [(f.code, f.line, f.column) for f in found] == [("DSM101", 2, 48)]
    assert 'thinking: { type: "disabled" }' in fix(source, path="client.ts")
    assert codes(fix(source, path="client.ts"), path="client.ts") == []  # nothing new after the fix


def test_a_v4_literal_without_mode_is_found_where_python_finds_it():
    """The request's finding covers the model value, quotes included, as in Python."""
    source = ON_DEEPSEEK + 'await client.chat.completions.create({ model: "deepseek-v4-flash", messages });\n'
    found = scan(source, path="client.ts")
    assert [(f.code, f.line, f.column, f.end_column) for f in found] == [("DSM201", 2, 47, 66)]
    python = scan('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n')
    assert [(f.code, f.column, f.end_column) for f in python] == [("DSM201", 38, 57)]


def test_a_model_variable_on_a_deepseek_client_still_needs_a_mode():
    source = ON_DEEPSEEK + "await client.chat.completions.create({ model: chosen, messages });\n"
    assert codes(source, path="client.ts") == ["DSM201"]
