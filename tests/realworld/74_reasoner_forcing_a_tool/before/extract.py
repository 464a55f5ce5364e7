from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
TOOLS = [{"type": "function", "function": {"name": "record", "parameters": {"type": "object", "properties": {}}}}]


def extract(text: str):
    return client.chat.completions.create(
        model="deepseek-reasoner",
        messages=[{"role": "user", "content": text}],
        tools=TOOLS,
        tool_choice="required",
    )
