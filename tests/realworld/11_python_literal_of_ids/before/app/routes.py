from fastapi import FastAPI
from openai import OpenAI

from app.schema import AskRequest

api = FastAPI()
client = OpenAI(base_url="https://api.deepseek.com")


@api.post("/ask")
def ask(req: AskRequest) -> dict:
    out = client.chat.completions.create(model=req.model, messages=[{"role": "user", "content": req.question}])
    return {"answer": out.choices[0].message.content}
