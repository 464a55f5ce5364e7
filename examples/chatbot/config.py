"""Settings for the support chatbot."""

import os
from dataclasses import dataclass

DEEPSEEK_BASE_URL = "https://api.deepseek.com"
DEFAULT_MODEL = os.getenv("CHATBOT_MODEL", "deepseek-chat")


@dataclass
class ChatSettings:
    model: str = "deepseek-chat"
    reasoning_model: str = "deepseek-reasoner"
    temperature: float = 0.3
    max_tokens: int = 1024
