# USD per 1K tokens
TOKEN_PRICES = {
    "deepseek": {
        "deepseek-chat": {"input": 0.00027, "output": 0.0011},
        "deepseek-reasoner": {"input": 0.00055, "output": 0.00219},
    },
}


def cost(provider: str, model: str, tokens_in: int, tokens_out: int) -> float:
    price = TOKEN_PRICES[provider][model]
    return (tokens_in * price["input"] + tokens_out * price["output"]) / 1000
