"""DSM110 other-provider-model: a legacy-looking name sent to another provider
(OpenRouter, Together, a local server): reported as info, never rewritten."""

import pytest

from conftest import codes, fix, scan


def test_setup_name_is_not_a_model():
    before = 'setup(name="deepseek-chat", version="1")\n'
    assert codes(before) == ["DSM110"]
    assert fix(before, unsafe=True) == before


def test_other_providers_slug_is_info_and_never_rewritten():
    source = 'm = "openrouter/deepseek/deepseek-chat:free"\n'
    (finding,) = scan(source)
    assert (finding.code, finding.severity.label, finding.fix, finding.legacy_name) == ("DSM110", "info", None, None)
    assert fix(source, unsafe=True) == source


def test_config_values_that_are_not_legacy_are_left_alone():
    source = "MODEL=deepseek/deepseek-chat-v3-0324\nROUTE=openrouter/deepseek/deepseek-chat\n"
    # the OpenRouter slug is accounted for (info), never rewritten
    (finding,) = scan(source, path=".env")
    assert (finding.code, finding.line, finding.fix) == ("DSM110", 2, None)
    assert fix(source, unsafe=True, path=".env") == source


def test_ollama_model_tag_is_left_alone():
    source = 'ollama.chat(model="deepseek-coder", messages=m)\n'
    assert codes(source) == ["DSM110"]
    assert fix(source, unsafe=True) == source


# -- prose about the open-weights models (issue 23) --------------------------------

OPEN_WEIGHTS_PROSE = {
    "docstring-beside-hf-repo": (
        "coder.py",
        '"""Code completion with DeepSeek-Coder.\n\nLoads deepseek-ai/deepseek-coder-6.7b-instruct from the hub.\n"""\n',
    ),
    "comment-ollama-pull": ("ollama_client.py", "# Start the server first:  ollama pull deepseek-coder\nimport ollama\n"),
    "comment-hf-hub": ("load.py", "# weights of deepseek-coder from the Hugging Face hub\nx = 1\n"),
    "comment-size": ("bench.py", "# DeepSeek-Coder 33B beats the 6.7B model here\nx = 1\n"),
    "js-comment-vllm": ("serve.ts", "// served by vLLM: deepseek-coder (deepseek-ai/deepseek-coder-33b-instruct)\nexport {};\n"),
    "markdown-ollama": ("docs/local.md", "# Local\n\nRun `ollama pull deepseek-coder`, then ask it.\n"),
    "markdown-hf-paragraph": (
        "README.md",
        "## Models\n\nDeepSeek-Coder is open weights: see\nhttps://huggingface.co/deepseek-ai/deepseek-coder-6.7b-instruct.\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(OPEN_WEIGHTS_PROSE))
def test_open_weights_prose_is_not_the_api_id(shape):
    path, source = OPEN_WEIGHTS_PROSE[shape]
    assert set(codes(source, path=path)) == {"DSM110"}
    assert fix(source, unsafe=True, path=path) == source


def test_ollama_size_tag_is_named_whole_and_not_called_openrouter():
    source = 'reply = ollama.generate(model="deepseek-coder:6.7b", prompt=p)\n'
    (finding,) = scan(source)
    assert "'deepseek-coder:6.7b'" in finding.message and "OpenRouter" not in finding.message
    assert fix(source, unsafe=True) == source


def test_prose_about_the_api_is_still_renamed_with_unsafe_fixes():
    before = '# answers come from deepseek-chat on api.deepseek.com\nx = 1\n'
    assert codes(before) == ["DSM108"]
    assert fix(before, unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash")
    doc = "# Setup\n\nThe bot calls deepseek-chat.\n"
    assert fix(doc, unsafe=True, path="README.md") == doc.replace("deepseek-chat", "deepseek-v4-flash")


OPENROUTER_LISTS = {
    # MuseBot's param/openrouter.go: a const block of OpenRouter's catalogue
    "models.go": 'package param\n\nconst (\n\tDeepseekChatFree = "deepseek/deepseek-chat:free"\n'
                 '\tDeepseekChat = "deepseek/deepseek-chat"\n\tDeepseekCoder = "deepseek/deepseek-coder"\n)\n',
    "models.py": 'FREE = ["deepseek/deepseek-chat:free", "deepseek/deepseek-chat", "deepseek/deepseek-coder"]\n',
    "models.ts": 'export const FREE = ["deepseek/deepseek-chat:free", "deepseek/deepseek-chat", "deepseek/deepseek-coder"];\n',
    "models.yaml": "models:\n  - deepseek/deepseek-chat:free\n  - deepseek/deepseek-chat\n  - deepseek/deepseek-coder\n",
}


@pytest.mark.parametrize("path", sorted(OPENROUTER_LISTS))
def test_a_group_that_lists_an_openrouter_variant_is_openrouters(path):
    """A list holding ``deepseek/deepseek-chat:free`` is OpenRouter's catalogue:
    its ``deepseek/deepseek-chat`` is OpenRouter's id, not a merge of two
    retired DeepSeek ids that holds every other use back (MuseBot)."""
    source = OPENROUTER_LISTS[path]
    found = scan(source, path=path)
    assert [f.code for f in found] == ["DSM110", "DSM110", "DSM110"]
    assert "OpenRouter's model id here" in found[1].message
    assert fix(source, unsafe=True, path=path) == source


def test_a_routed_variant_or_an_ollama_tag_does_not_make_a_group_openrouters():
    # LiteLLM: "deepseek/deepseek-chat" is DeepSeek's route; the OpenRouter route beside it is routed
    litellm = 'MODELS = {"fast": "deepseek/deepseek-chat", "free": "openrouter/deepseek/deepseek-chat:free"}\n'
    ollama = 'MODELS = ["deepseek-coder:6.7b", "deepseek/deepseek-chat"]\n'
    for source in (litellm, ollama):
        (ours,) = [f for f in scan(source) if f.legacy_name == "deepseek/deepseek-chat"]
        assert ours.code != "DSM110", source
