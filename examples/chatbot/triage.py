"""Ticket triage for the support chatbot. The models come from config.py."""

from __future__ import annotations

import json

from openai import OpenAI

from config import DEEPSEEK_BASE_URL, DEFAULT_MODEL, ChatSettings

settings = ChatSettings()
client = OpenAI(base_url=DEEPSEEK_BASE_URL)


def label(ticket: str) -> str:
    response = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "user", "content": f"Label this ticket as billing, bug or other:\n{ticket}"}],
        temperature=settings.temperature,
    )
    return response.choices[0].message.content.strip()


def investigate(ticket: str, tools: list[dict], run_tool) -> str:
    """Let the reasoning model call our lookup tools until it has an answer."""
    messages = [{"role": "user", "content": ticket}]
    while True:
        response = client.chat.completions.create(
            model=settings.reasoning_model,
            messages=messages,
            tools=tools,
        )
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        messages.append({"role": "assistant", "content": message.content, "tool_calls": message.tool_calls})
        for call in message.tool_calls:
            result = run_tool(call.function.name, json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})
