"""DSM110 other-provider-model: a legacy-looking name sent to another provider
(OpenRouter, Together, a local server): reported as info, never rewritten."""

from conftest import codes, fix


def test_setup_name_is_not_a_model():
    before = 'setup(name="deepseek-chat", version="1")\n'
    assert codes(before) == ["DSM110"]
    assert fix(before, unsafe=True) == before
