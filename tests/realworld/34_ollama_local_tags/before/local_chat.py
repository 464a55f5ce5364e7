import ollama
import requests

OLLAMA_URL = "http://localhost:11434/api/generate"


def chat(question: str) -> str:
    reply = ollama.chat(model="deepseek-coder", messages=[{"role": "user", "content": question}])
    return reply["message"]["content"]


def generate(prompt: str) -> str:
    payload = {"model": "deepseek-coder", "prompt": prompt, "stream": False}
    return requests.post(OLLAMA_URL, json=payload, timeout=60).json()["response"]
