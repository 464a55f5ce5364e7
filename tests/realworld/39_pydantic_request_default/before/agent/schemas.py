from typing import Any

from pydantic import BaseModel, Field


class Turn(BaseModel):
    role: str = Field(..., description="who speaks")
    content: str = Field(..., description="what is said")


class CompletionRequest(BaseModel):
    model: str = Field(default="deepseek-chat")
    messages: list[Turn]
    max_tokens: int | None = Field(default=2048, ge=1)
    stream: bool = False


class CompletionReply(BaseModel):
    id: str
    model: str
    choices: list[dict[str, Any]]
