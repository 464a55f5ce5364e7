from knowledge.llm.deepseek_client import DeepSeekSettings


def test_defaults(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "k")
    settings = DeepSeekSettings()
    assert settings.model == "deepseek-v4-flash"
    assert settings.max_tokens == 500


def test_custom_model():
    assert DeepSeekSettings(model="other").model == "other"
