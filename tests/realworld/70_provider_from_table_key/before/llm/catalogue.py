MODEL_LIST = {
    "openrouter": ["deepseek/deepseek-chat", "deepseek/deepseek-r1", "openai/gpt-4o"],
    "ollama": ["deepseek-coder:6.7b", "deepseek-coder", "llama3.1:8b"],
}


def models_for(provider: str) -> list[str]:
    return MODEL_LIST[provider]
