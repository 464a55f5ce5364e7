"""A first cut for very large modules, before CPython builds any ``ast``.

``ast.parse`` costs about 10 microseconds and a few KB per statement: on a
generated module of millions of statements the plan would spend a minute
and gigabytes before leaving nearly all of them out. So, for a module of
``MIN_CHARS`` or more, the text is first cut at top-level statements found
without a parse (lines starting at column 0 with code), and only the
*chunks* (a top-level statement with the comment and blank lines after it)
that can matter go on to the plan; the others become placeholders first.

A chunk can matter when it names a trigger word, when it shares a word
(any identifier, in code, strings or comments) with a chunk that matters,
repeated until nothing changes: the links the closure follows (bindings,
readers, the def around a statement) all go through a name written in both
places, so this keeps a superset of what the plan's closure keeps, and the
plan then decides exactly as it would on the whole text. Chunks holding an
import (the whole module's imports are a module fact) or a comment line (a
comment splits a run of placeholders) are kept as they are, without their
words.

Nothing is assumed about the cuts: every piece between two cuts is proven
to read on its own from a clean start (CPython parses it, or it consists of
lines that each parse alone as a statement), which proves each cut a real
statement boundary and the whole module readable. Whatever does not fit
(non-ASCII text, whose names CPython normalises; a proof that fails; too
much to keep) returns None: the plan then reads the whole module.
"""

from __future__ import annotations

import ast
import bisect
import keyword
import re
import warnings

from ds_migrate.python.slicing.closure import occurrences
from ds_migrate.python.slicing.placeholders import blank

MIN_CHARS = 1_000_000
_MAX_KEPT = 0.3  # more than this kept: the first cut would not pay
_MAX_OCCURRENCES = 200_000  # words met more often than this: not worth it either
_DISTINCT_LINES = 64  # a left-out piece with at most this many different lines is proven line by line

_CONTINUES = re.compile(r"(?:else|elif|except|finally)\b")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEYWORDS = frozenset(keyword.kwlist)


def reduce(text: str, trigger: re.Pattern) -> tuple[str, dict[int, int]] | None:
    """``text`` with the chunks that cannot matter blanked, and the first and
    last line of each placeholder (its closing quotes may stand on an earlier
    line than its last); None when the first cut does not apply or cannot
    help."""
    if len(text) < MIN_CHARS or not text.isascii():
        return None
    chunks = _Chunks(text)
    words: set[str] = set()
    fresh: list[tuple[int, int]] = []
    for match in trigger.finditer(text.lower()):
        span = chunks.keep(match.start())
        if span is not None:
            fresh.append(span)
        if _comment_line(text, match.start()):
            # a comment line: libcst may attach it to the next statement
            after = chunks.keep(chunks.end_of(match.start()))
            if after is not None:
                fresh.append(after)
    met = 0
    while fresh:
        new = set()
        for start, end in fresh:
            new.update(_WORD.findall(text, start, end))
        new -= words
        new -= _KEYWORDS
        words |= new
        fresh = []
        if not new:
            break
        for word in sorted(new):
            for at in occurrences(text, word):
                met += 1
                if met > _MAX_OCCURRENCES:
                    return None
                span = chunks.keep(at)
                if span is not None:
                    fresh.append(span)
        if chunks.kept_chars > _MAX_KEPT * len(text):
            return None
    for at in occurrences(text, "import"):
        chunks.keep(at)
    at = text.find("#")
    while at >= 0:
        if _comment_line(text, at):
            chunks.keep(at)
        at = text.find("#", at + 1)
    if chunks.kept_chars > _MAX_KEPT * len(text):
        return None
    pieces: list[str] = []
    spans: dict[int, int] = {}
    done = 0
    for start, end in chunks.merged():
        if not (_proven(text, done, start, left_out=True) and _proven(text, start, end, left_out=False)):
            return None
        pieces.append(_left_out(text, done, start, spans))
        pieces.append(text[start:end])
        done = end
    if not _proven(text, done, len(text), left_out=True):
        return None
    pieces.append(_left_out(text, done, len(text), spans))
    return "".join(pieces), spans


def _comment_line(text: str, at: int) -> bool:
    """Is the line holding offset ``at`` a comment line (``#`` first)?"""
    line = text.rfind("\n", 0, at) + 1
    hash_at = text.find("#", line, at + 1)
    return hash_at >= 0 and not text[line:hash_at].strip(" \t\f")


