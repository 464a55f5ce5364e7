"""Cost accounting per request (USD per 1M tokens, 2025 list prices)."""

PRICES = {
    "deepseek-chat": {"input": 0.27, "output": 1.10},
    "deepseek-reasoner": {"input": 0.55, "output": 2.19},
}

SUPPORTED_MODELS = ["deepseek-chat", "deepseek-reasoner"]

DISPLAY_NAMES = {"deepseek-chat": "DeepSeek Chat", "deepseek-reasoner": "DeepSeek Reasoner"}

# Which model each plan tier bills against.
TIER_MODELS = {"standard": "deepseek-chat", "research": "deepseek-reasoner"}

# Ids already moved: whoever wrote this knew about the retirement.
RENAMED = {"deepseek-coder": "deepseek-v4-flash"}


def cost(model: str, input_tokens: int, output_tokens: int) -> float:
    price = PRICES[model]
    return (input_tokens * price["input"] + output_tokens * price["output"]) / 1_000_000


def uses_reasoning(model: str) -> bool:
    if model == "deepseek-reasoner":
        return True
    elif model == "deepseek-chat":
        return False
    return False


def family(kind: str) -> str:
    return f"deepseek-{kind}"
