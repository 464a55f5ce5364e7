DEFAULT_DEEPSEEK_MODEL = "deepseek-v4-flash"
