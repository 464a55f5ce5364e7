"""Runtime settings for the chat bot."""

DEFAULT_MODEL = "deepseek-v4-flash"
MAX_HISTORY = 20
