"""File-name globs as one regular expression, for matching many names fast."""

from __future__ import annotations

import fnmatch
import re
from itertools import groupby

_EXTENSION = re.compile(r"\*\.([A-Za-z0-9_+-]+)")


def globs_regex(globs: list[str] | tuple[str, ...]) -> str:
    """A pattern that matches (from the start, to the end) exactly the names
    one of ``globs`` matches, as ``fnmatch.fnmatchcase`` would. The ``*.ext``
    globs share one branch that tries the extensions as a tree of letters:
    names are checked by the ten thousand, and fifty ``.*`` branches would
    each scan every name."""
    extensions = sorted({m.group(1) for g in globs if (m := _EXTENSION.fullmatch(g))})
    others = [fnmatch.translate(g) for g in globs if not _EXTENSION.fullmatch(g)]
    branches = ([rf"(?s:.*\.{_letter_tree(extensions)})\Z"] if extensions else []) + others
    return "|".join(branches) or r"(?!)"


def extensions_regex(extensions: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """The alternatives of ``extensions`` (literal text) as a tree of letters."""
    return _letter_tree(sorted(extensions))


def _letter_tree(words: list[str]) -> str:
    """``(?:a|b|...)`` for sorted distinct ``words``, sharing common first letters."""
    branches = []
    ends_here = "" in words
    for letter, group in groupby((w for w in words if w), key=lambda w: w[0]):
        rest = [w[1:] for w in group]
        branches.append(re.escape(letter) + (_letter_tree(rest) if rest != [""] else ""))
    if ends_here:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return f"(?:{'|'.join(branches)})"
