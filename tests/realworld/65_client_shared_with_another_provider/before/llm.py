from openai import OpenAI

import config

client = OpenAI(base_url=config.BASE_URLS[config.PROVIDER])


def complete(messages: list[dict]) -> str:
    response = client.chat.completions.create(model=config.MODEL, messages=messages)
    return response.choices[0].message.content
