"""Raw request bodies sent with requests and httpx: a top-level ``"thinking"`` key."""

from __future__ import annotations

from wire_harness import need


def test_requests_payload_dict(wire):
    need("requests")
    wire.check(
        '''import requests

payload = {
    "model": "deepseek-chat",
    "messages": [{"role": "user", "content": "Hi"}],
    "temperature": 0.3,
}
response = requests.post(
    "https://api.deepseek.com/chat/completions",
    json=payload,
    headers={"Authorization": "Bearer sk-test"},
    timeout=30,
)
response.raise_for_status()
print(response.json()["choices"][0]["message"]["content"])
''',
        '''import requests

payload = {
    "model": "deepseek-v4-flash",
    "messages": [{"role": "user", "content": "Hi"}],
    "temperature": 0.3,
    "thinking": {"type": "disabled"},
}
response = requests.post(
    "https://api.deepseek.com/chat/completions",
    json=payload,
    headers={"Authorization": "Bearer sk-test"},
    timeout=30,
)
response.raise_for_status()
print(response.json()["choices"][0]["message"]["content"])
''',
    )


def test_httpx_inline_payload_streaming(wire):
    need("httpx")
    wire.check(
        '''import httpx

with httpx.Client(timeout=30) as http:
    with http.stream(
        "POST",
        "https://api.deepseek.com/chat/completions",
        json={"model": "deepseek-reasoner", "messages": [{"role": "user", "content": "Hi"}], "stream": True},
        headers={"Authorization": "Bearer sk-test"},
    ) as response:
        response.raise_for_status()
        lines = [line for line in response.iter_lines() if line.startswith("data: ")]
assert lines[-1] == "data: [DONE]"
''',
        '''import httpx

with httpx.Client(timeout=30) as http:
    with http.stream(
        "POST",
        "https://api.deepseek.com/chat/completions",
        json={"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": "Hi"}], "stream": True, "thinking": {"type": "enabled"}},
        headers={"Authorization": "Bearer sk-test"},
    ) as response:
        response.raise_for_status()
        lines = [line for line in response.iter_lines() if line.startswith("data: ")]
assert lines[-1] == "data: [DONE]"
''',
    )


def test_httpx_async_payload(wire):
    need("httpx")
    wire.check(
        '''import asyncio

import httpx


async def ask():
    async with httpx.AsyncClient(base_url="https://api.deepseek.com") as http:
        response = await http.post(
            "/chat/completions",
            json={"model": "deepseek-coder", "messages": [{"role": "user", "content": "Hi"}]},
        )
        return response.json()


assert asyncio.run(ask())["choices"][0]["message"]["content"] == "ok"
''',
        '''import asyncio

import httpx


async def ask():
    async with httpx.AsyncClient(base_url="https://api.deepseek.com") as http:
        response = await http.post(
            "/chat/completions",
            json={"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": "Hi"}], "thinking": {"type": "disabled"}},
        )
        return response.json()


assert asyncio.run(ask())["choices"][0]["message"]["content"] == "ok"
''',
    )
