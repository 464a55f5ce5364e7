"""Tag a backlog of articles over plain HTTP."""

import requests

from .config import API_KEY, TIMEOUT

ENDPOINT = "https://api.deepseek.com/chat/completions"


def tag(text: str) -> str:
    reply = requests.post(
        ENDPOINT,
        headers={"Authorization": f"Bearer {API_KEY}"},
        json={
            "model": "deepseek-v4-flash",
            "messages": [{"role": "user", "content": f"Three tags for: {text}"}],
            "temperature": 0,
            "thinking": {"type": "disabled"},
        },
        timeout=TIMEOUT,
    )
    reply.raise_for_status()
    return reply.json()["choices"][0]["message"]["content"]
