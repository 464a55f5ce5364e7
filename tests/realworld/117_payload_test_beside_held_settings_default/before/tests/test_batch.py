from types import SimpleNamespace

from briefly import batch


def test_tag_sends_the_chat_model(monkeypatch):
    seen = {}

    def post(url, headers, json, timeout):
        seen.update(json)
        return SimpleNamespace(raise_for_status=lambda: None,
                               json=lambda: {"choices": [{"message": {"content": "a, b, c"}}]})

    monkeypatch.setattr(batch.requests, "post", post)
    assert batch.tag("x") == "a, b, c"
    assert seen["model"] == "deepseek-chat"
    assert seen["temperature"] == 0
