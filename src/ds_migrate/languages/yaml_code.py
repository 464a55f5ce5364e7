"""JavaScript that a YAML file holds by its schema, read with the JS grammar.

Smithery's ``smithery.yaml`` gives ``commandFunction`` as a literal block
scalar (``|`` / ``|-``) holding a JS function that builds the server's start
command, often with a model default (``config.defaultModel ?? '...'``). As
YAML it is text; read as what it is, a default there is a default like one in
a ``.js`` file. A literal block's lines are the scalar's value with their
indentation, and JavaScript does not care for indentation, so the block is
parsed where it stands and every offset maps back one to one.

A fix is kept only when each of its edits stays on its line (a rename): a
toggle inserted on lines of its own would need the block's indentation.
"""

from __future__ import annotations

from ds_migrate.findings import Finding, Fix, TextEdit
from ds_migrate.languages.config_places import TEXT, Place

# Keys whose literal block scalar is JavaScript (lower case)
JS_BLOCK_KEYS = frozenset({"commandfunction"})


def js_block(text: str, place: Place | None) -> tuple[int, int] | None:
    """The span of the JavaScript in ``place``, when it is a literal block
    scalar under one of ``JS_BLOCK_KEYS``; else None."""
    if place is None or place.kind != TEXT or (place.key or "").lower() not in JS_BLOCK_KEYS:
        return None
    if not text.startswith("|", place.start):
        return None  # a folded block (``>``) is not the text as it stands
    newline = text.find("\n", place.start, place.end)
    return None if newline == -1 else (newline + 1, place.end)


def js_findings(path: str, text: str, span: tuple[int, int], mapping) -> dict[int, Finding]:
    """The JS handler's findings for the block at ``span``, by the offset of
    their name in ``text`` (positions still relative to the block)."""
    from ds_migrate.languages.javascript import JavaScript

    start, end = span
    found = JavaScript().scan(path + ".js", text[start:end], mapping)
    return {f.offset + start: f for f in found if f.legacy_name}


def moved_fix(fix: Fix | None, shift: int, text: str) -> Fix | None:
    """``fix`` with its edits moved by ``shift`` into the YAML text, or None
    when one of them would span or add lines (see the module's docstring)."""
    if fix is None:
        return None
    edits = []
    for edit in fix.edits:
        if not isinstance(edit, TextEdit) or "\n" in edit.new or "\n" in text[edit.start + shift : edit.end + shift]:
            return None
        edits.append(TextEdit(edit.start + shift, edit.end + shift, edit.new))
    return Fix(fix.applicability, edits, fix.description)
