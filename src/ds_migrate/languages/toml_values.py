"""TOML values with positions, from tree-sitter's TOML grammar.

tomllib checks the file (the reference parser decides what is TOML); the
tree-sitter tree gives each key, string and comment its exact span. A
multi-line string (``\"\"\"`` or ``'''``) is text: a prompt or a template,
whatever lines inside it look like.
"""

from __future__ import annotations

from ds_migrate.languages.base import Unparsable
from ds_migrate.languages.config_places import COMMENT, KEY, TEXT, VALUE, Place
from ds_migrate.languages.treesitter import Source, parser_for, walk
from ds_migrate.languages.yaml_values import NAMING_KEYS

_KEY_LEAVES = ("bare_key", "quoted_key")
_KEYS = ("bare_key", "quoted_key", "dotted_key")
_TABLES = ("table", "table_array_element")


def toml_places(text: str) -> list[Place]:
    from ds_migrate.config import tomllib

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise Unparsable(f"not valid TOML ({error})") from None
    src = Source(text)
    tree = parser_for("tree_sitter_toml").parse(src.data)
    if tree.root_node.has_error:
        raise Unparsable("not valid TOML (tree-sitter's grammar found a syntax error)")
    places: list[Place] = []
    headers: list[tuple[tuple[str, ...], list]] = []
    for node in walk(tree.root_node):
        if node.type == "comment":
            places.append(Place(src.start(node), src.end(node), COMMENT))
        elif node.type in _TABLES:
            key = next((c for c in node.children if c.type in _KEYS), None)
            if key is not None:
                leaves = _leaves(key)
                headers.append((tuple(_key_text(src, leaf).lower() for leaf in leaves), leaves))
        if node.type in ("document", "inline_table", *_TABLES):
            _pairs(src, node, places, in_list=node.type == "inline_table" and _in_array(node))
    for path, leaves in headers:
        others = frozenset(p[-1] for p, _ in headers if p[:-1] == path[:-1] and p != path)
        for leaf in leaves:
            places.append(_key_place(src, leaf, others if leaf is leaves[-1] else frozenset()))
    return places


def _pairs(src: Source, container, places: list[Place], in_list: bool) -> None:
    """The pairs directly in ``container`` (a table, the document, an inline table)."""
    pairs = [c for c in container.children if c.type == "pair"]
    # the keys of the table, one set for all of them (a key's own is in it: no answer changes)
    table_keys = frozenset(
        _key_text(src, _leaves(p.children[0])[0]).lower() for p in pairs if p.children and p.children[0].type in _KEYS
    )
    for pair in pairs:
        key = pair.children[0] if pair.children else None
        if key is None or key.type not in _KEYS:
            continue
        leaves = _leaves(key)
        for i, leaf in enumerate(leaves):
            siblings = table_keys if i == 0 else frozenset()
            places.append(_key_place(src, leaf, siblings))
        name = _key_text(src, leaves[-1])
        value = next((c for c in pair.children[1:] if c.type not in ("=", "comment")), None)
        if value is None:
            continue
        naming = in_list and name.lower() in NAMING_KEYS
        _value(src, value, name, places, naming)


def _value(src: Source, node, key: str, places: list[Place], entry: bool) -> None:
    if node.type == "string":
        places.append(_string(src, node, key, entry or key.lower() in NAMING_KEYS))
    elif node.type == "array":
        for item in node.children:
            _value(src, item, key, places, True)


def _string(src: Source, node, key: str, entry: bool) -> Place:
    raw = src.node_text(node)
    quote = 3 if raw.startswith(('"""', "'''")) else 1
    start, end = src.start(node) + quote, src.end(node) - quote
    if quote == 3:
        return Place(start, end, TEXT, key)
    return Place(start, end, VALUE, key, entry)


def _in_array(node) -> bool:
    return node.parent is not None and node.parent.type == "array"


def _leaves(key) -> list:
    if key.type in _KEY_LEAVES:
        return [key]
    return [leaf for leaf in walk(key) if leaf.type in _KEY_LEAVES]


def _key_text(src: Source, leaf) -> str:
    text = src.node_text(leaf)
    return text[1:-1] if leaf.type == "quoted_key" else text


def _key_place(src: Source, leaf, siblings: frozenset[str]) -> Place:
    quote = 1 if leaf.type == "quoted_key" else 0
    return Place(src.start(leaf) + quote, src.end(leaf) - quote, KEY, siblings=siblings)
