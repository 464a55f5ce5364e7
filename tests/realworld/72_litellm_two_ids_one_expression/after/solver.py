import litellm


def solve(question: str, hard: bool) -> str:
    model = "deepseek/deepseek-v4-flash" if hard else "deepseek/deepseek-v4-flash"
    response = litellm.completion(model=model, messages=[{"role": "user", "content": question}], extra_body={"thinking": {"type": "enabled" if hard else "disabled"}})
    return response.choices[0].message.content
