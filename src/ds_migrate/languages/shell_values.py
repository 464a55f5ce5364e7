"""Shell values with positions, from tree-sitter's bash grammar.

What a name is in a script follows from the node that holds it: the value of
an assignment (``export M=deepseek-chat``, ``M=(a b)``), the default of an
expansion (``${M:-deepseek-chat}``), an argument of a command (``--model
deepseek-chat``), the other side of a test or a ``case`` pattern (a
comparison), a heredoc (text), a comment. A curl command's ``-d '{...}'``
body is read from the same tree (languages/curl_json.py reads its JSON).

A part of the script the grammar cannot parse (an ERROR node) holds no value:
its names are reported without a fix, and the rest is read as usual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ds_migrate.languages.config_places import COMMENT, COMPARISON, DEFAULT, TEXT, UNKNOWN, VALUE, Place
from ds_migrate.languages.treesitter import Source, parser_for, walk

_DEFAULT_OPERATORS = (":-", "-", ":=", "=")
_QUOTED = ("string", "raw_string", "ansi_c_string")
_DATA_OPTIONS = ("-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json")
_DECLARATIONS = ("declaration_command",)


@dataclass
class CurlArgs:
    """A curl command: its data bodies (single-quoted words) and its first URL."""

    bodies: list[tuple[int, int]] = field(default_factory=list)  # JSON text spans, quotes excluded
    url: str | None = None


@dataclass
class ShellRead:
    places: list[Place]
    curls: list[CurlArgs]


def shell_places(text: str, original: str | None = None) -> ShellRead:
    """Read ``text`` as a script. Offsets are of ``text``; a caller that hides
    other syntax (a Dockerfile's instructions) passes blanks of equal length,
    and the ``original`` whose variable names are reported."""
    src = Source(text)
    names = original if original is not None else text
    tree = parser_for("tree_sitter_bash").parse(src.data)
    places: list[Place] = []
    curls: list[CurlArgs] = []
    errors: list[tuple[int, int]] = []
    for node in walk(tree.root_node):
        kind = node.type
        if kind == "ERROR":
            errors.append((src.start(node), src.end(node)))
        elif kind == "comment":
            places.append(Place(src.start(node), src.end(node), COMMENT))
        elif kind == "heredoc_body":
            places.append(Place(src.start(node), src.end(node), TEXT))
        elif kind == "variable_assignment":
            name = node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if value is not None:
                key = names[src.start(name) : src.end(name)] if name is not None else None
                _value(src, value, key, places)
        elif kind == "expansion":
            _expansion_default(src, node, places)
        elif kind == "command":
            _command(src, node, places, curls)
        elif kind in ("test_command", "case_item"):
            for child in walk(node):
                if child.type in ("word", "extglob_pattern", *_QUOTED) and not _in_command(child, node):
                    places.append(_inner(src, child, COMPARISON))
    if errors:
        places = [p for p in places if not any(s <= p.start and p.end <= e for s, e in errors)]
        places.extend(Place(s, e, UNKNOWN) for s, e in errors)
    return ShellRead(places, curls)


def _in_command(child, top) -> bool:
    """Is ``child`` inside a command nested in ``top`` (a case arm's body)?"""
    node = child.parent
    while node is not None and node != top:
        if node.type in ("command", "variable_assignment"):
            return True
        node = node.parent
    return False


def _inner(src: Source, node, kind: str, key: str | None = None, entry: bool = False) -> Place:
    """``node``'s span, its quotes excluded."""
    start, end = src.start(node), src.end(node)
    if node.type in _QUOTED:
        opening = 2 if node.type == "ansi_c_string" else 1
        start, end = start + opening, max(start + opening, end - 1)
    return Place(start, end, kind, key, entry)


def _value(src: Source, node, key: str | None, places: list[Place]) -> None:
    if node.type == "array":
        for item in node.children:
            if item.type not in ("(", ")"):
                places.append(_inner(src, item, VALUE, key, entry=True))
    else:
        places.append(_inner(src, node, VALUE, key))


def _expansion_default(src: Source, node, places: list[Place]) -> None:
    """``${VAR:-default}``: the default is what the value is when VAR is unset."""
    children = node.children
    for i, child in enumerate(children):
        if child.type in _DEFAULT_OPERATORS and i + 1 < len(children):
            variable = next((c for c in children[:i] if c.type == "variable_name"), None)
            close = children[-1] if children[-1].type == "}" else None
            end = src.start(close) if close is not None else src.end(node)
            key = src.node_text(variable) if variable is not None else None
            places.append(Place(src.end(child), end, DEFAULT, key))
            return


def _command(src: Source, node, places: list[Place], curls: list[CurlArgs]) -> None:
    name = node.child_by_field_name("name")
    program = src.node_text(name).rsplit("/", 1)[-1] if name is not None else ""
    curl = CurlArgs() if program == "curl" else None
    previous = None
    for arg in node.children_by_field_name("argument"):
        text = src.node_text(arg)
        if arg.type == "word" and text.startswith("-") and "=" in text:
            option, _, _ = text.partition("=")
            start = src.start(arg) + len(option) + 1
            places.append(Place(start, src.end(arg), VALUE, option))
        elif arg.type == "concatenation" and curl is not None:
            parts = arg.children
            if len(parts) == 2 and src.node_text(parts[0]).rstrip("=") in _DATA_OPTIONS and parts[1].type == "raw_string":
                curl.bodies.append(_span(_inner(src, parts[1], VALUE)))
            places.append(_inner(src, arg, VALUE, None))
        elif arg.type in ("word", *_QUOTED, "concatenation", "number"):
            key = previous if previous and previous.startswith("-") else None
            places.append(_inner(src, arg, VALUE, key))
            if curl is not None:
                if arg.type == "raw_string" and previous in _DATA_OPTIONS:
                    curl.bodies.append(_span(places[-1]))
                elif curl.url is None and arg.type in ("word", "string") and "://" in text:
                    curl.url = text.strip("\"")
        previous = text
    if curl is not None and curl.bodies:
        curls.append(curl)


def _span(place: Place) -> tuple[int, int]:
    return place.start, place.end
