"""Whose API a base URL names. Shared by the Python analysis and the other
languages' handlers, so it imports nothing heavy.

The host is read with ``urllib.parse.urlsplit`` and judged by its labels, so
``notdeepseek.com`` and ``deepseek.com.example.net`` are not DeepSeek's while
``api.deepseek.com`` is, with or without a scheme or a path. A host that is
built at run time (``${HOST}``, ``{region}``, ``{{ host }}``, ``$HOST``) is not
known: neither DeepSeek's nor visibly another's, unless its fixed part ends in
DeepSeek's domain. A shell-style default (``${VAR:-https://api.deepseek.com}``)
is judged by that default.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DEEPSEEK_DOMAIN = "deepseek.com"

# ${VAR:-default}, ${VAR-default}, ${VAR:=default}: the value when VAR is unset
_SHELL_DEFAULT = re.compile(r"\$\{\w+:?[-=]([^{}]*)\}")
# text that a template fills in: ${...}, {...}, {{...}}, $NAME, %(name)s, <name>
_PLACEHOLDER = re.compile(r"[${}%<>]")


def host_of(url: str | None) -> str | None:
    """The lower-case host a URL names (no port, no trailing dot); None when
    there is none to read. A URL without a scheme is read as a host first
    (``api.deepseek.com/v1``)."""
    if not url:
        return None
    text = url.strip().strip("'\"`").strip()
    default = _SHELL_DEFAULT.fullmatch(text)
    if default is not None:
        text = default.group(1).strip()
    if not text or text[0] in "/." and not text.startswith("//"):
        return None  # a path: "/v1/chat", "./local"
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:  # "[::1" and other hosts urlsplit refuses
        return None
    return host.rstrip(".") or None if host else None


def is_deepseek_host(host: str | None) -> bool:
    """True for ``deepseek.com`` and any name below it (``api.deepseek.com``);
    a templated label below it still names DeepSeek's domain."""
    if not host:
        return False
    return host == DEEPSEEK_DOMAIN or host.endswith("." + DEEPSEEK_DOMAIN)


def is_deepseek_url(url: str | None) -> bool:
    return is_deepseek_host(host_of(url))


def is_foreign_url(url: str | None) -> bool:
    """True when a base URL visibly names a host other than DeepSeek's: a URL
    with a scheme, or a dotted host name, whose host is fully written out."""
    if not url:
        return False
    text = url.strip().strip("'\"`").strip()
    default = _SHELL_DEFAULT.fullmatch(text)
    if default is not None:
        text = default.group(1).strip()
    host = host_of(text)
    if host is None or _PLACEHOLDER.search(host) or is_deepseek_host(host):
        return False
    return "://" in text or "." in host
