"""JSON request bodies outside Python SDK calls, and the Vercel AI SDK:
JS ``fetch(url, { body: JSON.stringify({...}) })``, ``curl -d '...'`` in shell
scripts and Markdown, ``generateText({ model: deepseek(...) })``."""

from conftest import codes, fix, scan

VERCEL = "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText, streamText, generateObject } from 'ai';\n"


# -- Vercel AI SDK ---------------------------------------------------------------------------


def test_vercel_generate_text_gets_provider_options():
    before = VERCEL + "const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt: 'Hi' });\n"
    after = VERCEL + "const { text } = await generateText({ model: deepseek('deepseek-v4-flash'), prompt: 'Hi', providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });\n"
    assert fix(before, path="a.ts") == after


def test_vercel_multiline_call_with_trailing_comma():
    before = VERCEL + 'const result = streamText({\n  model: deepseek("deepseek-reasoner"),\n  prompt,\n});\n'
    after = VERCEL + 'const result = streamText({\n  model: deepseek("deepseek-v4-flash"),\n  prompt,\n  providerOptions: { deepseek: { thinking: { type: "enabled" } } },\n});\n'
    assert fix(before, path="a.js") == after


def test_vercel_existing_provider_options_are_merged_into():
    before = VERCEL + "const r = await generateObject({\n  model: deepseek('deepseek-chat'),\n  schema,\n  providerOptions: { deepseek: { reasoningEffort: 'low' } },\n});\n"
    after = VERCEL + "const r = await generateObject({\n  model: deepseek('deepseek-v4-flash'),\n  schema,\n  providerOptions: { deepseek: { reasoningEffort: 'low', thinking: { type: 'disabled' } } },\n});\n"
    assert fix(before, path="a.mjs") == after
    other = VERCEL + "await generateText({ model: deepseek('deepseek-chat'), providerOptions: { openai: {} } });\n"
    assert fix(other, path="a.js").endswith("providerOptions: { openai: {}, deepseek: { thinking: { type: 'disabled' } } } });\n")


def test_vercel_existing_thinking_is_kept():
    before = VERCEL + "await generateText({ model: deepseek('deepseek-chat'), providerOptions: { deepseek: { thinking: { type: 'enabled' } } } });\n"
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "kept as is" in scan(before, path="a.js")[0].note


def test_vercel_provider_options_from_elsewhere_is_renamed_with_note():
    before = VERCEL + "await generateText({ model: deepseek('deepseek-chat'), providerOptions: OPTIONS });\n"
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "built elsewhere" in scan(before, path="a.js")[0].note


def test_vercel_model_outside_a_call_is_renamed_with_note():
    before = VERCEL + "const model = deepseek('deepseek-chat');\n"
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "providerOptions" in scan(before, path="a.js")[0].note


def test_vercel_spread_options_are_unsafe():
    before = VERCEL + "await generateText({ ...base, model: deepseek('deepseek-chat') });\n"
    assert fix(before, path="a.js") == before
    assert fix(before, path="a.js", unsafe=True).endswith("providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });\n")


# -- fetch / JSON.stringify ---------------------------------------------------------------------


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


# -- curl -d '...' --------------------------------------------------------------------------------

CURL = (
    "curl https://api.deepseek.com/chat/completions \\\n"
    '  -H "Content-Type: application/json" \\\n'
    '  -H "Authorization: Bearer ${DEEPSEEK_API_KEY}" \\\n'
    "  -d '{\n"
    '        "model": "deepseek-chat",\n'
    '        "messages": [\n'
    '          {"role": "user", "content": "Hello!"}\n'
    "        ],\n"
    '        "stream": false\n'
    "      }'\n"
)


def test_curl_multiline_body_gets_thinking_in_its_layout():
    after = CURL.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        '"stream": false\n', '"stream": false,\n        "thinking": {"type": "disabled"}\n'
    )
    assert fix(CURL, path="call.sh") == after
    assert codes(CURL, path="call.sh") == ["DSM102"]


def test_curl_compact_body_keeps_its_compact_style():
    before = "curl -s \"$URL\" --data-raw '{\"model\":\"deepseek-reasoner\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'\n"
    after = "curl -s \"$URL\" --data-raw '{\"model\":\"deepseek-v4-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"thinking\":{\"type\":\"enabled\"}}'\n"
    assert fix(before, path="run.sh") == after


def test_curl_body_must_not_change_beyond_the_rename():
    thinking = "curl https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": [], \"thinking\": {\"type\": \"enabled\"}}'\n"
    assert fix(thinking, path="a.sh") == thinking.replace("deepseek-chat", "deepseek-v4-flash")
    fim = "curl https://api.deepseek.com/beta/completions -d '{\"model\": \"deepseek-chat\", \"prompt\": \"def f(\"}'\n"
    assert "thinking" not in fix(fim, path="a.sh")
    other_host = "curl https://openrouter.ai/api/v1/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": []}'\n"
    assert "thinking" not in fix(other_host, path="a.sh")
    not_json = "curl https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": '\"$M\"'}'\n"
    assert "thinking" not in fix(not_json, path="a.sh")
    no_curl = "http POST https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": []}'\n"
    assert "thinking" not in fix(no_curl, path="a.sh")


def test_curl_in_a_markdown_block_is_fixed_with_unsafe_fixes():
    before = "# Try it\n\n```bash\n" + CURL + "```\n"
    fixed = fix(before, path="README.md", unsafe=True)
    assert '"thinking": {"type": "disabled"}' in fixed and "deepseek-v4-flash" in fixed
    assert fix(before, path="README.md") == before
