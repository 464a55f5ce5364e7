"""Code completion in the editor plugin (FIM, beta endpoint)."""

from openai import OpenAI

beta = OpenAI(base_url="https://api.deepseek.com/beta")


def complete(prefix: str, suffix: str) -> str:
    response = beta.completions.create(model="deepseek-coder", prompt=prefix, suffix=suffix, max_tokens=128)
    return response.choices[0].text
