from openai import OpenAI

REASONING_MODEL = "deepseek-reasoner"

client = OpenAI(base_url="https://api.deepseek.com/v1")


def plan(goal: str):
    return client.chat.completions.create(
        model=REASONING_MODEL,
        messages=[{"role": "user", "content": f"Make a plan for: {goal}"}],
    )


def critique(draft: str):
    return client.chat.completions.create(
        model=REASONING_MODEL,
        messages=[{"role": "user", "content": f"Find the flaws in: {draft}"}],
        max_tokens=4000,
    )
