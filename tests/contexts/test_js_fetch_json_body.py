"""A chat body built with JSON.stringify (fetch(url, { body: ... })): a top-level
thinking key (languages/javascript.py)."""

from conftest import codes, fix, scan


def test_fetch_json_body_gets_thinking():
    before = "const res = await fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-chat',\n    messages,\n  }),\n});\n"
    after = "const res = await fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-v4-flash',\n    messages,\n    thinking: { type: 'disabled' },\n  }),\n});\n"
    assert fix(before, path="a.ts") == after
    assert codes(before, path="a.ts") == ["DSM102"]


def test_fetch_json_body_single_line_reasoner():
    before = 'await fetch(url, { method: "POST", body: JSON.stringify({ model: "deepseek-reasoner", messages: msgs, stream: false }) });\n'
    after = 'await fetch(url, { method: "POST", body: JSON.stringify({ model: "deepseek-v4-flash", messages: msgs, stream: false, thinking: { type: "enabled" } }) });\n'
    assert fix(before, path="a.js") == after


def test_json_body_with_thinking_or_without_messages_or_elsewhere_gets_none():
    kept = "fetch(u, { body: JSON.stringify({ model: 'deepseek-chat', messages, thinking: { type: 'enabled' } }) });\n"
    assert fix(kept, path="a.js") == kept.replace("deepseek-chat", "deepseek-v4-flash")
    config = "const s = JSON.stringify({ model: 'deepseek-chat', temperature: 1 });\n"
    assert fix(config, path="a.js") == config.replace("deepseek-chat", "deepseek-v4-flash")
    other = "fetch('https://openrouter.ai/api/v1/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat', messages }) });\n"
    assert "thinking" not in fix(other, path="a.js", unsafe=True)


def test_fetch_current_body_with_mode_is_left_alone():
    source = "fetch(u, { body: JSON.stringify({ model: 'deepseek-v4-flash', messages, thinking: { type: 'enabled' } }) });\n"
    assert scan(source, path="a.js") == []
    assert fix(source, path="a.js", unsafe=True) == source
