"""Weather agent with function calling, written for deepseek-reasoner (R1).

R1 rejected requests that carried reasoning_content, so this loop strips it
before sending the history back.
"""

import json

from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com", api_key="sk-...")

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        },
    }
]


def get_weather(city: str) -> str:
    return json.dumps({"city": city, "temperature_c": 21})


def run(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    while True:
        response = client.chat.completions.create(
            model="deepseek-reasoner",
            messages=messages,
            tools=TOOLS,
            temperature=0.0,
        )
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        turn = message.model_dump()
        turn.pop("reasoning_content", None)  # R1 answers 400 if it is sent back
        messages.append(turn)
        for call in message.tool_calls:
            result = get_weather(**json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})


def must_use_tool(question: str):
    return client.chat.completions.create(
        model="deepseek-reasoner",
        messages=[{"role": "user", "content": question}],
        tools=TOOLS,
        tool_choice="required",
    )
