"""Does a file mention DeepSeek, and is it worth a parse? One answer for
every stage: discovery's ripgrep and ignored-file look, reading a file,
the Python analysis and the handlers of code held in other files.

A file that never says "deepseek" (in any case) holds nothing a rule
reports on; those that do are parsed only when the word starts something a
rule reads (a retired or V4 id, the API host, a "deepseek-" piece or a
"deepseek/" provider prefix that code completes, a framework's enum member, an SDK's constant for a retired id or
its import) or the file names the string ``"reasoning_content"`` (the
reasoning rules read that literal only: ``python/history.py``; an
identifier such as ``merge_reasoning_content_in_choices`` is no reason).
"""

from __future__ import annotations

import re

from ds_migrate.deepseek.library_constants import WORTH_PARSING as _LIBRARY_CONSTANT

NEEDLE = "deepseek"
NEEDLE_BYTES = NEEDLE.encode("ascii")

_NEEDLE_ANY_CASE = re.compile(re.escape(NEEDLE_BYTES), re.IGNORECASE)
# a retired or V4 id, the API host, a "deepseek-" piece that code completes,
# a provider prefix that code completes ("deepseek/" + name: a DeepSeek
# request whatever the name), or a framework's enum member for a retired id
# (rules/enum_model.py)
_WORTH_PARSING_AT = re.compile(
    r"deepseek(?:-(?:chat|reasoner|coder|v4|flash|pro|['\"{%$`]|$)|[/:](?:['\"{]|$)|\.com|_(?:chat|reasoner)\b)",
    re.MULTILINE,
)


# the string literal the reasoning rules look for, in either quote
_REASONING_LITERAL = re.compile(r"""["']reasoning_content["']""")


def mentions(data: bytes) -> bool:
    """Does ``data`` say "deepseek" in any case? (``bytes.lower`` and a plain
    search run at memory speed; an IGNORECASE regex is five times slower.)"""
    return NEEDLE_BYTES in data.lower()


def mentions_without_copy(data: bytes) -> bool:
    """As ``mentions``, with no lowered copy of ``data`` (a huge file): slower,
    but it costs no memory."""
    return _NEEDLE_ANY_CASE.search(data) is not None


def mentions_text(text: str) -> bool:
    return NEEDLE in text.lower()


def worth_parsing(text: str) -> bool:
    """Does the text hold something a rule reports on? Tried only where
    "deepseek" occurs: one regex over the whole file costs more than that."""
    lowered = text.lower()
    if "reasoning_content" in lowered and _REASONING_LITERAL.search(lowered):
        return True
    at = lowered.find(NEEDLE)
    while at >= 0:
        if _WORTH_PARSING_AT.match(lowered, at) or _LIBRARY_CONSTANT.match(lowered, at):
            return True
        at = lowered.find(NEEDLE, at + len(NEEDLE))
    return False
