"""LlamaIndex DeepSeek and OpenAILike: additional_kwargs={"extra_body": ...}
(contexts/llama_index.py)."""

from conftest import codes, fix


def test_llamaindex_deepseek_gets_additional_kwargs():
    before = 'from llama_index.llms.deepseek import DeepSeek\nllm = DeepSeek(model="deepseek-chat", api_key=k)\n'
    after = 'from llama_index.llms.deepseek import DeepSeek\nllm = DeepSeek(model="deepseek-v4-flash", api_key=k, additional_kwargs={"extra_body": {"thinking": {"type": "disabled"}}})\n'
    assert fix(before) == after


def test_llamaindex_openai_like_merges_into_additional_kwargs():
    before = (
        "from llama_index.llms.openai_like import OpenAILike\n"
        'llm = OpenAILike(model="deepseek-reasoner", api_base="https://api.deepseek.com", additional_kwargs={"seed": 1})\n'
    )
    after = (
        "from llama_index.llms.openai_like import OpenAILike\n"
        'llm = OpenAILike(model="deepseek-v4-flash", api_base="https://api.deepseek.com", additional_kwargs={"seed": 1, "extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    assert fix(before) == after


def test_llamaindex_openai_like_on_a_local_server_is_left_alone():
    before = 'from llama_index.llms.openai_like import OpenAILike\nllm = OpenAILike(model="deepseek-chat", api_base="http://localhost:8000/v1")\n'
    assert fix(before, unsafe=True) == before
    assert codes(before) == ["DSM110"]


def test_llamaindex_existing_thinking_is_kept():
    before = 'from llama_index.llms.deepseek import DeepSeek\nllm = DeepSeek(model="deepseek-chat", additional_kwargs={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
