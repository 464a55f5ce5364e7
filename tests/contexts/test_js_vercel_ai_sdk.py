"""The Vercel AI SDK: generateText({ model: deepseek(...) }) gets
providerOptions: { deepseek: { thinking } } (languages/javascript.py)."""

import pytest

from conftest import fix, scan
from projects import project

VERCEL = "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText, streamText, generateObject } from 'ai';\n"


def test_vercel_ai_sdk_renamed_with_note():
    before = 'import { deepseek } from "@ai-sdk/deepseek";\nconst m = deepseek("deepseek-chat");\n'
    assert fix(before, path="a.ts") == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = scan(before, path="a.ts")
    assert "providerOptions" in finding.note


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


def test_vercel_current_model_with_mode_is_left_alone():
    source = VERCEL + "await generateText({ model: deepseek('deepseek-v4-flash'), providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });\n"
    assert scan(source, path="a.js") == []
    assert fix(source, path="a.js", unsafe=True) == source


@pytest.mark.parametrize("deepseek, ai", [("1.0.0", "5.0.0"), ("^1.0.20", "^5.0.0"), ("2.0.69", "6.0.326")])
def test_vercel_provider_options_for_every_pinned_line(tmp_path, deepseek, ai):
    """@ai-sdk/deepseek 1.0.0 with ai 5.0.0 already copies providerOptions.deepseek
    into the body (tests/wire/js/ai5), as 2.x and 3.x do: the pin changes nothing."""
    package = '{"dependencies": {"@ai-sdk/deepseek": "%s", "ai": "%s"}}\n' % (deepseek, ai)
    path = project(tmp_path, {"package.json": package}).replace("app.py", "app.ts")
    before = VERCEL + "const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt: 'Hi' });\n"
    after = VERCEL + "const { text } = await generateText({ model: deepseek('deepseek-v4-flash'), prompt: 'Hi', providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });\n"
    assert fix(before, path=path) == after
