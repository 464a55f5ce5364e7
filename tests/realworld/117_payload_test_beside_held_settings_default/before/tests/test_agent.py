from types import SimpleNamespace

from briefly import agent


def test_answer_uses_the_default_model(monkeypatch):
    calls = []

    def create(**kwargs):
        calls.append(kwargs)
        return SimpleNamespace(choices=[SimpleNamespace(message=SimpleNamespace(content="ok"))])

    monkeypatch.setattr(agent.client.chat.completions, "create", create)
    assert agent.answer("why?") == "ok"
    assert calls[-1]["model"] == "deepseek-chat"
