"""``.env`` values with positions: a small reader of the dotenv syntax.

python-dotenv's parser knows the syntax but returns each binding's decoded
key and value with only its line number, not where the value sits; a rename
must land on exact offsets, so the same grammar is read here, position by
position: blank and ``#`` comment lines, ``export ``, a bare or quoted key,
``=``, then a single-quoted, double-quoted (it may span lines) or bare value
(up to a `` #`` comment), then an optional comment. A line python-dotenv
would reject holds no value: its names are reported without a fix.
"""

from __future__ import annotations

from ds_migrate.languages.config_places import COMMENT, UNKNOWN, VALUE, Place

_BLANK = " \t"
_LINE_ENDS = "\r\n"


def env_places(text: str) -> list[Place]:
    places: list[Place] = []
    at, n = 0, len(text)
    while at < n:
        at = _skip(text, at, _BLANK)
        if at >= n:
            break
        if text[at] in _LINE_ENDS:
            at += 1
            continue
        if text[at] == "#":
            end = _line_end(text, at)
            places.append(Place(at, end, COMMENT))
            at = end
            continue
        line_start, known = at, len(places)
        at = _binding(text, at, places)
        if at is None:  # not a binding python-dotenv would read
            del places[known:]
            end = _line_end(text, line_start)
            places.append(Place(line_start, end, UNKNOWN))
            at = end
    return places


def _skip(text: str, at: int, chars: str) -> int:
    while at < len(text) and text[at] in chars:
        at += 1
    return at


def _line_end(text: str, at: int) -> int:
    while at < len(text) and text[at] not in _LINE_ENDS:
        at += 1
    return at


def _quoted(text: str, at: int) -> int | None:
    """The offset of the closing quote of the string opened at ``at`` (a
    backslash escapes the quote, as python-dotenv reads both kinds)."""
    quote = text[at]
    i = at + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i
        i += 1
    return None


def _binding(text: str, at: int, places: list[Place]) -> int | None:
    """Read ``[export ]KEY = VALUE [# comment]`` from ``at``; the offset after it."""
    if text.startswith("export", at) and at + 6 < len(text) and text[at + 6] in _BLANK:
        at = _skip(text, at + 6, _BLANK)
    if at < len(text) and text[at] in "'\"":
        close = _quoted(text, at)
        if close is None:
            return None
        key, at = text[at + 1 : close], close + 1
    else:
        start = at
        while at < len(text) and text[at] not in "=#" + _BLANK + _LINE_ENDS:
            at += 1
        key = text[start:at]
    if not key:
        return None
    at = _skip(text, at, _BLANK)
    if at >= len(text) or text[at] in _LINE_ENDS:
        return at  # ``KEY`` alone: a binding without a value
    if text[at] == "#":
        _comment(text, at, places)
        return _line_end(text, at)
    if text[at] != "=":
        return None
    at = _skip(text, at + 1, _BLANK)
    if at < len(text) and text[at] in "'\"":
        close = _quoted(text, at)
        if close is None:
            return None
        places.append(Place(at + 1, close, VALUE, key))
        at = _skip(text, close + 1, _BLANK)
    else:
        end = _line_end(text, at)
        value_end = end
        i = at
        while i < end:  # a bare value ends where `` #`` starts a comment
            if text[i] == "#" and i > at and text[i - 1] in _BLANK:
                value_end = i
                break
            i += 1
        value = text[at:value_end].rstrip(_BLANK)
        places.append(Place(at, at + len(value), VALUE, key))
        at = _skip(text, at + len(value), _BLANK)
    if at < len(text) and text[at] == "#":
        _comment(text, at, places)
        return _line_end(text, at)
    if at < len(text) and text[at] not in _LINE_ENDS:
        return None  # text after a closing quote
    return at


def _comment(text: str, at: int, places: list[Place]) -> None:
    places.append(Place(at, _line_end(text, at), COMMENT))
