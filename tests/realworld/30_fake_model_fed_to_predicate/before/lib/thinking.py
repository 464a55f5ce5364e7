REASONING_IDS = {"deepseek-reasoner"}


def is_reasoning(model) -> bool:
    return model.model_id in REASONING_IDS or model.model_id.startswith("o1")
