DEFAULT_MODEL = "deepseek-v4-flash"


def tier(model: str = DEFAULT_MODEL) -> str:
    if model == "deepseek-v4-flash":
        return "fast"
    return "other"
