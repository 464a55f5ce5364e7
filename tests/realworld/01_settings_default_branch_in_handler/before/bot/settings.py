"""Runtime settings for the chat bot."""

DEFAULT_MODEL = "deepseek-chat"
MAX_HISTORY = 20
