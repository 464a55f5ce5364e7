from openai import OpenAI

from . import config

client = OpenAI(api_key=config.API_KEY, base_url="https://api.deepseek.com")


def answer(question: str) -> str:
    reply = client.chat.completions.create(
        model=config.DEFAULT_MODEL,
        messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "disabled"}},
    )
    return reply.choices[0].message.content


def title(text: str) -> str:
    reply = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": f"A title for: {text}"}],
        max_tokens=20,
    )
    return reply.choices[0].message.content