class _Chunks:
    """Top-level statements found without a parse, and the ones kept."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []  # kept chunks, sorted by start
        self.ends: list[int] = []
        self.kept_chars = 0

    def keep(self, at: int) -> tuple[int, int] | None:
        """Keep the chunk around offset ``at``; its span if it was not kept yet."""
        if at >= len(self.text):
            return None
        place = bisect.bisect_right(self.starts, at)
        if place and at < self.ends[place - 1]:
            return None
        start, end = self.start_of(at), self.end_of(at)
        self.starts.insert(place, start)
        self.ends.insert(place, end)
        self.kept_chars += end - start
        return start, end

    def merged(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for start, end in zip(self.starts, self.ends):
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return spans

    def _line_start(self, at: int) -> int:
        return self.text.rfind("\n", 0, at) + 1

    def _starts_statement(self, line: int) -> bool:
        char = self.text[line : line + 1]
        return bool(char) and char not in " \t\f\r\n#)]}" and not _CONTINUES.match(self.text, line)

    def _after_decorator(self, line: int) -> bool:
        """Is the code line above ``line`` (past blank and comment lines) a decorator?"""
        text = self.text
        while line > 0:
            line = self._line_start(line - 1)
            stripped = text[line : text.find("\n", line)].strip()
            if stripped and not stripped.startswith("#"):
                return text.startswith("@", line)
        return False

    def start_of(self, at: int) -> int:
        line = self._line_start(at)
        while line > 0 and not self._starts_statement(line):
            line = self._line_start(line - 1)
        while line > 0 and self._after_decorator(line):
            line = self._line_start(line - 1)
            while line > 0 and not self._starts_statement(line):
                line = self._line_start(line - 1)
        return line

    def end_of(self, at: int) -> int:
        text = self.text
        line = self._line_start(at)
        while True:
            next_line = text.find("\n", line) + 1
            if next_line == 0 or next_line >= len(text):
                return len(text)
            line = next_line
            if self._starts_statement(line) and not self._after_decorator(line):
                return line


def _left_out(text: str, start: int, end: int, spans: dict[int, int]) -> str:
    """``text[start:end]`` (whole top-level statements and blank lines, no
    comments) with its code, from the line of its first character to the
    line of its last, as one placeholder, as the plan blanks a run."""
    segment = text[start:end]
    code = segment.strip()
    if not code:
        return segment
    first = text.rfind("\n", start, start + segment.index(code[0])) + 1
    first = max(first, start)
    last = text.find("\n", start + segment.rindex(code[-1]), end)
    last = end if last < 0 else last + 1
    first_line = text.count("\n", 0, first) + 1
    spans[first_line] = first_line + text.count("\n", first, last - 1)
    return text[start:first] + blank(text, first, last) + text[last:end]


def _proven(text: str, start: int, end: int, left_out: bool) -> bool:
    """Does ``text[start:end]``, read from a clean start, parse on its own?
    A left-out piece of few distinct lines is checked line by line (each a
    whole statement on its own line, so every line end is a clean start);
    otherwise CPython compiles it (parses it into an ``ast`` if compiling
    refuses something the ``ast`` allows, such as a top-level ``return``)."""
    if start >= end:
        return True
    piece = text[start:end]
    if left_out:
        if _each_line_a_statement(piece):
            return True  # else a line may be part of a statement of several: compile it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(piece, "<slice>", "exec", dont_inherit=True)
            return True
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        try:
            ast.parse(piece)
            return True
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False


def _each_line_a_statement(piece: str) -> bool:
    """Is every line of ``piece`` a whole statement on its own (or blank)?
    False also when it has more than ``_DISTINCT_LINES`` different lines. Each
    different line is parsed once, and then every copy of it removed at C
    speed (a copy is only ever removed whole, between two line feeds)."""
    rest = "\n" + piece + ("" if piece.endswith("\n") else "\n")
    checked = 0
    while len(rest) > 1:
        line = rest[1 : rest.index("\n", 1)]
        checked += 1
        if checked > _DISTINCT_LINES:
            return False
        if not _one_line_statement(line):
            return False
        needle = "\n" + line + "\n"
        while True:  # each pass removes every other copy of a run of copies
            shorter = rest.replace(needle, "\n")
            if len(shorter) == len(rest):
                break
            rest = shorter
    return True


def _one_line_statement(line: str) -> bool:
    line = line.removesuffix("\r")
    if not line.strip():
        return True
    if line[0] in " \t\f#" or line.rstrip().endswith("\\"):
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(line)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False
    return True
