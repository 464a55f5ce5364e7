CONTEXT_WINDOWS = {
    "deepseek-chat": 64000,
    "deepseek-reasoner": 64000,
}

TOOL_CAPABLE = {"deepseek-chat"}


def context_window(model: str) -> int:
    return CONTEXT_WINDOWS.get(model, 64000)


def supports_tools(model: str) -> bool:
    return model in TOOL_CAPABLE
