from openai import OpenAI
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("deepseek-ai/deepseek-coder-6.7b-instruct")
client = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="unused")


def complete(code: str) -> str:
    n = len(tokenizer(code)["input_ids"])
    out = client.chat.completions.create(
        model="deepseek-coder",
        messages=[{"role": "user", "content": code}],
        max_tokens=max(64, 4096 - n),
    )
    return out.choices[0].message.content
