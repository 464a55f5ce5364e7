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


def differing_span(old: str, new: str) -> tuple[int, int, int]:
    """Where ``old`` and ``new`` differ: (start, end in ``old``, end in
    ``new``), the shared start taken first and the shared end then kept
    from overlapping it. Slices are compared (at C speed), halving the range
    each time, so a long text costs no Python loop over its characters."""
    limit = min(len(old), len(new))
    start = _longest(lambda n: old[:n] == new[:n], limit)
    end = _longest(lambda n: old[len(old) - n :] == new[len(new) - n :], limit - start)
    return start, len(old) - end, len(new) - end


def _longest(shared, limit: int) -> int:
    """The largest ``n <= limit`` with ``shared(n)`` (true for every smaller n too)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if shared(middle):
            low = middle
        else:
            high = middle - 1
    return low
