from dataclasses import dataclass

import httpx


@dataclass
class Reply:
    text: str
    reasoning: str | None


def parse_reply(body: dict) -> Reply:
    message = body["choices"][0]["message"]
    return Reply(message["content"], message.get("reasoning_content"))


def summarise(text: str, key: str) -> Reply:
    body = {
        "model": "deepseek-reasoner",
        "messages": [{"role": "user", "content": f"Summarise:\n{text}"}],
    }
    r = httpx.post("https://api.deepseek.com/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"})
    return parse_reply(r.json())
