LEGACY_IDS = frozenset({"deepseek-chat", "deepseek-reasoner", "deepseek-coder"})
CURRENT_IDS = frozenset({"deepseek-v4-flash", "deepseek-v4-pro"})


class RetiredModelError(ValueError):
    pass


def check_model(model: str) -> str:
    if model in LEGACY_IDS:
        raise RetiredModelError(
            f"{model} was retired in favour of deepseek-v4-flash; set thinking explicitly "
            "(deepseek-chat -> disabled, deepseek-reasoner -> enabled)"
        )
    return model
