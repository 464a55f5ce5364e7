from openai import OpenAI


def hi(api_key: str) -> str:
    client = OpenAI(base_url="https://api.deepseek.com", api_key=api_key)
    reply = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "Hi"}])
    return reply.choices[0].message.content
