import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")
MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-v4-flash")


def reply(text: str) -> str:
    response = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}], extra_body={"thinking": {"type": "disabled"}})
    return response.choices[0].message.content
