"""Two deployments behind one Router: callers ask for "fast" or "smart"."""

import os

from litellm import Router

router = Router(
    model_list=[
        {
            "model_name": "fast",
            "litellm_params": {
                "model": "deepseek/deepseek-chat",
                "api_key": os.environ["DEEPSEEK_API_KEY"],
            },
        },
        {
            "model_name": "smart",
            "litellm_params": {
                "model": "deepseek/deepseek-reasoner",
                "api_key": os.environ["DEEPSEEK_API_KEY"],
            },
        },
        {
            # the free OpenRouter copy, for when DeepSeek is down
            "model_name": "fast",
            "litellm_params": {"model": "openrouter/deepseek/deepseek-chat", "api_key": os.environ.get("OPENROUTER_API_KEY")},
        },
    ],
    num_retries=2,
)


def answer(question: str, hard: bool = False) -> str:
    reply = router.completion(model="smart" if hard else "fast", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content
