import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")
MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")


def reply(text: str) -> str:
    response = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])
    return response.choices[0].message.content
