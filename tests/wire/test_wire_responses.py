"""The OpenAI Responses API on DeepSeek: ``reasoning={"effort": ...}`` on the wire.

DeepSeek's thinking-mode guide gives the Responses format its own toggle,
``{"reasoning": {"effort": "none/low/high/max"}}`` (``none`` disables
thinking), so this pair's bodies must differ only in ``model`` and in a
``reasoning`` object with the effort for the legacy name's mode.
"""

from __future__ import annotations

import pytest

from wire_harness import WireError, expected_model, fixed_by_ds_migrate, run_programs


@pytest.fixture(autouse=True)
def _openai_with_responses():
    openai = pytest.importorskip("openai")
    if not hasattr(openai.OpenAI(api_key="x", base_url="http://127.0.0.1:9"), "responses"):
        pytest.skip("this openai has no Responses API")

EFFORT = {"deepseek-chat": "none", "deepseek-reasoner": "high"}


def check_responses_pair(wire, before: str, after: str) -> None:
    fixed = fixed_by_ds_migrate(before, wire.workdir / "project", "app.py", {})
    assert fixed == after
    sent = run_programs(wire.recorder, {"before": before, "after": after}, wire.workdir)
    assert sent["before"] and len(sent["before"]) == len(sent["after"])
    for b, a in zip(sent["before"], sent["after"]):
        assert b.path == a.path and b.path.endswith("/responses")
        old = b.body["model"]
        assert a.body["model"] == expected_model(old)
        reasoning_before = b.body.get("reasoning") or {}
        if "effort" in reasoning_before:
            raise WireError(f"the before body already sets an effort: {reasoning_before!r}")
        assert a.body["reasoning"] == {**reasoning_before, "effort": EFFORT[old]}
        assert "thinking" not in a.body
        rest = lambda body: {k: v for k, v in body.items() if k not in ("model", "reasoning")}  # noqa: E731
        assert rest(b.body) == rest(a.body)


def test_responses_create_chat_sends_effort_none(wire):
    check_responses_pair(
        wire,
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
response = client.responses.create(model="deepseek-chat", instructions="Be brief.", input="Hello")
print(response.output_text)
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
response = client.responses.create(model="deepseek-v4-flash", instructions="Be brief.", input="Hello", reasoning={"effort": "none"})
print(response.output_text)
''',
    )


def test_responses_create_reasoner_inside_existing_reasoning(wire):
    check_responses_pair(
        wire,
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
response = client.responses.create(
    model="deepseek-reasoner",
    input="Prove it",
    reasoning={"summary": "auto"},
)
print(response.output_text)
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
response = client.responses.create(
    model="deepseek-v4-flash",
    input="Prove it",
    reasoning={"summary": "auto", "effort": "high"},
)
print(response.output_text)
''',
    )
