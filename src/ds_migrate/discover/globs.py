"""Globs as regular expressions, for matching many names fast: include
globs (file names, fnmatch's rules) and exclude patterns (gitignore's rules,
translated by pathspec)."""

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


# -- exclude patterns: gitignore's rules, read by pathspec
#
# A pattern with no slash but a trailing one (``build``, ``*.md``, ``cache/``)
# is a name: it matches at any depth, and everything below a folder it
# matches is excluded; a trailing slash matches folders only. Any other
# slash anchors the pattern to the project root (``tests/fixtures``,
# ``/setup.py``, ``docs/*.md``), where ``*`` stops at a slash and ``**``
# crosses folders. ``!`` re-includes, as in .gitignore.


def is_name_pattern(pattern: str) -> bool:
    """True for a pattern that matches a name at any depth (``**/x`` is ``x``)."""
    stripped = _as_name(pattern).rstrip("/")
    return bool(stripped) and "/" not in stripped and not pattern.startswith("!")


def _as_name(pattern: str) -> str:
    return pattern[3:] if pattern.startswith("**/") else pattern


def gitignore_regex(patterns: list[str] | tuple[str, ...]) -> str | None:
    """One regular expression, matched from the start of a path (folders end
    in "/"), for gitignore ``patterns`` that re-include nothing; None when
    there are none. pathspec translates each pattern; joining them lets
    ten thousand names be checked with one match each."""
    branches = []
    for pattern, compiled in zip(patterns, _compiled(patterns)):
        if compiled is None or compiled.include is None:  # a blank or a comment
            continue
        if not compiled.include:
            raise ValueError(f"a re-including pattern has no place in one expression: {pattern!r}")
        # pathspec's named groups would clash once the patterns are joined
        branches.append(_NAMED_GROUP.sub("(?:", compiled.regex.pattern))
    return "|".join(f"(?:{b})" for b in branches) if branches else None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _compiled(patterns) -> list:
    """pathspec's reading of each pattern, in order (None for a blank or a comment)."""
    return [next(iter(gitignore_spec([p]).patterns), None) for p in patterns]


def name_pattern_regexes(patterns: list[str] | tuple[str, ...]) -> tuple[str | None, str | None]:
    """(regex for names of anything, regex for folder names + "/") of the
    name ``patterns`` (``is_name_pattern``): the first matches a name that a
    pattern without a trailing slash excludes, the second ``name/`` of a
    folder that any of them excludes."""
    names = [_as_name(p) for p in patterns if is_name_pattern(p)]
    return _one_name(gitignore_regex([n for n in names if not n.endswith("/")])), _one_name(gitignore_regex(names))


def _one_name(regex: str | None) -> str | None:
    """``regex`` for a single name: pathspec starts a name pattern with "any
    folders" (``(?:.+/)?``), which a name without a slash never has, and
    which costs a scan of the name per pattern."""
    return regex.replace(_ANY_FOLDERS, "^") if regex is not None else None


_ANY_FOLDERS = "^(?:.+/)?"


def gitignore_spec(patterns: list[str] | tuple[str, ...]):
    """A pathspec GitIgnoreSpec of ``patterns`` (order matters: ``!`` re-includes)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(list(patterns))
