"""Dollars per million output tokens, for the monthly report."""

RATES = {
    "deepseek-chat": 1.10,
}


def price(model: str, tokens: int) -> float:
    return RATES[model] * tokens / 1_000_000
