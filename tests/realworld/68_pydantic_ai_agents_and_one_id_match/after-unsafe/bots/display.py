def badge(model_name: str) -> str:
    match model_name:
        case "deepseek:deepseek-v4-flash":
            return "R1"
        case _:
            return model_name
