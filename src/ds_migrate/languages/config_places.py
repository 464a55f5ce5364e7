"""Where a config file's parser says each name sits: a value, a key, text or a comment.

The format modules (yaml_values, toml_values, env_values, shell_values) turn a
parse into ``Place`` spans with exact offsets; ``role_of`` reads a legacy name's
role from the innermost span holding it. A name is a config value only when it
is the whole value (``model: deepseek-chat``); inside other words (a prompt, a
block scalar, a heredoc, a description) it is text, whatever the text says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ds_migrate.deepseek.names import LegacyName

VALUE, KEY, TEXT, COMMENT, DEFAULT, UNKNOWN = "value", "key", "text", "comment", "default", "unknown"
COMPARISON = "comparison"  # a test or case pattern (shell)

# ``${VAR:-default}`` (compose, shell, dotenv interpolation): the default is
# what the value is when the variable is unset; still open before the name
_OPEN_DEFAULT = re.compile(r"\$\{(\w+):?[-=]")
# a whole value ``KEY=name`` (a compose ``environment:`` list entry)
_ASSIGNED = re.compile(r"\s*([A-Za-z_][\w.-]*)=")


@dataclass(frozen=True)
class Place:
    """A span of the source, quotes excluded, and what the parser says it is."""

    start: int
    end: int
    kind: str  # VALUE, KEY, TEXT (multi-line strings, heredocs), COMMENT, DEFAULT
    key: str | None = None  # the key or variable a value belongs to
    entry: bool = False  # an item of a list (``- deepseek-chat``, ``["deepseek-chat"]``)
    siblings: frozenset[str] = frozenset()  # the keys of its table, itself included (lower-case)
    # a value's key within the collection of entries its table belongs to
    # (``jobs: {triage: {model: ...}, review: {model: ...}}``: both models are
    # ``(start of jobs, "model")``): the same setting of sibling entries
    group: tuple[int, str] | None = None


@dataclass(frozen=True)
class Role:
    kind: str
    key: str | None = None
    entry: bool = False
    siblings: frozenset[str] | None = None  # None: the format's parser did not say
    group: tuple[int, str] | None = None


class Places:
    """The spans of one file (and what else its reader found, for a kind's own claims)."""

    def __init__(self, places: list[Place], extra=None) -> None:
        # by start, an enclosing span before the spans it holds
        self.places = sorted(places, key=lambda p: (p.start, -p.end))
        self._starts = [p.start for p in self.places]
        self.extra = extra

    def holding(self, start: int, end: int) -> Place | None:
        """The smallest span that holds ``start:end``. Spans nest and never
        cross, so walking back from the last span that starts at or before
        ``start``, the first one that reaches ``end`` is the innermost."""
        for i in range(bisect_right(self._starts, start) - 1, -1, -1):
            if self.places[i].end >= end:
                return self.places[i]
        return None

    def role_of(self, text: str, name: LegacyName) -> Role:
        place = self.holding(name.start, name.end)
        if place is None:
            return Role(UNKNOWN)
        if place.kind in (COMMENT, TEXT, UNKNOWN):
            return Role(place.kind)
        if place.kind == DEFAULT:
            return Role(DEFAULT, place.key)
        content = text[place.start : place.end]
        whole = content.strip().lower() == name.text.lower()
        if place.kind == KEY:
            return Role(KEY, siblings=place.siblings) if whole else Role(TEXT)
        if place.kind == COMPARISON:
            return Role(COMPARISON) if whole else Role(TEXT)
        if whole:
            return Role(VALUE, place.key, place.entry, siblings=place.siblings or None, group=place.group)
        before = text[place.start : name.start]
        default = None
        for match in _OPEN_DEFAULT.finditer(before):
            if "}" not in before[match.end() :]:
                default = match.group(1)
        if default:
            return Role(DEFAULT, default)
        assigned = _ASSIGNED.fullmatch(before)
        if assigned and not text[name.end : place.end].strip():
            return Role(VALUE, assigned.group(1))
        return Role(TEXT)
