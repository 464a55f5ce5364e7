"""LangChain chat models (ChatDeepSeek, ChatOpenAI) and CrewAI's LLM:
extra_body={"thinking": ...} (contexts/langchain.py)."""

from conftest import codes, fix, scan


def test_langchain_chat_deepseek():
    before = "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-chat', temperature=0)\n"
    after = "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-v4-flash', temperature=0, extra_body={'thinking': {'type': 'disabled'}})\n"
    assert fix(before) == after


def test_langchain_chat_openai_model_name_keyword():
    before = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model_name="deepseek-reasoner", base_url="https://api.deepseek.com")\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "enabled"}})\n')


def test_langchain_chat_openai_on_other_host_is_left_alone():
    before = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="deepseek/deepseek-chat", base_url="https://openrouter.ai/api/v1")\n'
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]


def test_crewai_llm():
    before = 'from crewai import LLM\nllm = LLM(model="deepseek/deepseek-chat")\n'
    after = 'from crewai import LLM\nllm = LLM(model="deepseek/deepseek-v4-flash", extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_langchain_existing_extra_body_thinking_is_kept():
    before = 'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-chat", extra_body={"thinking": {"type": "enabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "kept as is" in scan(before)[0].note


def test_crewai_openrouter_route_is_left_alone():
    source = 'from crewai import LLM\nllm = LLM(model="openrouter/deepseek/deepseek-chat")\n'
    assert codes(source) == ["DSM110"]
    assert fix(source, unsafe=True) == source


def test_langchain_init_chat_model_with_provider_keyword():
    before = 'from langchain.chat_models import init_chat_model\nllm = init_chat_model("deepseek-chat", model_provider="deepseek")\n'
    after = (
        'from langchain.chat_models import init_chat_model\n'
        'llm = init_chat_model("deepseek-v4-flash", model_provider="deepseek", extra_body={"thinking": {"type": "disabled"}})\n'
    )
    assert fix(before) == after


def test_langchain_init_chat_model_with_provider_prefix():
    before = 'from langchain.chat_models import init_chat_model\nllm = init_chat_model("deepseek:deepseek-reasoner")\n'
    after = (
        'from langchain.chat_models import init_chat_model\n'
        'llm = init_chat_model("deepseek:deepseek-v4-flash", extra_body={"thinking": {"type": "enabled"}})\n'
    )
    assert fix(before) == after
