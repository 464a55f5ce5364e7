"""The Anthropic SDK on DeepSeek's Anthropic endpoint (contexts/anthropic_sdk.py).

Unpinned, it gets extra_body (thinking= is a TypeError before anthropic 0.47);
tests/test_pins.py has the pinned cases."""

from conftest import fix


def test_anthropic_messages_enabled_has_budget_tokens():
    before = 'client.messages.create(model="deepseek-reasoner", max_tokens=4096, messages=m)\n'
    after = (
        'client.messages.create(model="deepseek-v4-flash", max_tokens=4096, messages=m, '
        'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n'
    )
    assert fix(before) == after


def test_anthropic_messages_disabled():
    before = 'client.messages.create(model="deepseek-chat", max_tokens=64, messages=m)\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "disabled"}})\n')


def test_anthropic_existing_extra_body_thinking_is_kept():
    before = 'client.messages.create(model="deepseek-chat", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_anthropic_existing_thinking_is_kept():
    before = 'client.messages.create(model="deepseek-chat", messages=m, thinking={"type": "enabled", "budget_tokens": 2048})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
