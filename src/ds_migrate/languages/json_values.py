"""JSON values with positions: the json module checks the file, its own
string scanner (``json.decoder.scanstring``) walks it token by token.

Given the spans the caller will ask about (the legacy names), only the
places that hold one are made, and an object or array that holds none is
stepped over with the json module's own scanner (C) instead of walked:
litellm's 3.4 MB price table names a retired id in a few dozen of its
two thousand entries.

A string is a key when its object expects one, else a value of the key
before it (an array's strings are entries of the array's key). A value is a
config value only when the name is all of it: ``"prompt": "model:
deepseek-reasoner"`` is text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from json.decoder import scanstring

from ds_migrate.languages.base import Unparsable
from ds_migrate.languages.config_places import KEY, VALUE, Place
from ds_migrate.languages.yaml_values import NAMING_KEYS


# The characters that change the walk's state: everything between them
# (whitespace, numbers, true/false/null) is skipped in one search, not one
# character at a time (litellm's price table is megabytes of JSON).
_STRUCTURE = re.compile(r'["{}\[\]:,]')


class _Object:
    def __init__(self, key: str | None) -> None:
        self.key = key  # the key this object is the value of
        self.expects_key = True
        self.current: str | None = None
        self.keys: list[tuple[int, int, str]] = []


class _Array:
    def __init__(self, key: str | None) -> None:
        self.key = key


def json_places(text: str, wanted: list[tuple[int, int]] | None = None) -> list[Place]:
    """The places of ``text``; given ``wanted`` (spans), only those that
    hold one of them (``Places.holding`` gives the same answer for those
    spans: it returns the innermost place, and the others hold none)."""
    try:
        json.loads(text)
    except ValueError as error:
        raise Unparsable(f"not valid JSON ({error})") from None
    spans = sorted(wanted) if wanted is not None else None
    starts = [start for start, _ in spans] if spans is not None else None
    skip = json.JSONDecoder().raw_decode

    def holds_wanted(start: int, end: int) -> bool:
        if starts is None:
            return True
        at = bisect_left(starts, start)
        while at < len(starts) and starts[at] <= end:
            if spans[at][1] <= end:
                return True
            at += 1
        return False

    def wanted_within(start: int, end: int) -> bool:
        at = bisect_left(starts, start)
        return at < len(starts) and starts[at] < end

    places: list[Place] = []
    stack: list[_Object | _Array] = []
    find = _STRUCTURE.search
    i = 0
    while True:
        found = find(text, i)
        if found is None:
            break
        i = found.start()
        c = text[i]
        top = stack[-1] if stack else None
        if c == '"':
            value, end = scanstring(text, i + 1)
            if isinstance(top, _Object) and top.expects_key:
                top.keys.append((i + 1, end - 1, value.lower()))
                top.current = value
            elif not holds_wanted(i + 1, end - 1):
                pass
            elif isinstance(top, _Array):
                places.append(Place(i + 1, end - 1, VALUE, top.key, entry=True))
            else:
                key = top.current if isinstance(top, _Object) else None
                naming = key is not None and key.lower() in NAMING_KEYS
                places.append(Place(i + 1, end - 1, VALUE, key, entry=naming))
            i = end
            continue
        if c in "{[" and starts is not None and stack:
            # a container that holds no wanted span: stepped over at C speed
            # (a value changes nothing of the walk's state around it)
            end = skip(text, i)[1]
            if not wanted_within(i, end):
                i = end
                continue
        if c == "{":
            stack.append(_Object(_value_key(top)))
        elif c == "[":
            stack.append(_Array(_value_key(top)))
        elif c in "}]":
            closed = stack.pop()
            if isinstance(closed, _Object) and closed.keys:
                # a key's fellow keys (one set per object: its own key in it
                # changes no answer, a retired key is never its own target)
                held = [(start, end, key) for start, end, key in closed.keys if holds_wanted(start, end)]
                if held:
                    siblings = frozenset(k for _, _, k in closed.keys)
                    for start, end, key in held:
                        places.append(Place(start, end, KEY, siblings=siblings))
        elif c == ":" and isinstance(top, _Object):
            top.expects_key = False
        elif c == "," and isinstance(top, _Object):
            top.expects_key = True
        i += 1
    return places


def _value_key(top) -> str | None:
    """The key a container opening here is the value of."""
    if isinstance(top, _Object):
        return top.current
    if isinstance(top, _Array):
        return top.key
    return None
