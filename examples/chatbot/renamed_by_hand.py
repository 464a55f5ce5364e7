"""A module someone already "migrated" by following a blog post: the names
are new, but V4 now thinks on every request."""

from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def quick_reply(text: str) -> str:
    response = client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": text}],
        temperature=0.7,
    )
    return response.choices[0].message.content


def deep_reply(text: str) -> str:
    response = client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": text}],
        extra_body={"thinking": True},
    )
    return response.choices[0].message.content
