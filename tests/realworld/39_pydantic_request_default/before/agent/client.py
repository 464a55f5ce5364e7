import httpx

from agent.schemas import CompletionReply, CompletionRequest

API = "https://api.deepseek.com/chat/completions"


def send(request: CompletionRequest, key: str) -> CompletionReply:
    response = httpx.post(API, json=request.model_dump(), headers={"Authorization": f"Bearer {key}"})
    response.raise_for_status()
    return CompletionReply.model_validate(response.json())
