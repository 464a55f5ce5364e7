def render(model: str, message) -> str:
    if model == "deepseek-reasoner":
        return f"<thinking>{message.reasoning_content}</thinking>\n{message.content}"
    return message.content
