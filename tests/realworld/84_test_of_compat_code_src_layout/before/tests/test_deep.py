from llmkit.providers import DeepProvider, Params


def test_max_tokens_is_kept():
    body = DeepProvider.convert(Params(model="deepseek-chat", messages=[{"role": "user", "content": "hi"}], max_tokens=64))
    assert body["max_tokens"] == 64


def test_no_toggle_for_a_legacy_id():
    body = DeepProvider.convert(Params(model="deepseek-chat"))
    assert "extra_body" not in body
