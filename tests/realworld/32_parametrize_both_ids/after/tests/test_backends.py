import pytest

from llmkit.deepseek import DeepSeekBackend


@pytest.mark.parametrize("model", ["deepseek-chat", "deepseek-reasoner"])
def test_backend_keeps_model(model):
    backend = DeepSeekBackend(api_key="sk-test", model=model)
    assert backend.model == model


def test_default_model():
    assert DeepSeekBackend(api_key="sk-test").model == "deepseek-v4-flash"
