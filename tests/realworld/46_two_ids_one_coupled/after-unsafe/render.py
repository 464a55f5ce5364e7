def render(model: str, message) -> str:
    if model == "deepseek-v4-flash":
        return f"<thinking>{message.reasoning_content}</thinking>\n{message.content}"
    return message.content
