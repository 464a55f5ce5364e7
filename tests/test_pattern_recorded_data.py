"""Patterns 4 and 8: recorded data and API responses are reported, never rewritten."""

from __future__ import annotations

import pytest

from conftest import codes, fix

RECORDED = {
    "run-record": ("runs/2025-06-01.json", '{"request": {"model": "deepseek-chat"}, "response": {"choices": [], "usage": {"prompt_tokens": 9}}}\n'),
    "mocked-response-json": ("tests/data/reply.json", '{"id": "c1", "object": "chat.completion", "model": "deepseek-reasoner", "choices": []}\n'),
    "quoted-output-in-docs": ("docs/usage.md", 'It answers:\n\n```json\n{"object": "chat.completion", "model": "deepseek-chat", "choices": []}\n```\n'),
    "model-validate": ("tests/test_parse.py", 'reply = ChatCompletion.model_validate({"id": "x", "model": "deepseek-chat", "choices": []})\n'),
    "response-dict": ("tests/fakes.py", 'FAKE = {"object": "chat.completion", "model": "deepseek-reasoner", "choices": []}\n'),
    "constructed-response": ("tests/fakes2.py", 'msg = ChatCompletion(id="1", model="deepseek-chat", choices=[], created=0, object="chat.completion")\n'),
    "cassette": ("tests/cassettes/t.yaml", "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n"),
}


@pytest.mark.parametrize("shape", sorted(RECORDED))
def test_recorded_data_is_reported_not_rewritten(shape):
    path, source = RECORDED[shape]
    assert set(codes(source, path=path)) == {"DSM111"}
    assert fix(source, unsafe=True, path=path) == source


def test_a_request_body_is_not_mistaken_for_a_response():
    source = 'body = {"model": "deepseek-chat", "messages": []}\nrequests.post(u, json=body)\n'
    assert codes(source) == ["DSM102"]


# -- issue 23: a mocked response in a TS test, a docs page's printed output ---------

RECORDED_ELSEWHERE = {
    "ts-mock-resolved-value": (
        "web/test/summarise.test.ts",
        "const create = vi.fn().mockResolvedValue({\n  id: 'chatcmpl-1',\n  object: 'chat.completion',\n"
        "  model: 'deepseek-chat',\n  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' } }],\n});\n",
    ),
    "js-response-with-usage": (
        "test/fake.js",
        "export const reply = { model: 'deepseek-reasoner', usage: { prompt_tokens: 3 } };\n",
    ),
    "docs-console-output": (
        "docs/run.md",
        "# Run\n\n```console\n$ summarise notes.txt\n2026-05-02 10:14:03 INFO model=deepseek-chat tokens=812\n```\n",
    ),
    "docs-text-output": ("docs/out.md", "Output:\n\n```text\nmodel: deepseek-reasoner\nanswer: 42\n```\n"),
    "docs-unlabelled-log": ("docs/log.md", "Log:\n\n```\n[2026-05-01 09:00:00] INFO request model=deepseek-reasoner\n```\n"),
}


@pytest.mark.parametrize("shape", sorted(RECORDED_ELSEWHERE))
def test_recorded_output_and_mocks_are_reported_not_rewritten(shape):
    path, source = RECORDED_ELSEWHERE[shape]
    assert set(codes(source, path=path)) == {"DSM111"}
    assert fix(source, unsafe=True, path=path) == source


def test_a_ts_request_is_not_mistaken_for_a_mocked_response():
    source = "await openai.chat.completions.create({ model: 'deepseek-chat', messages });\n"
    assert codes(source, path="a.ts") == ["DSM101"]


def test_a_console_prompt_line_is_a_command_not_output():
    source = "```console\n$ ds --model deepseek-chat\nanswer: 42\n```\n"
    assert codes(source, path="docs/a.md") == ["DSM108"]
    assert "deepseek-v4-flash" in fix(source, unsafe=True, path="docs/a.md")
