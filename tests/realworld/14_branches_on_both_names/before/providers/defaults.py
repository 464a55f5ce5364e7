DEFAULT_DEEPSEEK_MODEL = "deepseek-chat"
