from enum import Enum


class ModelKind(str, Enum):
    DEEPSEEK_CHAT = "deepseek-chat"
    DEEPSEEK_REASONER = "deepseek-reasoner"
    GPT4_MINI = "gpt-4o-mini"
