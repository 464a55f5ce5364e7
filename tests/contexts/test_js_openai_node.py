"""openai-node in JavaScript and TypeScript: chat.completions.create({ model, ... })
gets thinking: { type } (languages/javascript.py)."""

import pytest

from conftest import codes, fix, scan

DIRECTIVE = "// @ts-expect-error thinking is a DeepSeek body parameter"


def test_openai_node_create_gets_thinking_in_js():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-chat",\n  messages,\n});\n'
    after = 'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n  thinking: { type: "disabled" },\n});\n'
    assert fix(before, path="app.js") == after


def test_typescript_gets_the_ts_expect_error_line():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-reasoner",\n  messages\n});\n'
    after = (
        'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n'
        f'  {DIRECTIVE}\n  thinking: {{ type: "enabled" }}\n}});\n'
    )
    assert fix(before, path="app.ts") == after


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
