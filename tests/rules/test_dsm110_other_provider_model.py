"""DSM110 other-provider-model: a legacy-looking name sent to another provider
(OpenRouter, Together, a local server): reported as info, never rewritten."""

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
