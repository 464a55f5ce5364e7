"""Fixes spliced into the original text: only the characters a fix changed
are replaced, so every other byte of the file stays as it was, even where
libcst would not print it back exactly (libcst 1.9 drops the space in
``except E :``).
"""

from __future__ import annotations

import dataclasses
import difflib

from ds_migrate.findings.lines import line_index
from ds_migrate.python.slicing.codegen import printed_in_blocks
from ds_migrate.python.slicing.planner import Slice

# what libcst may leave out when it prints a statement back
_DROPPABLE = frozenset(" \t\x0c\\\r\n")


class SpliceError(ValueError):
    """A fixed statement could not be placed exactly in the original text."""


def splice(original: str, plan: Slice, module, new_module, changed: list[str] | None = None) -> str:
    """The original text with just the characters a fix changed replaced.

    Only changed statements (and the module's header or footer, for a
    comment) are printed again, each located from where its unit starts;
    the rest of the file keeps its bytes even where libcst would not print
    them back exactly (it drops the space in ``except E :``). Raises
    SpliceError when a change cannot be placed. ``changed`` receives the new
    text of every changed statement (with its leading comment lines, an
    indented one inside ``if 1:``), so that checking these parse checks the
    new file.
    """
    body, new_body = module.body, new_module.body
    if len(body) != len(new_body) or len(body) != len(plan.units):
        raise SpliceError("the fix changed the module's statements")
    text = plan.text
    index = line_index(original)  # the same lines as the slice's, and most likely built already
    code = module.code_for_node
    # per changed statement: where its old code starts (with its leading
    # comment lines), where its own lines start, the old code, the new, and
    # whether it is indented
    pieces: list[tuple[int, int, str, str, bool]] = []
    if _changed(module.header, new_module.header):
        pieces.append((0, 0, "".join(map(code, module.header)), "".join(map(code, new_module.header)), False))
    for number, (old, new) in enumerate(zip(body, new_body)):
        if old is new:
            continue
        if not plan.kept[number]:
            raise SpliceError("the fix changed a statement that was not parsed")
        changes: list[tuple] = []
        _smallest_changes(old, new, plan.units[number][0], [], plan, module, changes)
        for old_statement, new_statement, first, indents in changes:
            own = index.offset(first, 1)
            leading = sum(len(_printed(module, line, indents)) for line in old_statement.leading_lines)
            pieces.append((
                own - leading, own, _printed(module, old_statement, indents),
                _printed(module, new_statement, indents), bool(indents),
            ))
    if _changed(module.footer, new_module.footer):
        old_code, new_code = "".join(map(code, module.footer)), "".join(map(code, new_module.footer))
        pieces.append((len(text) - len(old_code), len(text) - len(old_code), old_code, new_code, False))
    edits: list[tuple[int, int, str]] = []
    for start, own, old_code, new_code, indented in pieces:
        newline = module.default_newline
        if not module.has_trailing_newline and old_code.endswith(newline) and new_code.endswith(newline):
            if not text.startswith(old_code, start):  # the last line, which has no newline
                old_code, new_code = old_code[: -len(newline)], new_code[: -len(newline)]
                if start + len(old_code) > len(text):
                    start = len(text) - len(old_code)
        own_edits = []
        piece_end = start
        for begin, end, replacement in _hunks(old_code, new_code):
            region_start, region_end, piece_end = _placed(text, start, old_code, begin, end)
            if original[region_start:region_end] != text[region_start:region_end]:
                raise SpliceError("a fix reached into a statement that was not parsed")
            own_edits.append((region_start, region_end, replacement))
        edits.extend(own_edits)
        if changed is not None and own_edits:
            # the statement's own lines, or from the changed comment line above
            # them (a placeholder's blank lines can lead a kept statement)
            first = min(own, original.rfind("\n", 0, own_edits[0][0]) + 1)
            statement = _applied(original, first, piece_end, own_edits)
            # an indented statement parses on its own inside a block
            changed.append("if 1:\n" + statement if indented else statement)
    fixed = original
    for start, end, replacement in sorted(edits, reverse=True):
        fixed = fixed[:start] + replacement + fixed[end:]
    return fixed


