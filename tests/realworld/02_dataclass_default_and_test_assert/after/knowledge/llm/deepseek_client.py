import os
from dataclasses import dataclass, field

import httpx


@dataclass
class DeepSeekSettings:
    model: str = "deepseek-v4-flash"
    temperature: float = 0.1
    max_tokens: int = 500
    api_key: str = field(default_factory=lambda: os.environ.get("DEEPSEEK_API_KEY", ""))


class DeepSeekClient:
    def __init__(self, settings: DeepSeekSettings | None = None):
        self.settings = settings or DeepSeekSettings()

    def complete(self, messages):
        body = {"model": self.settings.model, "messages": messages, "max_tokens": self.settings.max_tokens}
        return httpx.post("https://api.deepseek.com/chat/completions", json=body).json()
