DEFAULT_MODEL = "deepseek-chat"


def tier(model: str = DEFAULT_MODEL) -> str:
    if model == "deepseek-chat":
        return "fast"
    return "other"
