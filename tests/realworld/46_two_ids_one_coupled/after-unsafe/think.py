from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def think(question):
    return client.chat.completions.create(
        model="deepseek-v4-flash", messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "enabled"}}
    )
