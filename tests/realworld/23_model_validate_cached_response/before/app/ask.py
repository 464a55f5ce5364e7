import os

from openai import OpenAI

from app.cache import CANNED


def ask(question: str):
    if os.environ.get("OFFLINE"):
        return CANNED
    client = OpenAI(base_url="https://api.deepseek.com")
    return client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": question}])
