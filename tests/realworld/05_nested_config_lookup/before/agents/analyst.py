from openai import OpenAI

from config.model_config import MODEL_CONFIG

cfg = MODEL_CONFIG["deepseek"]["deepseek-chat"]
client = OpenAI(api_key=cfg["api_key"], base_url=cfg["base_url"])


def analyse(report: str) -> str:
    out = client.chat.completions.create(
        model=cfg["model"],
        messages=[{"role": "user", "content": report}],
        temperature=0.2,
    )
    return out.choices[0].message.content
