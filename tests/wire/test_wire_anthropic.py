"""The Anthropic SDK on DeepSeek's Anthropic endpoint: ``extra_body={"thinking": ...}``
with no pin (``thinking=`` is a TypeError before anthropic 0.47), and the form
chosen for the anthropic version installed here when the project pins it."""

from __future__ import annotations

import pytest

from wire_harness import installed, need


@pytest.fixture(autouse=True)
def _anthropic():
    need("anthropic")


def test_create_reasoner_gets_enabled_with_budget(wire):
    wire.check(
        '''import anthropic

client = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
message = client.messages.create(
    model="deepseek-reasoner",
    max_tokens=2048,
    messages=[{"role": "user", "content": "Hello"}],
)
assert message.content[0].text == "ok"
''',
        '''import anthropic

client = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
message = client.messages.create(
    model="deepseek-v4-flash",
    max_tokens=2048,
    messages=[{"role": "user", "content": "Hello"}],
    extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}},
)
assert message.content[0].text == "ok"
''',
    )


def test_create_chat_gets_disabled(wire):
    wire.check(
        '''from anthropic import Anthropic

client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
message = client.messages.create(
    model="deepseek-chat",
    max_tokens=256,
    system="Be brief.",
    messages=[{"role": "user", "content": "Hello"}],
)
print(message.content[0].text)
''',
        '''from anthropic import Anthropic

client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
message = client.messages.create(
    model="deepseek-v4-flash",
    max_tokens=256,
    system="Be brief.",
    messages=[{"role": "user", "content": "Hello"}],
    extra_body={"thinking": {"type": "disabled"}},
)
print(message.content[0].text)
''',
    )


def test_stream(wire):
    wire.check(
        '''from anthropic import Anthropic

client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
with client.messages.stream(
    model="deepseek-chat",
    max_tokens=256,
    messages=[{"role": "user", "content": "Hi"}],
) as stream:
    assert stream.get_final_text() == "ok"
''',
        '''from anthropic import Anthropic

client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
with client.messages.stream(
    model="deepseek-v4-flash",
    max_tokens=256,
    messages=[{"role": "user", "content": "Hi"}],
    extra_body={"thinking": {"type": "disabled"}},
) as stream:
    assert stream.get_final_text() == "ok"
''',
    )


def test_pinned_to_this_version(wire):
    version = tuple(int(p) for p in (installed("anthropic") or "0").split(".")[:2] if p.isdigit())
    if version >= (0, 47):
        toggle = '    thinking={"type": "enabled", "budget_tokens": 1024},\n'
    else:
        toggle = '    extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}},\n'
    program = """from anthropic import Anthropic

client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
with client.messages.stream(
    model="MODEL",
    max_tokens=2048,
    messages=[{"role": "user", "content": "Hi"}],
TOGGLE) as stream:
    assert stream.get_final_text() == "ok"
"""
    wire.check(
        program.replace("MODEL", "deepseek-reasoner").replace("TOGGLE", ""),
        program.replace("MODEL", "deepseek-v4-flash").replace("TOGGLE", toggle),
        files={"requirements.txt": f"anthropic=={installed('anthropic')}\n"},
    )
