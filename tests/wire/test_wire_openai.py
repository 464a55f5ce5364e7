"""The OpenAI Python SDK on the wire: ``extra_body={"thinking": ...}`` in every call shape."""

from __future__ import annotations

import pytest

from wire_harness import fixed_by_ds_migrate, need


@pytest.fixture(autouse=True)
def _openai():
    need("openai")


def test_sync_create_chat(wire):
    wire.check(
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
reply = client.chat.completions.create(
    model="deepseek-chat",
    messages=[{"role": "user", "content": "Hello"}],
    temperature=0.2,
)
print(reply.choices[0].message.content)
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
reply = client.chat.completions.create(
    model="deepseek-v4-flash",
    messages=[{"role": "user", "content": "Hello"}],
    temperature=0.2,
    extra_body={"thinking": {"type": "disabled"}},
)
print(reply.choices[0].message.content)
''',
    )


def test_sync_create_reasoner_with_existing_extra_body(wire):
    wire.check(
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
reply = client.chat.completions.create(
    model="deepseek-reasoner",
    messages=[{"role": "user", "content": "Prove it"}],
    extra_body={"top_k": 5},
)
assert reply.choices[0].message.content == "ok"
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
reply = client.chat.completions.create(
    model="deepseek-v4-flash",
    messages=[{"role": "user", "content": "Prove it"}],
    extra_body={"top_k": 5, "thinking": {"type": "enabled"}},
)
assert reply.choices[0].message.content == "ok"
''',
    )


def test_async_create(wire):
    wire.check(
        '''import asyncio

from openai import AsyncOpenAI


async def main():
    client = AsyncOpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
    reply = await client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Hello"}],
    )
    print(reply.choices[0].message.content)


asyncio.run(main())
''',
        '''import asyncio

from openai import AsyncOpenAI


async def main():
    client = AsyncOpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
    reply = await client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": "Hello"}],
        extra_body={"thinking": {"type": "disabled"}},
    )
    print(reply.choices[0].message.content)


asyncio.run(main())
''',
    )


def test_stream_with_usage(wire):
    wire.check(
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
stream = client.chat.completions.create(
    model="deepseek-reasoner",
    messages=[{"role": "user", "content": "Hello"}],
    stream=True,
    stream_options={"include_usage": True},
)
text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
assert text == "ok", text
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
stream = client.chat.completions.create(
    model="deepseek-v4-flash",
    messages=[{"role": "user", "content": "Hello"}],
    stream=True,
    stream_options={"include_usage": True},
    extra_body={"thinking": {"type": "enabled"}},
)
text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
assert text == "ok", text
''',
    )


def _parse_method() -> str:
    """Where this openai keeps ``parse``: under ``beta`` before 1.92-ish, on ``chat.completions`` since."""
    import openai

    client = openai.OpenAI(api_key="sk-test")
    if hasattr(client.chat.completions, "parse"):
        return "client.chat.completions.parse"
    if hasattr(getattr(client, "beta", None), "chat"):
        return "client.beta.chat.completions.parse"
    pytest.skip("this openai has no parse helper")


PARSE_PROGRAM = '''from openai import OpenAI
from pydantic import BaseModel


class Answer(BaseModel):
    text: str
    score: int


client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
reply = METHOD(
    model="MODEL",
    messages=[{"role": "user", "content": "Rate it"}],
    response_format=Answer,EXTRA
)
assert reply.choices[0].message.parsed.score == 1
'''


def test_parse_structured_output(wire):
    method = _parse_method()
    program = PARSE_PROGRAM.replace("METHOD", method)
    wire.check(
        program.replace("MODEL", "deepseek-chat").replace("EXTRA", ""),
        program.replace("MODEL", "deepseek-v4-flash").replace(
            "EXTRA", '\n    extra_body={"thinking": {"type": "disabled"}},'
        ),
    )


def test_with_raw_response(wire):
    wire.check(
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
raw = client.chat.completions.with_raw_response.create(
    model="deepseek-coder",
    messages=[{"role": "user", "content": "Hello"}],
)
assert raw.headers.get("x-request-id") == "req-wire"
assert raw.parse().choices[0].message.content == "ok"
''',
        '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-test")
raw = client.chat.completions.with_raw_response.create(
    model="deepseek-v4-flash",
    messages=[{"role": "user", "content": "Hello"}],
    extra_body={"thinking": {"type": "disabled"}},
)
assert raw.headers.get("x-request-id") == "req-wire"
assert raw.parse().choices[0].message.content == "ok"
''',
    )


def test_fim_completion_is_renamed_only(wire):
    """FIM is non-thinking only: the fix renames and adds nothing, so only the model differs."""
    before = '''from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com/beta", api_key="sk-test")
reply = client.completions.create(model="deepseek-chat", prompt="def f(", suffix="    return 1")
assert reply.choices[0].text == "ok"
'''
    after = before.replace('model="deepseek-chat"', 'model="deepseek-v4-flash"')

    assert fixed_by_ds_migrate(before, wire.workdir / "project", "app.py", {}) == after
    (sent_before,) = wire.run(before, "before")
    (sent_after,) = wire.run(after, "after")
    assert sent_before.path.endswith("/beta/completions")
    assert sent_after.body == {**sent_before.body, "model": "deepseek-v4-flash"}
