"""The Vercel AI SDK: generateText({ model: deepseek(...) }) gets
providerOptions: { deepseek: { thinking } } (languages/javascript.py)."""

from conftest import fix, scan


def test_vercel_ai_sdk_renamed_with_note():
    before = 'import { deepseek } from "@ai-sdk/deepseek";\nconst m = deepseek("deepseek-chat");\n'
    assert fix(before, path="a.ts") == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = scan(before, path="a.ts")
    assert "providerOptions" in finding.note
