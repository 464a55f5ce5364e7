"""Support assistant on the OpenAI SDK, pointed at DeepSeek."""

from __future__ import annotations

import os

from openai import AsyncOpenAI, OpenAI

SUMMARY_MODEL = "deepseek-chat"

client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")
aclient = AsyncOpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")


def answer(question: str, history: list[dict]) -> str:
    response = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "system", "content": "You are a helpful support agent."}, *history,
                  {"role": "user", "content": question}],
        temperature=0.3,
        max_tokens=800,
    )
    return response.choices[0].message.content


def summarize(ticket: str) -> str:
    # Summaries are cheap, so they go to deepseek-chat.
    response = client.chat.completions.create(
        model=SUMMARY_MODEL,
        messages=[{"role": "user", "content": f"Summarize:\n{ticket}"}],
    )
    return response.choices[0].message.content


def solve(problem: str) -> tuple[str, str]:
    """Hard tickets go to deepseek-reasoner, which shows its reasoning."""
    response = client.chat.completions.create(
        model="deepseek-reasoner",
        messages=[{"role": "user", "content": problem}],
        extra_body={"user_tier": "gold"},
    )
    message = response.choices[0].message
    return message.reasoning_content, message.content


def stream_answer(question: str):
    with client.chat.completions.with_streaming_response.create(
        model='deepseek-chat', messages=[{'role': 'user', 'content': question}], stream=True,
    ) as response:
        yield from response.iter_lines()


async def answer_async(question: str) -> str:
    raw = await aclient.chat.completions.with_raw_response.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": question}]
    )
    return raw.parse().choices[0].message.content
