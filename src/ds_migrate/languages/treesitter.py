"""Tree-sitter plumbing the parsed languages share.

Each grammar is its own PyPI wheel (``tree-sitter-go``, ``tree-sitter-java``,
...); a parser is built once per process, on first use, so a run over files
of one language never imports the others.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache


@lru_cache(maxsize=None)
def parser_for(module: str, function: str = "language"):
    """A tree-sitter parser for the grammar ``module.function()``."""
    import tree_sitter

    grammar = importlib.import_module(module)
    return tree_sitter.Parser(tree_sitter.Language(getattr(grammar, function)()))


class Source:
    """Byte offsets from tree-sitter turned into character offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        # (start byte, end byte, node type) -> the retired id an SDK constant there holds (library_uses.py)
        self.library_values: dict[tuple[int, int, str], str] = {}

    def char(self, byte: int) -> int:
        return byte if self.ascii else len(self.data[:byte].decode("utf-8", "ignore"))

    def node_text(self, node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def start(self, node) -> int:
        return self.char(node.start_byte)

    def end(self, node) -> int:
        return self.char(node.end_byte)


def walk(node):
    """Every node below ``node`` (itself first), in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def line_indent(text: str, offset: int) -> str:
    """The whitespace that starts the line holding ``offset``."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return re.match(r"[ \t]*", text[line_start:]).group(0)


def newline_of(text: str, offset: int) -> str:
    """The line end used near ``offset`` (the file's first one when none follows)."""
    match = re.compile(r"\r\n|\r|\n").search(text, offset) or re.compile(r"\r\n|\r|\n").search(text)
    return match.group(0) if match else "\n"


def append_member(text: str, last_end: int, close: int, member: str) -> tuple[int, int, str]:
    """Where and what to insert so that ``member`` follows the last member
    of a bracketed list (an argument list, an array, a hash) that ends with
    its closing bracket at ``close``; the last member ends at ``last_end``.

    The list's own layout is kept: one member per line (with or without a
    trailing comma) or all on one line. Returns (start, end, new text) for a
    TextEdit; end > start only when a single-line list is opened onto lines.
    """
    between = text[last_end:close]
    trailing_comma = between.lstrip().startswith(",")
    if trailing_comma:
        comma_at = last_end + between.index(",") + 1
    multiline = "\n" in between or "\r" in between
    if multiline:
        newline = newline_of(text, last_end)
        indent = line_indent(text, last_end)
        if trailing_comma:
            return comma_at, comma_at, f"{newline}{indent}{member},"
        return last_end, last_end, f",{newline}{indent}{member}"
    if trailing_comma:
        return comma_at, comma_at, f" {member}"
    return last_end, last_end, f", {member}"
