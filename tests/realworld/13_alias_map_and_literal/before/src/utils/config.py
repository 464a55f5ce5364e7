from src.typings.context import ModelName

# user-facing name -> provider model id
model_mapping: dict[ModelName, str] = {
    "deepseek": "deepseek-chat",
    "deepseek-reasoner": "deepseek-reasoner",
    "kimi-k2-thinking": "kimi-k2-thinking",
}


def resolve(name: ModelName) -> str:
    return model_mapping[name]
