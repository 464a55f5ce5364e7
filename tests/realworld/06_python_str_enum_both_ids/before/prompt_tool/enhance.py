from openai import OpenAI

from prompt_tool.types import ModelKind

client = OpenAI(base_url="https://api.deepseek.com")


def enhance(prompt: str, kind: ModelKind = ModelKind.DEEPSEEK_CHAT) -> str:
    out = client.chat.completions.create(model=kind.value, messages=[{"role": "user", "content": prompt}])
    if kind is ModelKind.DEEPSEEK_REASONER:
        return out.choices[0].message.reasoning_content + out.choices[0].message.content
    return out.choices[0].message.content
