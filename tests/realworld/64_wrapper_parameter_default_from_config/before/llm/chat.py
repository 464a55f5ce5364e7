from openai import OpenAI

from llm.config import DEFAULT_MODEL

client = OpenAI(base_url="https://api.deepseek.com")


def chat(prompt: str, model: str = DEFAULT_MODEL) -> str:
    response = client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
    return response.choices[0].message.content
