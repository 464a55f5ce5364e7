import os

import requests

URL = "https://api.deepseek.com/chat/completions"


def solve(problem: str) -> dict:
    payload = {
        "model": "deepseek-v4-flash",
        "messages": [{"role": "user", "content": problem}],
        "stream": False,
        "thinking": {"type": "enabled"},
    }
    headers = {"Authorization": "Bearer " + os.environ["DEEPSEEK_API_KEY"]}
    r = requests.post(URL, json=payload, headers=headers, timeout=600)
    r.raise_for_status()
    message = r.json()["choices"][0]["message"]
    return {"answer": message["content"], "thoughts": message.get("reasoning_content")}
