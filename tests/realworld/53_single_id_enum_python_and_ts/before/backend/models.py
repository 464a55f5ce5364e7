from enum import Enum


class ChatModel(str, Enum):
    """Models the backend accepts from the web client."""

    DEFAULT = "deepseek-chat"
