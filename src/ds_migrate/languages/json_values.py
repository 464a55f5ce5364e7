"""JSON values with positions: the json module checks the file, its own
string scanner (``json.decoder.scanstring``) walks it token by token.

A string is a key when its object expects one, else a value of the key
before it (an array's strings are entries of the array's key). A value is a
config value only when the name is all of it: ``"prompt": "model:
deepseek-reasoner"`` is text.
"""

from __future__ import annotations

import json
import re
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


def json_places(text: str) -> list[Place]:
    try:
        json.loads(text)
    except ValueError as error:
        raise Unparsable(f"not valid JSON ({error})") from None
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
            elif isinstance(top, _Array):
                places.append(Place(i + 1, end - 1, VALUE, top.key, entry=True))
            else:
                key = top.current if isinstance(top, _Object) else None
                naming = key is not None and key.lower() in NAMING_KEYS
                places.append(Place(i + 1, end - 1, VALUE, key, entry=naming))
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
                siblings = frozenset(k for _, _, k in closed.keys)
                for start, end, key in closed.keys:
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
