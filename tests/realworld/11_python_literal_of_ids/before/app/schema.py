from typing import Literal

from pydantic import BaseModel

DeepSeekModelName = Literal["deepseek-chat", "deepseek-reasoner"]


class AskRequest(BaseModel):
    question: str
    model: DeepSeekModelName = "deepseek-chat"
