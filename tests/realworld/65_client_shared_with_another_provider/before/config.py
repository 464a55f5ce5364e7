import os

PROVIDER = os.getenv("LLM_PROVIDER", "deepseek")
BASE_URLS = {
    "deepseek": "https://api.deepseek.com",
    "openai": "https://api.openai.com/v1",
}
MODEL = os.getenv("LLM_MODEL", "deepseek-chat")
