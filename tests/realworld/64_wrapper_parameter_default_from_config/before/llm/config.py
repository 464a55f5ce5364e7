DEFAULT_MODEL = "deepseek-chat"
