DEFAULT_MODEL = "deepseek-v4-flash"
