"""Direct HTTP calls, for the worker that cannot install the SDK."""

import json
import os

import httpx
import requests

API_URL = "https://api.deepseek.com/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ.get('DEEPSEEK_API_KEY', '')}"}


def classify(text: str) -> str:
    payload = {
        "model": "deepseek-chat",
        "messages": [{"role": "user", "content": f"Classify: {text}"}],
        "temperature": 0,
    }
    response = httpx.post(API_URL, json=payload, headers=HEADERS, timeout=30)
    response.raise_for_status()
    return response.json()["choices"][0]["message"]["content"]


def prove(statement: str) -> str:
    body = json.dumps({"model": "deepseek-reasoner", "messages": [{"role": "user", "content": statement}]})
    response = requests.post(API_URL, data=body, headers={**HEADERS, "Content-Type": "application/json"})
    return response.json()["choices"][0]["message"]["content"]
