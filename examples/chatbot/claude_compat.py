"""The same assistant through DeepSeek's Anthropic-format endpoint."""

import anthropic

client = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic")


def ask(question: str) -> str:
    message = client.messages.create(
        model="deepseek-reasoner",
        max_tokens=4096,
        messages=[{"role": "user", "content": question}],
    )
    return message.content[-1].text
