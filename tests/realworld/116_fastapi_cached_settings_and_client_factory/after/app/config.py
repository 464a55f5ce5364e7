from functools import lru_cache

from pydantic_settings import BaseSettings


class AppSettings(BaseSettings):
    api_key: str = ""
    api_base: str = "https://api.deepseek.com/v1"
    summary_model: str = "deepseek-v4-flash"


@lru_cache
def get_settings() -> AppSettings:
    return AppSettings()
