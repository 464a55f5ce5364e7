from typing import Literal

ModelName = Literal["deepseek", "deepseek-reasoner", "kimi-k2-thinking"]
