import asyncio

import litellm


async def ask(question: str) -> str:
    resp = await litellm.acompletion(
        model="deepseek/deepseek-v4-flash",
        messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "disabled"}},
    )
    return resp.choices[0].message.content


if __name__ == "__main__":
    print(asyncio.run(ask("Who are you?")))
