"""Thin helper around the DeepSeek endpoint used by the portfolio backend."""
from openai import OpenAI

from app.config import settings

client = OpenAI(api_key=settings.LLM_KEY, base_url="https://api.deepseek.com")


def summarise(text: str) -> str:
    reply = client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[
            {"role": "system", "content": "Summarise the user's text in two sentences."},
            {"role": "user", "content": text},
        ],
        stream=False,
        extra_body={"thinking": {"type": "disabled"}},
    )
    return reply.choices[0].message.content
