"""Closed TypeScript unions and zod enums that list retired ids.

``type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner'`` and
``z.enum(['deepseek-chat', 'deepseek-reasoner'])`` say which ids a value
may be, not what the program does with one. They are migrated by adding
the V4 id as a member (SPEC section 4: never by renaming a member into one
equal to another): a literal typed by the union, or a schema default
inside the enum, can then be renamed without tsc failing (TS2322) or the
schema rejecting its own default. An open union (``... | string``,
``... | (string & {})``) accepts any id already: nothing to add.
"""

from __future__ import annotations

import re

from ds_migrate.findings import Applicability, Fix, TextEdit
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.languages.backend import quote_of
from ds_migrate.languages.treesitter import Source

CLOSED, OPEN = "closed", "open"


def union_of(string):
    """The whole union type a ``'literal'`` type belongs to, or None."""
    node = string.parent  # literal_type
    if node is None or node.type != "literal_type" or node.parent is None or node.parent.type != "union_type":
        return None
    node = node.parent
    while node.parent is not None and node.parent.type == "union_type":
        node = node.parent
    return node


def union_members(union) -> list:
    members = []
    stack = [union]
    while stack:
        node = stack.pop()
        if node.type == "union_type":
            stack.extend(reversed(node.named_children))
        else:
            members.append(node)
    return members


def union_kind(union, src: Source) -> str:
    """OPEN when a member admits any string (``string``, ``string & {}``)."""
    for member in union_members(union):
        if member.type == "literal_type":
            continue
        if "string" in src.node_text(member):
            return OPEN
    return CLOSED


def enum_array(string):
    """The array of ``z.enum([...])`` (or ``zod.enum``) that holds ``string``, or None."""
    array = string.parent
    arguments = array.parent if array is not None and array.type == "array" else None
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    if call is None or not arguments.named_children or arguments.named_children[0] != array:
        return None
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return None
    prop = callee.child_by_field_name("property")
    return array if prop is not None and prop.text == b"enum" else None


def _literals(nodes, src: Source) -> list:
    out = []
    for node in nodes:
        string = node.named_children[0] if node.type == "literal_type" and node.named_children else node
        if string.type == "string":
            out.append(string)
    return out


def member_edits(members, string, src: Source, mapping: Mapping) -> tuple[list[TextEdit], str | None]:
    """The edit adding the V4 id that ``string`` becomes, made once per target
    (by the first retired member with that target), and why there is none."""
    literals = _literals(members, src)
    texts = [src.node_text(s).strip("'\"`") for s in literals]
    own = src.node_text(string).strip("'\"`")
    target = mapping.rename(own)
    if target.lower() in (t.lower() for t in texts):
        return [], f"'{target}' is already a member"
    for literal, text in zip(literals, texts):
        if find_legacy_names(text) and mapping.rename(text).lower() == target.lower():
            if literal != string:
                return [], f"'{target}' is added beside '{text}'"
            break
    q = quote_of(string, src)
    return [_after_last(members, src, f"{q}{target}{q}")], None


def _after_last(members, src: Source, new: str) -> TextEdit:
    """Insert ``new`` after the last member, in the layout of the list (a
    union's ``|`` or an array's commas, on one line or one per line)."""
    last = members[-1]
    union = last.parent is not None and last.parent.type == "union_type"
    at = src.char(last.end_byte)
    text = src.text
    gap = text[src.char(members[-2].end_byte) : src.char(last.start_byte)] if len(members) > 1 else " "
    if "\n" in gap:
        line_start = text.rfind("\n", 0, src.char(last.start_byte)) + 1
        indent = text[line_start : src.char(last.start_byte)]
        nl = "\r\n" if "\r\n" in gap else "\n"
        if union:
            lead = indent if indent.strip() in ("", "|") else ""
            return TextEdit(at, at, f"{nl}{lead}{'' if lead.strip() == '|' else '| '}{new}")
        rest = src.data[last.end_byte : last.parent.end_byte].decode("utf-8")
        if rest.lstrip().startswith(","):
            at = src.char(last.end_byte) + rest.index(",") + 1
            return TextEdit(at, at, f"{nl}{indent}{new},")
        return TextEdit(at, at, f",{nl}{indent}{new}")
    if union:
        return TextEdit(at, at, f" | {new}")
    return TextEdit(at, at, f", {new}")


def extend_fix(members, string, src: Source, mapping: Mapping) -> tuple[Fix | None, str | None]:
    edits, why = member_edits(members, string, src, mapping)
    if not edits:
        return None, why
    return Fix(Applicability.SAFE, edits, "add the V4 id as a member"), None


def exhaustive_use(union, src: Source) -> str | None:
    """How the file uses the union's alias as the keys of a mapped type
    (``Record<Model, string>``, ``{ [K in Model]: ... }``), which must then
    name every member: one more member breaks it (TS2741). None if it does not."""
    alias = union.parent
    if alias is None or alias.type != "type_alias_declaration":
        return None
    name = alias.child_by_field_name("name")
    if name is None:
        return None
    alias_name = src.node_text(name)
    word = re.escape(alias_name)
    found = re.search(rf"\bRecord\s*<\s*{word}\b|\bin\s+{word}\s*\]", src.text)
    if found is None:
        return None
    return f"Record<{alias_name}, ...>" if found.group(0).startswith("Record") else f"{{ [K in {alias_name}]: ... }}"


def chained_default(array, src: Source):
    """The string of ``.default("...")`` chained on the ``z.enum([...])``
    holding ``array`` (through ``.describe(...)`` and the like), or None."""
    node = array.parent.parent if array.parent is not None else None  # the enum call
    while node is not None and node.parent is not None and node.parent.type == "member_expression":
        member = node.parent
        call = member.parent
        if call is None or call.type != "call_expression":
            return None
        prop = member.child_by_field_name("property")
        if prop is not None and prop.text == b"default":
            arguments = call.child_by_field_name("arguments")
            first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
            return first if first is not None and first.type == "string" else None
        node = call
    return None


def enum_of_default(default_call, src: Source):
    """The array of the ``z.enum([...])`` a ``.default(...)`` call is chained
    on (through ``.describe(...)`` and the like), or None."""
    callee = default_call.child_by_field_name("function")
    node = callee.child_by_field_name("object") if callee is not None else None
    while node is not None and node.type == "call_expression":
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            return None
        prop = function.child_by_field_name("property")
        arguments = node.child_by_field_name("arguments")
        if prop is not None and prop.text == b"enum":
            first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
            return first if first is not None and first.type == "array" else None
        node = function.child_by_field_name("object")
    return None


def widening_for_default(default_call, string, src: Source, mapping: Mapping) -> list[TextEdit]:
    """The edit adding the default's new id to the enum it is chained on, when
    that enum lacks it: made with the default's rename, so the enum widens only
    when its default does move (a held default leaves its enum as it is)."""
    array = enum_of_default(default_call, src)
    if array is None:
        return []
    members = [c for c in array.named_children if c.type != "comment"]
    literals = _literals(members, src)
    target = mapping.rename(src.node_text(string).strip("'\"`"))
    if not members or target.lower() in (src.node_text(s).strip("'\"`").lower() for s in literals):
        return []
    q = quote_of(string, src)
    return [_after_last(members, src, f"{q}{target}{q}")]
