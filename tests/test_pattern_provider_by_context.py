"""The provider comes from context, never from the id's shape alone
(issue 24, item 3): the enclosing table key, the call's provider argument,
an Ollama tag read whole; ignored findings hold back only what reaches them."""

from __future__ import annotations

from conftest import codes, fix, scan
from projects import fix_tree, write_tree


def test_the_enclosing_table_key_names_the_provider():
    source = (
        "MODEL_LIST = {\n"
        '    "openrouter": ["deepseek/deepseek-chat", "deepseek/deepseek-v4-flash"],\n'
        '    "ollama": ["deepseek-coder"],\n'
        "}\n"
    )
    assert codes(source) == ["DSM110", "DSM110"]
    assert fix(source, unsafe=True) == source


def test_a_deepseek_key_inside_the_table_is_deepseeks():
    source = 'CATALOGUE = {"openrouter": {"deepseek": "deepseek-chat"}}\n'
    assert "DSM110" not in codes(source)


def test_an_ollama_tag_is_read_whole():
    (finding,) = scan('ollama_models = ["deepseek-coder:6.7b"]\n')
    assert finding.code == "DSM110" and "'deepseek-coder:6.7b'" in finding.message and "OpenRouter" not in finding.message
    (finding,) = scan("- deepseek-coder:6.7b\n", path="models.yaml")
    assert "'deepseek-coder:6.7b'" in finding.message


def test_the_calls_provider_argument_says_deepseek_whatever_its_base_url():
    source = "from mylib import LLM\nllm = LLM('deepseek', model='deepseek-chat', base_url='https://ignored.example')\n"
    assert "DSM110" not in codes(source)
    assert "deepseek-v4-flash" in fix(source)
    other = source.replace("LLM('deepseek'", "LLM('together'")
    assert fix(other, unsafe=True) == other


def test_an_ignored_comparison_holds_back_only_the_values_that_reach_it(tmp_path):
    write_tree(tmp_path, {
        "settings.py": 'MODEL = "deepseek-chat"\n',
        "router.py": 'def route(model):\n    if model == "deepseek-chat":\n        return 1\n',
        "app.py": 'from router import route\n\nDEFAULT = "deepseek-chat"\nroute(DEFAULT)\n',
    })
    changed = fix_tree(tmp_path, "--ignore", "DSM105")
    assert changed == {"settings.py": 'MODEL = "deepseek-v4-flash"\n'}
