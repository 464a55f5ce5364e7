def badge(model_name: str) -> str:
    match model_name:
        case "deepseek:deepseek-reasoner":
            return "R1"
        case _:
            return model_name
