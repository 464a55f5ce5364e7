import os

from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()

client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com/v1")


def reply(history: list[dict]) -> str:
    completion = client.chat.completions.create(model=os.getenv("DEEPSEEK_MODEL"), messages=history, temperature=0.7, extra_body={"thinking": {"type": "disabled"}})
    return completion.choices[0].message.content
