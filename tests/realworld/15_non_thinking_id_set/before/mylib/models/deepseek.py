from dataclasses import dataclass
from typing import ClassVar, Optional, Set

from mylib.models.openai_like import OpenAILike


@dataclass
class DeepSeek(OpenAILike):
    id: str = "deepseek-chat"
    base_url: str = "https://api.deepseek.com"
    use_thinking: Optional[bool] = None

    # ids that answer without a reasoning phase
    _non_thinking_ids: ClassVar[Set[str]] = {"deepseek-chat"}

    def thinking_enabled(self) -> bool:
        if self.use_thinking is not None:
            return self.use_thinking
        return self.id not in self._non_thinking_ids

    def request_params(self) -> dict:
        params = super().request_params()
        if self.thinking_enabled():
            params.setdefault("extra_body", {})["thinking"] = {"type": "enabled"}
        return params
