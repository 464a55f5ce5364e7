import anthropic

client = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-placeholder")


def solve(problem: str) -> str:
    message = client.messages.create(
        model="deepseek-reasoner",
        max_tokens=2000,
        messages=[{"role": "user", "content": problem}],
    )
    return message.content[-1].text
