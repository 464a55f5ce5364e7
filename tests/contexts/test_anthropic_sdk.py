"""The Anthropic SDK on DeepSeek's Anthropic endpoint (contexts/anthropic_sdk.py).

Unpinned, it gets extra_body (thinking= is a TypeError before anthropic 0.47)."""

import pytest

from conftest import fix, scan
from projects import project

ANTHROPIC = 'client.messages.create(model="deepseek-reasoner", max_tokens=4096, messages=m)\n'


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
    (finding,) = scan(before)
    assert finding.note == "the call already sets thinking=; kept as is"


@pytest.mark.parametrize(
    "files, tail",
    [
        pytest.param({}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n', id="unpinned"),
        pytest.param({"requirements.txt": "anthropic==0.40.0\n"}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n', id="0.40.0"),
        pytest.param({"requirements.txt": "anthropic==0.46.0\n"}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n', id="0.46.0"),
        pytest.param({"requirements.txt": "anthropic==0.47.0\n"}, 'thinking={"type": "enabled", "budget_tokens": 1024})\n', id="0.47.0"),
        pytest.param({"poetry.lock": '[[package]]\nname = "anthropic"\nversion = "2.14.0"\n'}, 'thinking={"type": "enabled", "budget_tokens": 1024})\n', id="poetry-lock-2.14.0"),
    ],
)
def test_anthropic_form_by_version(tmp_path, files, tail):
    assert fix(ANTHROPIC, path=project(tmp_path, files)).endswith("messages=m, " + tail)


def test_anthropic_older_than_checked_is_renamed_and_reported(tmp_path):
    path = project(tmp_path, {"requirements.txt": "anthropic==0.30.1\n"})
    assert fix(ANTHROPIC, path=path) == ANTHROPIC.replace("deepseek-reasoner", "deepseek-v4-flash")
    assert "anthropic ==0.30.1" in scan(ANTHROPIC, path=path)[0].note


def test_anthropic_v4_call_with_thinking_is_left_alone():
    source = 'client.messages.create(model="deepseek-v4-flash", max_tokens=64, messages=m, thinking={"type": "disabled"})\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source


def test_anthropic_messages_stream():
    before = 'with client.messages.stream(model="deepseek-reasoner", max_tokens=64, messages=m) as s:\n    pass\n'
    after = (
        'with client.messages.stream(model="deepseek-v4-flash", max_tokens=64, messages=m, '
        'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}}) as s:\n    pass\n'
    )
    assert fix(before) == after
