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
