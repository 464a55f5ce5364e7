"""A LangChain ``ChatOpenAI``'s own SDK client called directly: the OpenAI SDK's
``extra_body`` form, on the wire."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _packages():
    pytest.importorskip("langchain_openai")


def test_chat_openai_client_create(wire):
    assert wire.check(
        '''from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="deepseek-v4-flash", base_url="https://api.deepseek.com", api_key="sk-test", extra_body={"thinking": {"type": "disabled"}})
reply = llm.client.create(model="deepseek-chat", messages=[{"role": "user", "content": "Hello"}])
print(reply)
''',
        '''from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="deepseek-v4-flash", base_url="https://api.deepseek.com", api_key="sk-test", extra_body={"thinking": {"type": "disabled"}})
reply = llm.client.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": "Hello"}], extra_body={"thinking": {"type": "disabled"}})
print(reply)
''',
    )
