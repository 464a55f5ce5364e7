from openai import OpenAI

from app.settings import SUMMARY_MODEL

client = OpenAI(base_url="https://api.deepseek.com", api_key="...")


def summarise(text: str) -> str:
    reply = client.chat.completions.create(
        model=SUMMARY_MODEL,
        messages=[{"role": "user", "content": f"Summarise: {text}"}],
    )
    return reply.choices[0].message.content
