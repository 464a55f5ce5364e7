import asyncio

import litellm


async def ask(question: str) -> str:
    resp = await litellm.acompletion(
        model="deepseek/deepseek-chat",
        messages=[{"role": "user", "content": question}],
    )
    return resp.choices[0].message.content


if __name__ == "__main__":
    print(asyncio.run(ask("Who are you?")))
