"""DeepSeek chat settings."""

DEEPSEEK_SETTINGS = {
    "base_url": "https://api.deepseek.com/v1",
    "models": {
        "chat": "deepseek-chat",
        "coder": "deepseek-coder",
        "reasoner": "deepseek-reasoner",
    },
    "defaults": {"temperature": 1.0, "max_tokens": 4096},
}
