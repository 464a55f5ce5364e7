"""agno's DeepSeek model on the wire: request_params unpinned, and the form
chosen for the agno version installed here when the project pins it."""

from __future__ import annotations

import pytest

from packaging.version import Version

from ds_migrate.deepseek.forms import FORMS, _at_least
from wire_harness import installed, need

AGNO = """from agno.agent import Agent
from agno.models.deepseek import DeepSeek

model = DeepSeek(id="MODEL", base_url="https://api.deepseek.com", api_key="sk-test"TOGGLE)
agent = Agent(model=model)
response = agent.run("Hello")
assert response.content == "ok", response.content
"""

REQUEST_PARAMS = ', request_params={"extra_body": {"thinking": {"type": "MODE"}}}'


def _use_thinking_works() -> bool:
    """Whether the table gives this agno ``use_thinking=`` (2.6.10 on)."""
    text = installed("agno") or "0"
    since, _ = FORMS["agno"]["works"][("use_thinking", "enabled")]
    return _at_least(Version(text), since)


def _pair(legacy: str, toggle: str, mode: str):
    before = AGNO.replace("MODEL", legacy).replace("TOGGLE", "")
    after = AGNO.replace("MODEL", "deepseek-v4-flash").replace("TOGGLE", toggle.replace("MODE", mode))
    return before, after


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_agno_unpinned_request_params(wire, legacy, mode):
    need("agno")
    wire.check(*_pair(legacy, REQUEST_PARAMS, mode))


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_agno_pinned_to_this_version(wire, legacy, mode):
    need("agno")
    if _use_thinking_works():
        toggle = ", use_thinking=" + ("True" if mode == "enabled" else "False")
    else:
        toggle = REQUEST_PARAMS
    before, after = _pair(legacy, toggle, mode)
    pyproject = f'[project]\nname = "app"\nversion = "0"\ndependencies = ["agno=={installed("agno")}"]\n'
    wire.check(before, after, files={"pyproject.toml": pyproject})
