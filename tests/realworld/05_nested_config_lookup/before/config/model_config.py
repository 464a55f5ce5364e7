# LLM settings, one entry per model
MODEL_CONFIG = {
    "deepseek": {
        "deepseek-chat": {
            "model": "deepseek-chat",
            "api_key": "YOUR_KEY",
            "base_url": "https://api.deepseek.com",
        },
        "deepseek-reasoner": {
            "model": "deepseek-reasoner",
            "api_key": "YOUR_KEY",
            "base_url": "https://api.deepseek.com",
        },
    }
}
