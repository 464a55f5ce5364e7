import litellm


def solve(question: str, hard: bool) -> str:
    model = "deepseek/deepseek-reasoner" if hard else "deepseek/deepseek-chat"
    response = litellm.completion(model=model, messages=[{"role": "user", "content": question}])
    return response.choices[0].message.content
