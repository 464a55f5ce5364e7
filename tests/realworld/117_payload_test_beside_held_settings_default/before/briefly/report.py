from .config import DEFAULT_MODEL
from .costs import price


def monthly(tokens: int) -> str:
    return f"{price(DEFAULT_MODEL, tokens):.2f} USD"
