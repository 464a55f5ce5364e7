import os
from typing import Dict, List, Optional

from openai import OpenAI


class LlmConfig:
    def __init__(self, model: Optional[str] = None, temperature: float = 0.1, api_key: Optional[str] = None,
                 base_url: Optional[str] = None):
        self.model = model
        self.temperature = temperature
        self.api_key = api_key
        self.base_url = base_url


class DeepSeekLLM:
    def __init__(self, config: Optional[LlmConfig] = None):
        self.config = config or LlmConfig()
        if not self.config.model:
            self.config.model = "deepseek-chat"

        api_key = self.config.api_key or os.getenv("DEEPSEEK_API_KEY")
        base_url = self.config.base_url or os.getenv("DEEPSEEK_API_BASE") or "https://api.deepseek.com"
        self.client = OpenAI(api_key=api_key, base_url=base_url)

    def generate(self, messages: List[Dict[str, str]], tools: Optional[List[Dict]] = None, **kwargs):
        params = {"temperature": self.config.temperature, **kwargs}
        params.update({"model": self.config.model, "messages": messages})
        if tools:
            params["tools"] = tools
        response = self.client.chat.completions.create(**params)
        return response.choices[0].message.content
