import anthropic

client = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-placeholder")


def solve(problem: str) -> str:
    message = client.messages.create(
        model="deepseek-v4-flash",
        max_tokens=2000,
        messages=[{"role": "user", "content": problem}],
        extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}},
    )
    return message.content[-1].text
