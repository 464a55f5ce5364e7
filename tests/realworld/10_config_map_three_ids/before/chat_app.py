from openai import OpenAI

from ds_config import DEEPSEEK_SETTINGS


def ask(question: str, mode: str = "chat") -> str:
    client = OpenAI(base_url=DEEPSEEK_SETTINGS["base_url"])
    reply = client.chat.completions.create(
        model=DEEPSEEK_SETTINGS["models"][mode],
        messages=[{"role": "user", "content": question}],
        **DEEPSEEK_SETTINGS["defaults"],
    )
    return reply.choices[0].message.content
