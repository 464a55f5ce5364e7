"""Fenced code blocks of a Markdown file, found by markdown-it-py (CommonMark).

markdown-it-py comes with rich. Its tokens give each fence's info string and
its lines; the lines are mapped back to exact offsets in the source (LF,
CRLF or lone CR), so a fixed block is spliced in with every other byte kept.
A fence may be indented (inside a list), longer than three marks, tilde or
backtick, and unclosed (it then runs to the end of its container). A block
whose lines carry a container prefix other than blanks (a block quote) is
left to be read as prose: its code cannot be cut out byte-exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Fence:
    start: int  # offset of the block's first content line
    end: int  # offset just past its last content line (its line end included)
    language: str  # the info string's first word, lower-case ("" when none)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts, lines ended as CommonMark ends them
    (markdown-it-py normalises CRLF and lone CR to LF, so its line numbers
    count every kind)."""
    starts = [m.start() for m in _LINE.finditer(text)]
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # the empty match after the last line end
    return starts


def fences(text: str) -> list[Fence]:
    found = []
    starts = None
    for token in _parser().parse(text):
        if token.type != "fence" or token.map is None:
            continue
        if starts is None:
            starts = line_starts(text)
        first, last = token.map  # the opening line, and one past the block's last line
        lines = [_line(text, starts, i) for i in range(first, min(last, len(starts)))]
        close = len(lines)
        if close > 1 and _closes(lines[-1], token.markup):
            close -= 1
        content = token.content.split("\n")[: close - 1]
        if not _plain_container(lines[1:close], content):
            continue
        start = starts[first + 1] if first + 1 < len(starts) else len(text)
        end = starts[first + close] if first + close < len(starts) else len(text)
        language = re.split(r"[\s{},]", token.info.strip().lstrip("{."), maxsplit=1)[0].lower()
        found.append(Fence(start, end, language))
    return found


def _line(text: str, starts: list[int], i: int) -> str:
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return text[starts[i] : end].rstrip("\r\n")


def _closes(line: str, markup: str) -> bool:
    """Is the block's last line its closing fence? (markdown-it-py has already
    judged where the block ends; a line of marks alone there can only close it.)"""
    stripped = line.strip()
    return len(stripped) >= len(markup) and set(stripped) == {markup[0]}


def _plain_container(raw: list[str], content: list[str]) -> bool:
    """Each raw line is its content line behind blanks only (a list's indent)."""
    if len(raw) != len(content):
        return False
    for line, code in zip(raw, content):
        if not line.endswith(code) or line[: len(line) - len(code)].strip(" \t"):
            return False
    return True
