"""LlamaIndex on the wire: ``additional_kwargs={"extra_body": {"thinking": ...}}``
on ``DeepSeek`` (llama-index-llms-deepseek) and ``OpenAILike``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _packages():
    pytest.importorskip("llama_index.llms.deepseek")
    pytest.importorskip("llama_index.llms.openai_like")


def test_deepseek_llm_chat(wire):
    assert wire.check(
        '''from llama_index.core.llms import ChatMessage
from llama_index.llms.deepseek import DeepSeek

llm = DeepSeek(model="deepseek-chat", api_key="sk-test", api_base="https://api.deepseek.com")
print(llm.chat([ChatMessage(role="user", content="Hello")]))
''',
        '''from llama_index.core.llms import ChatMessage
from llama_index.llms.deepseek import DeepSeek

llm = DeepSeek(model="deepseek-v4-flash", api_key="sk-test", api_base="https://api.deepseek.com", additional_kwargs={"extra_body": {"thinking": {"type": "disabled"}}})
print(llm.chat([ChatMessage(role="user", content="Hello")]))
''',
    )


def test_openai_like_reasoner_with_additional_kwargs(wire):
    assert wire.check(
        '''from llama_index.llms.openai_like import OpenAILike

llm = OpenAILike(
    model="deepseek-reasoner",
    api_base="https://api.deepseek.com",
    api_key="sk-test",
    is_chat_model=True,
    additional_kwargs={"seed": 7},
)
print(llm.complete("Prove it"))
''',
        '''from llama_index.llms.openai_like import OpenAILike

llm = OpenAILike(
    model="deepseek-v4-flash",
    api_base="https://api.deepseek.com",
    api_key="sk-test",
    is_chat_model=True,
    additional_kwargs={"seed": 7, "extra_body": {"thinking": {"type": "enabled"}}},
)
print(llm.complete("Prove it"))
''',
    )
