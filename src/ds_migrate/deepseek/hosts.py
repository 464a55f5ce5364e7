"""Whose API a base URL names. Shared by the Python analysis and the other
languages' handlers, so it imports nothing heavy."""

from __future__ import annotations


def is_deepseek_url(url: str) -> bool:
    return "deepseek.com" in url.lower()


def is_foreign_url(url: str | None) -> bool:
    """True when a base URL visibly names a host other than DeepSeek's."""
    if not url:
        return False
    lowered = url.lower()
    return ("://" in lowered or "." in lowered) and not is_deepseek_url(lowered)
