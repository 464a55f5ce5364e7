"""YAML values with positions, from PyYAML's node graph (``compose``).

Every scalar is a node with a start and end mark, so a line that looks like
``model: deepseek-reasoner`` inside a block scalar (``system: |``) is part of
that one text node, never a key of its own. Comments are not nodes: a ``#``
outside every scalar, at a line start or after blanks, opens one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ds_migrate.languages.base import Unparsable
from ds_migrate.languages.config_places import COMMENT, KEY, TEXT, VALUE, Place

# Keys whose value names a list entry rather than choosing a model for a request.
NAMING_KEYS = frozenset({"name", "id", "model_name", "slug", "alias", "label", "key", "title"})


def yaml_places(text: str) -> list[Place]:
    """Every scalar and comment of ``text`` (all its documents); Unparsable if
    PyYAML rejects it."""
    import yaml

    # libyaml's loader is several times faster and gives the same marks
    # (character indexes), except that it does not count a leading BOM
    loader = getattr(yaml, "CSafeLoader", None)
    shift = 1 if loader is not None and text.startswith("\ufeff") else 0
    try:
        documents = list(yaml.compose_all(text, Loader=loader or yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise Unparsable(f"not valid YAML{where} ({problem})") from None
    places: list[Place] = []
    seen: set[int] = set()  # an alias is the anchored node again: visit it once
    # (node, its key, in a list, the collection holding its table, the keys of the table it is a value in)
    stack = [(node, None, False, None, frozenset()) for node in reversed(documents) if node is not None]
    while stack:
        node, key, in_list, entries, table_keys = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            place = _scalar(text, node, key, in_list, shift)
            if entries is not None and key is not None and place.kind == VALUE:
                place = replace(place, group=(entries, key.lower()), siblings=table_keys)
            places.append(place)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, key, True, node.start_mark.index, frozenset()) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            # the values of this table are settings of an entry of ``holder``
            holder = entries
            keys = frozenset(k.value.lower() for k, _ in node.value if isinstance(k, yaml.ScalarNode))
            for k, v in reversed(node.value):
                if isinstance(k, yaml.ScalarNode) and id(k) not in seen:
                    seen.add(id(k))
                    start, end = _content(text, k, shift)
                    places.append(Place(start, end, KEY if k.style not in ("|", ">") else TEXT, siblings=keys))
                else:
                    stack.append((k, None, False, None, frozenset()))
                value_key = k.value if isinstance(k, yaml.ScalarNode) else None
                # ``- name: deepseek-chat``: the value names the entry it sits in
                naming = in_list and value_key is not None and value_key.lower() in NAMING_KEYS
                # a table held here is an entry of this one: its scalars' group
                stack.append((
                    v, value_key, naming, node.start_mark.index if not isinstance(v, yaml.ScalarNode) else holder, keys
                ))
    places.extend(_comments(text, places))
    return places


def _content(text: str, node, shift: int) -> tuple[int, int]:
    start, end = node.start_mark.index + shift, node.end_mark.index + shift
    start = _past_properties(text, start, end)
    if node.style in ("'", '"'):
        return start + 1, end - 1
    return start, end


def _past_properties(text: str, start: int, end: int) -> int:
    """A node's start mark is at its anchor or tag (``&m``, ``!!str``) when
    it has one: the scalar itself begins after them."""
    while start < end and text[start] in "&!":
        while start < end and text[start] not in " \t\r\n":
            start += 1
        while start < end and text[start] in " \t\r\n":
            start += 1
    return start


def _scalar(text: str, node, key: str | None, in_list: bool, shift: int) -> Place:
    start, end = _content(text, node, shift)
    if node.style in ("|", ">"):
        return Place(start, end, TEXT, key)  # a block scalar is text: a prompt, a script
    entry = in_list or (key is not None and key.lower() in NAMING_KEYS)
    return Place(start, end, VALUE, key, entry)


def _comments(text: str, scalars: list[Place]) -> list[Place]:
    spans = sorted((p.start, p.end) for p in scalars)
    starts = [s for s, _ in spans]
    found = []
    at = text.find("#")
    while at != -1:
        i = bisect_right(starts, at) - 1
        inside = i >= 0 and spans[i][0] <= at < spans[i][1]
        if not inside and (at == 0 or text[at - 1] in " \t\r\n"):
            end = len(text)
            for newline in ("\n", "\r"):
                n = text.find(newline, at)
                if n != -1:
                    end = min(end, n)
            found.append(Place(at, end, COMMENT))
            at = text.find("#", end)
        else:
            at = text.find("#", at + 1)
    return found
