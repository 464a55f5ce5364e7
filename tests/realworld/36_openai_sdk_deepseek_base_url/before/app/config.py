import os


class Settings:
    LLM_KEY = os.environ.get("LLM_KEY", "")


settings = Settings()
