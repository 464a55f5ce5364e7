from unittest.mock import MagicMock

from openai.types.chat import ChatCompletion, ChatCompletionMessage
from openai.types.chat.chat_completion import Choice

from pkg.agent import Agent


def fake_completion(text: str) -> ChatCompletion:
    return ChatCompletion(
        id="x",
        object="chat.completion",
        created=0,
        model="deepseek-chat",
        choices=[Choice(index=0, finish_reason="stop", message=ChatCompletionMessage(role="assistant", content=text))],
    )


def test_agent_returns_text():
    client = MagicMock()
    client.chat.completions.create.return_value = fake_completion("hi")
    assert Agent(client).say("hello") == "hi"
