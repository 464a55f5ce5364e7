"""Fallback through OpenRouter: its own model ids, not DeepSeek's API."""

from openai import OpenAI

openrouter = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="sk-or-...")


def fallback(question: str) -> str:
    response = openrouter.chat.completions.create(
        model="deepseek/deepseek-chat",
        messages=[{"role": "user", "content": question}],
    )
    return response.choices[0].message.content


BACKUP_ROUTE = "openrouter/deepseek/deepseek-chat-v3-0324"
