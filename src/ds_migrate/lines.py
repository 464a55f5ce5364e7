"""Turn character offsets into 1-based line and column numbers."""

from __future__ import annotations

import bisect
from itertools import accumulate


class LineIndex:
    def __init__(self, text: str) -> None:
        self._text = text
        # each line starts one past the end of the line before (at C speed:
        # no Python code runs per line)
        starts = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
        starts.pop()  # one past the end of the text
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    @property
    def text(self) -> str:
        return self._text

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1


_last: LineIndex | None = None


def line_index(text: str) -> LineIndex:
    """The index of ``text``, reusing the last one built for the same string
    (analysis and reporting of one file both need it)."""
    global _last
    cached = _last
    if cached is not None and cached.text is text:
        return cached
    cached = _last = LineIndex(text)
    return cached
