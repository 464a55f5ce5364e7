from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def hello() -> str:
    out = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "Hello"}])
    return out.choices[0].message.content
