from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def hello() -> str:
    out = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": "Hello"}], extra_body={"thinking": {"type": "disabled"}})
    return out.choices[0].message.content
