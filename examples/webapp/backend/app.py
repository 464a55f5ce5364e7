"""Support desk backend: answers and escalations through DeepSeek."""

import os

from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")
CHAT_MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")
ESCALATION_MODEL = "deepseek-reasoner"


@app.post("/answer")
def answer(question: str) -> dict:
    response = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": question}],
        temperature=0.2,
    )
    return {"answer": response.choices[0].message.content}


@app.post("/escalate")
def escalate(ticket: str) -> dict:
    response = client.chat.completions.create(
        model=ESCALATION_MODEL,
        messages=[{"role": "user", "content": f"Work out the root cause:\n{ticket}"}],
    )
    message = response.choices[0].message
    return {"analysis": message.content, "reasoning": message.reasoning_content}
