from enum import Enum


class ModelPlatformType(Enum):
    OPENAI = "openai"
    DEEPSEEK = "deepseek"
    OPENAI_COMPATIBLE_MODEL = "openai-compatible-model"


class ModelType(str, Enum):
    GPT_4_1_MINI = "gpt-4.1-mini"
    DEEPSEEK_V4_FLASH = "deepseek-v4-flash"
    DEEPSEEK_V4_PRO = "deepseek-v4-pro"
    DEEPSEEK_CHAT = "deepseek-chat"
    DEEPSEEK_REASONER = "deepseek-reasoner"

    @property
    def is_deepseek(self) -> bool:
        return self in {ModelType.DEEPSEEK_V4_FLASH, ModelType.DEEPSEEK_V4_PRO, ModelType.DEEPSEEK_CHAT, ModelType.DEEPSEEK_REASONER}
