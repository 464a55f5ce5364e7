"""CrewAI's LLM on the wire: ``extra_body={"thinking": ...}`` reaches the body
(CrewAI 1.x sends DeepSeek models through its native OpenAI-compatible client)."""

from __future__ import annotations

import pytest

from wire_harness import need

CREWAI = """from crewai import LLM

llm = LLM(model="deepseek/MODEL", base_url="https://api.deepseek.com", api_key="sk-test"TOGGLE)
assert llm.call("Hello") == "ok"
"""


@pytest.mark.parametrize("legacy, mode", [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")])
def test_crewai_llm(wire, legacy, mode):
    need("crewai")
    wire.check(
        CREWAI.replace("MODEL", legacy).replace("TOGGLE", ""),
        CREWAI.replace("MODEL", "deepseek-v4-flash").replace(
            "TOGGLE", ', extra_body={"thinking": {"type": "' + mode + '"}}'
        ),
    )
