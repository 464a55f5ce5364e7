from dataclasses import dataclass


@dataclass(frozen=True)
class ModelMeta:
    provider: str
    model: str
    context: int


MODELS = [
    ModelMeta("deepseek", "deepseek-v4-flash", 64_000),
]
