import pytest

from ds_migrate.deepseek.names import find_legacy_names, is_exact_legacy


@pytest.mark.parametrize(
    "text, expected",
    [
        ("deepseek-chat", ["deepseek-chat"]),
        ("deepseek-reasoner", ["deepseek-reasoner"]),
        ("deepseek-coder", ["deepseek-coder"]),
        ("DeepSeek-Chat", ["DeepSeek-Chat"]),
        ("deepseek/deepseek-chat", ["deepseek/deepseek-chat"]),
        ("deepseek:deepseek-reasoner", ["deepseek:deepseek-reasoner"]),
        ("uses deepseek-chat.", ["deepseek-chat"]),
        ("deepseek-chat: cheap", ["deepseek-chat"]),
        ("deepseek-chat/deepseek-reasoner", ["deepseek-chat", "deepseek-reasoner"]),
        ("'deepseek-chat', 'deepseek-reasoner'", ["deepseek-chat", "deepseek-reasoner"]),
        ("(deepseek-chat)", ["deepseek-chat"]),
    ],
)
def test_finds_legacy_names(text, expected):
    assert [n.text for n in find_legacy_names(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "deepseek-chat-v3-0324",
        "deepseek/deepseek-chat-v3-0324",
        "whisper-and-deepseek-chat",
        "deepseek_chat",
        "openrouter/deepseek/deepseek-chat:free",
        "openrouter/deepseek/deepseek-chat",
        "deepseek/deepseek-chat:free",
        "deepseek-chat_model",
        "https://example.com/models/deepseek-chat",
        "together_ai/deepseek-ai/deepseek-chat",
        "deepseek-v4-flash",
        "deepseek-chatter",
        "my.deepseek-chat",
    ],
)
def test_longer_or_routed_names_are_not_legacy(text):
    assert find_legacy_names(text) == []


def test_prefix_is_reported_with_the_name():
    (name,) = find_legacy_names('model="deepseek/deepseek-chat"')
    assert name.prefix == "deepseek/"
    assert name.base == "deepseek-chat"
    assert 'model="deepseek/deepseek-chat"'[name.start : name.end] == "deepseek/deepseek-chat"


def test_exact_value():
    assert is_exact_legacy("deepseek-chat").base == "deepseek-chat"
    assert is_exact_legacy("use deepseek-chat") is None


@pytest.mark.parametrize(
    "values",
    [
        ['{"deepseek/deepseek-chat": {}, "openrouter/deepseek/deepseek-chat:free": {}}'],
        ["deepseek/deepseek-chat", "DeepSeek/DeepSeek-R1:Free"],
        ["a:free", "x/y:thinking-ish", "x/y:online"],
        ["model: deepseek/deepseek-chat", "free: x/y", "x/y: free"],
        ['{"deepseek/deepseek-chat": {"mode": "chat"}}' * 50],
        [],
    ],
)
def test_openrouter_variant_is_the_first_the_full_pattern_finds(values):
    """The variant's suffix is looked for first (a whole file is searched in
    a tenth of the time); the answer is the full pattern's first match."""
    from ds_migrate.deepseek.names import _OPENROUTER_VARIANT, openrouter_variant_among

    expected = next((m.group(0) for v in values if (m := _OPENROUTER_VARIANT.search(v))), None)
    assert openrouter_variant_among(values) == expected
