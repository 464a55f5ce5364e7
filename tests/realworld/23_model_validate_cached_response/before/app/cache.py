"""Replays answers from a local cache instead of calling the API again."""
from openai.types.chat import ChatCompletion

CANNED = ChatCompletion.model_validate(
    {
        "id": "cached-0",
        "object": "chat.completion",
        "created": 0,
        "model": "deepseek-chat",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": "(cached) no network in offline mode"},
            }
        ],
    }
)
