"""Pattern 7: ids of other providers, told by their context, are DSM110 and never rewritten."""

from __future__ import annotations

import pytest

from conftest import codes, fix

FOREIGN = {
    "sibling-provider-py": ("route.py", 'ROUTE = {"provider": "openrouter", "model": "deepseek/deepseek-chat"}\n'),
    "provider-keyword": ("llm.py", 'llm = LLM(provider="together", model="deepseek-chat")\n'),
    "ollama-call": ("local.py", 'import ollama\n\nollama.chat(model="deepseek-coder", messages=m)\n'),
    "ollama-command": ("setup.py", 'os.system("ollama pull deepseek-coder")\n'),
    "langchain-ollama": ("lc.py", 'from langchain_ollama import ChatOllama\n\nllm = ChatOllama(model="deepseek-coder")\n'),
    "openrouter-base-url": (
        "or.py",
        'client = OpenAI(base_url="https://openrouter.ai/api/v1")\nclient.chat.completions.create(model="deepseek/deepseek-chat")\n',
    ),
}


@pytest.mark.parametrize("shape", sorted(FOREIGN))
def test_other_providers_ids_are_left_alone(shape):
    path, source = FOREIGN[shape]
    assert set(codes(source, path=path)) == {"DSM110"}
    assert fix(source, unsafe=True, path=path) == source


def test_deepseek_named_as_the_provider_is_still_renamed():
    source = 'x = {"provider": "deepseek", "model": "deepseek-chat"}\n'
    assert codes(source) == ["DSM103"]
    assert "deepseek-v4-flash" in fix(source)
