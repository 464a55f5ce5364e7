"""Chat through DeepSeek's hosted API (deepseek-v4-flash)."""
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def ask(question: str) -> str:
    reply = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": question}], extra_body={"thinking": {"type": "disabled"}})
    return reply.choices[0].message.content
