import json
import time
from pathlib import Path

from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
RUNS = Path(__file__).parent.parent / "runs"


def run(prompt: str) -> str:
    out = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": prompt}],
        temperature=0.0,
    )
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S")
    (RUNS / f"{stamp}.json").write_text(json.dumps({"response": out.model_dump()}, indent=2))
    return out.choices[0].message.content
