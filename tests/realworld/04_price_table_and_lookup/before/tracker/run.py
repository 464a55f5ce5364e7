from openai import OpenAI

from tracker.pricing import TOKEN_PRICES, cost

MODEL = "deepseek-chat"
client = OpenAI(base_url="https://api.deepseek.com")


def run(prompt: str) -> float:
    out = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": prompt}])
    return cost("deepseek", MODEL, out.usage.prompt_tokens, out.usage.completion_tokens)


def budget_per_call() -> float:
    return TOKEN_PRICES["deepseek"]["deepseek-chat"]["output"] * 4
