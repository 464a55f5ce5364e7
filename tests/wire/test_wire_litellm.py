"""LiteLLM and DSPy on the wire: the form chosen unpinned, and the form chosen
for the LiteLLM version installed here when the project pins it."""

from __future__ import annotations

import pytest

from packaging.version import Version

from ds_migrate.deepseek.forms import FORMS, _at_least
from wire_harness import installed, need

LITELLM = """import litellm

reply = litellm.completion(
    model="deepseek/MODEL",
    messages=[{"role": "user", "content": "Hello"}],
    api_base="https://api.deepseek.com",
    api_key="sk-test",TOGGLE
)
assert reply.choices[0].message.content == "ok"
"""

DSPY = """import dspy

lm = dspy.LM("deepseek/MODEL", api_base="https://api.deepseek.com", api_key="sk-test", cache=False, max_tokens=64TOGGLE)
assert lm("Hello") == ["ok"]
"""

EXTRA_BODY = '\n    extra_body={"thinking": {"type": "MODE"}},'
KEYWORD = '\n    thinking={"type": "MODE"},'


def _version() -> Version:
    return Version(installed("litellm") or "0")


def _pinned_form(mode: str) -> str:
    """The form expected for the installed LiteLLM when a project pins it:
    ``thinking=`` from the version forms.py gives for the mode, ``extra_body`` before."""
    since, _ = FORMS["litellm"]["works"][("thinking", mode)]
    return "thinking" if _at_least(_version(), since) else "extra_body"


def _pair(template: str, legacy: str, toggle: str, mode: str, inline: bool = False):
    before = template.replace("MODEL", legacy).replace("TOGGLE", "")
    if inline:  # DSPy: the keyword goes on the same line
        toggle = ", " + toggle.strip().rstrip(",")
    after = template.replace("MODEL", "deepseek-v4-flash").replace("TOGGLE", toggle.replace("MODE", mode))
    return before, after


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_litellm_unpinned_extra_body(wire, legacy, mode):
    need("litellm")
    wire.check(*_pair(LITELLM, legacy, EXTRA_BODY, mode))


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_litellm_pinned_to_this_version(wire, legacy, mode):
    need("litellm")
    toggle = KEYWORD if _pinned_form(mode) == "thinking" else EXTRA_BODY
    before, after = _pair(LITELLM, legacy, toggle, mode)
    wire.check(before, after, files={"requirements.txt": f"litellm=={installed('litellm')}\n"})


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_dspy_unpinned_extra_body(wire, legacy, mode):
    need("dspy")
    wire.check(*_pair(DSPY, legacy, EXTRA_BODY, mode, inline=True))


def test_dspy_with_litellm_locked(wire):
    """A uv.lock names the LiteLLM DSPy runs on: that version decides."""
    need("dspy")
    toggle = KEYWORD if _pinned_form("disabled") == "thinking" else EXTRA_BODY
    before, after = _pair(DSPY, "deepseek-chat", toggle, "disabled", inline=True)
    lock = (
        'version = 1\n\n[[package]]\nname = "dspy"\nversion = "' + installed("dspy") + '"\n\n'
        '[[package]]\nname = "litellm"\nversion = "' + installed("litellm") + '"\n'
    )
    wire.check(before, after, files={"uv.lock": lock})
