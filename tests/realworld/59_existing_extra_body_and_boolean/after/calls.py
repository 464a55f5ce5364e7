from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def tagged(question: str):
    return client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": question}],
        extra_body={"user_tag": "batch-7", "thinking": {"type": "disabled"}},
    )


def deep(question: str):
    return client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "enabled"}},
    )
