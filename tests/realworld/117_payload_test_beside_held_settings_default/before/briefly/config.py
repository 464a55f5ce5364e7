"""Defaults, overridable from the environment."""

import os

DEFAULT_MODEL = os.environ.get("BRIEFLY_MODEL", "deepseek-chat")
TIMEOUT = float(os.environ.get("BRIEFLY_TIMEOUT", "30"))
API_KEY = os.environ.get("DEEPSEEK_API_KEY", "")