def _smallest_changes(old, new, first: int, indents: list[str], plan: Slice, module, out: list) -> None:
    """The statements that changed inside ``old`` (starting on line
    ``first``), as (old, new, first line, indentation): inside a def or
    class the slice split, the changed body statements alone, so a fix in
    one method does not print the whole class again."""
    import libcst as cst

    lines = plan.children.get(first)
    old_block, new_block = getattr(old, "body", None), getattr(new, "body", None)
    if (
        lines is not None
        and type(old) is type(new)
        and isinstance(old, (cst.ClassDef, cst.FunctionDef))
        and isinstance(old_block, cst.IndentedBlock)
        and isinstance(new_block, cst.IndentedBlock)
        and len(old_block.body) == len(new_block.body) == len(lines)
        and _same_but(old, new, "body")
        and _same_but(old_block, new_block, "body")
    ):
        inner = indents + [module.default_indent if old_block.indent is None else old_block.indent]
        for old_child, new_child, line in zip(old_block.body, new_block.body, lines):
            if old_child is not new_child:
                _smallest_changes(old_child, new_child, line, inner, plan, module, out)
        return
    out.append((old, new, first, indents))


def _same_but(old, new, name: str) -> bool:
    """Are all fields of two libcst nodes but ``name`` the very same objects?"""
    for spec in dataclasses.fields(old):
        if spec.name == name:
            continue
        a, b = getattr(old, spec.name), getattr(new, spec.name)
        if a is b:
            continue
        if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)) and len(a) == len(b):
            if all(x is y for x, y in zip(a, b)):
                continue
        return False
    return True


def _printed(module, node, indents: list[str]) -> str:
    """libcst's code for ``node`` inside blocks indented by ``indents``."""
    return printed_in_blocks(node, indents, module.default_indent, module.default_newline)


def _hunks(old_code: str, new_code: str) -> list[tuple[int, int, str]]:
    """The changes from ``old_code`` to ``new_code`` as (start, end,
    replacement) in ``old_code``, one per run of changed lines (two fixes
    in one class must not be joined across a method left out between them),
    each trimmed to the characters that differ."""
    prefix, suffix = _common_ends(old_code, new_code)
    old_core, new_core = old_code[prefix : len(old_code) - suffix], new_code[prefix : len(new_code) - suffix]
    if "\n" not in old_core or "\n" not in new_core:
        return [(prefix, len(old_code) - suffix, new_core)]
    old_lines, new_lines = old_core.splitlines(keepends=True), new_core.splitlines(keepends=True)
    old_at = [0]
    for line in old_lines:
        old_at.append(old_at[-1] + len(line))
    found = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_part, new_part = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        head, tail = _common_ends(old_part, new_part)
        begin = prefix + old_at[i1] + head
        found.append((begin, prefix + old_at[i2] - tail, new_part[head : len(new_part) - tail]))
    return found


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at the start, and then at the end."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _applied(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with ``edits`` (absolute, in order) applied."""
    out, at = [], start
    for edit_start, edit_end, replacement in edits:
        out.append(text[at:edit_start])
        out.append(replacement)
        at = edit_end
    out.append(text[at:end])
    return "".join(out)


def _placed(text: str, start: int, old_code: str, begin: int, end: int) -> tuple[int, int, int]:
    """Where ``old_code[begin:end]`` lies in ``text``, and where the whole
    of ``old_code`` ends, for code printed from the text starting at
    ``start``. The printed code may lack characters libcst does not keep
    (whitespace); it is then matched as a subsequence."""
    if text.startswith(old_code, start):
        return start + begin, start + end, start + len(old_code)
    position, limit = start, len(text)
    found_begin = found_end = None
    for at, char in enumerate(old_code):
        if at == begin:
            found_begin = position
        if at == end:
            found_end = position
        while position < limit and text[position] != char and text[position] in _DROPPABLE:
            position += 1
        if position >= limit or text[position] != char:
            raise SpliceError("a fixed statement is not where the slice put it")
        position += 1
    if found_begin is None:
        found_begin = position
    if found_end is None:
        found_end = position
    return found_begin, found_end, position


def _changed(old_lines, new_lines) -> bool:
    return len(old_lines) != len(new_lines) or any(a is not b for a, b in zip(old_lines, new_lines))
