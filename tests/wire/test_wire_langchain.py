"""LangChain chat models on the wire: ``extra_body={"thinking": ...}`` on the constructor."""

from __future__ import annotations

from wire_harness import need

DEEPSEEK = """from langchain_deepseek import ChatDeepSeek

llm = ChatDeepSeek(model="MODEL", api_base="https://api.deepseek.com", api_key="sk-test", temperature=0.2TOGGLE)
assert llm.invoke("Hello").content == "ok"
"""

OPENAI = """from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="MODEL", base_url="https://api.deepseek.com", api_key="sk-test"TOGGLE)
chunks = [chunk.content for chunk in llm.stream("Hello")]
assert "".join(chunks) == "ok", chunks
"""

INIT = """from langchain.chat_models import init_chat_model

llm = init_chat_model("MODEL", model_provider="deepseek", api_base="https://api.deepseek.com", api_key="sk-test"TOGGLE)
assert llm.invoke("Hello").content == "ok"
"""

TOGGLE = ', extra_body={"thinking": {"type": "MODE"}}'


def _pair(template: str, legacy: str, mode: str):
    return (
        template.replace("MODEL", legacy).replace("TOGGLE", ""),
        template.replace("MODEL", "deepseek-v4-flash").replace("TOGGLE", TOGGLE.replace("MODE", mode)),
    )


def test_chat_deepseek(wire):
    need("langchain_deepseek")
    wire.check(*_pair(DEEPSEEK, "deepseek-chat", "disabled"))


def test_chat_openai_stream_reasoner(wire):
    need("langchain_openai")
    wire.check(*_pair(OPENAI, "deepseek-reasoner", "enabled"))


def test_init_chat_model(wire):
    need("langchain")
    need("langchain_deepseek")
    wire.check(*_pair(INIT, "deepseek-chat", "disabled"))
