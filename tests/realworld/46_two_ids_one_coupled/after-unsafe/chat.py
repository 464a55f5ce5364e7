from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def reply(history):
    return client.chat.completions.create(model="deepseek-v4-flash", messages=history, extra_body={"thinking": {"type": "disabled"}})
