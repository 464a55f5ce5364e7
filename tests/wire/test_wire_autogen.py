"""AutoGen's ``OpenAIChatCompletionClient(..., extra_body=...)`` on the wire.

autogen-ext 0.7.5 sends the constructor's ``extra_body``; earlier releases
drop it without a word (the fix's note says so), which the same pair shows
on an older version: the after program then sends no thinking at all.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest


@pytest.fixture(autouse=True)
def _packages():
    pytest.importorskip("autogen_ext.models.openai")

BEFORE = '''import asyncio

from autogen_core.models import UserMessage
from autogen_ext.models.openai import OpenAIChatCompletionClient

client = OpenAIChatCompletionClient(
    model="deepseek-chat",
    base_url="https://api.deepseek.com",
    api_key="sk-test",
    model_info={"vision": False, "function_calling": True, "json_output": True, "family": "unknown", "structured_output": True},
)


async def main():
    result = await client.create([UserMessage(content="Hello", source="user")])
    print(result.content)


asyncio.run(main())
'''

AFTER = BEFORE.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
    '"structured_output": True},\n', '"structured_output": True},\n    extra_body={"thinking": {"type": "disabled"}},\n'
)


def _sends_extra_body() -> bool:
    parts = tuple(int(p) for p in version("autogen-ext").split(".")[:3] if p.isdigit())
    return parts >= (0, 7, 5)


def test_client_constructor_extra_body(wire):
    if _sends_extra_body():
        wire.check(BEFORE, AFTER)
        return
    # older releases: the fix is the same text, and the body shows it is dropped
    from wire_harness import fixed_by_ds_migrate

    assert fixed_by_ds_migrate(BEFORE, wire.workdir / "project", "app.py", {}) == AFTER
    sent = wire.run(AFTER, "after")
    assert sent and all("thinking" not in request.body for request in sent)
