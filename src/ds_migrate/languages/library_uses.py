"""Uses of an SDK's own constant for a retired id (``deepseek.DeepSeekChat``).

A use is resolved through the file's imports (the path and its alias), never
by the bare name: ``DeepSeekChat`` declared by the project, or the same name
from another package called ``deepseek``, is not the library's. The table of
constants is data (``deepseek/library_constants.py``); the handler reports a
use with the rule a string literal in that place gets (backend.py), and its
fix writes the id as a literal where the language takes one in place of the
constant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ds_migrate.deepseek.library_constants import LibraryConstant, by_module
from ds_migrate.languages.treesitter import Source, walk


@dataclass
class ConstantUse:
    """One use: ``node`` is the expression the literal replaces."""

    node: Any
    constant: LibraryConstant
    # why no literal may take its place (reported only), or None
    refused: str | None = None
    # Go: the alias of the package it is read through
    alias: str | None = None
    # Go: the span of the import line the fix removes with it (its package's only use)
    drop_import: tuple[int, int] | None = None


# -- Go ---------------------------------------------------------------------------

@dataclass
class GoImport:
    spec: Any
    module: str
    alias: str  # "." for a dot import


def go_imports(root, src: Source) -> list[GoImport]:
    """The imports of a library in the table, with the name the file uses."""
    modules = by_module("go")
    out = []
    if not any(module in src.text for module in modules):
        return out
    declarations = [n for n in root.named_children if n.type == "import_declaration"]
    for node in (spec for d in declarations for spec in walk(d)):
        if node.type != "import_spec":
            continue
        path = node.child_by_field_name("path")
        module = src.node_text(path).strip('"`') if path is not None else ""
        if module not in modules:
            continue
        name = node.child_by_field_name("name")
        alias = src.node_text(name) if name is not None else next(iter(modules[module].values())).package
        if alias != "_":
            out.append(GoImport(node, module, alias))
    return out


def _declared_names(root, src: Source) -> set[str]:
    """Names the file declares itself (variables, parameters, constants,
    functions, types): one of them shadows a package or a dot-imported name."""
    names = set()
    for node in walk(root):
        if node.type in ("short_var_declaration", "range_clause"):
            left = node.child_by_field_name("left")
            if left is not None:
                names.update(src.node_text(n) for n in left.named_children if n.type == "identifier")
        elif node.type in ("var_spec", "const_spec", "parameter_declaration", "variadic_parameter_declaration"):
            names.update(src.node_text(n) for n in node.children_by_field_name("name"))
        elif node.type in ("function_declaration", "type_spec", "method_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                names.add(src.node_text(name))
    return names


_INFERS_TYPE = ("short_var_declaration", "var_spec", "const_spec")


def _go_refusal(node, constant: LibraryConstant) -> str | None:
    """A typed constant (``type Model string``) gives its type to a name
    declared from it; a literal would give ``string`` (the code may then
    not compile). Anywhere else an untyped literal stands for it exactly."""
    if constant.typed is None:
        return None
    parent = node.parent
    if parent is not None and parent.type == "expression_list":
        parent = parent.parent
    if parent is not None and parent.type in _INFERS_TYPE and parent.child_by_field_name("type") is None:
        return (f"not fixed: the name declared here takes the constant's type ({constant.typed}); "
                f"a string literal would declare a string instead")
    return None


def go_uses(root, src: Source) -> tuple[list[ConstantUse], list[GoImport]]:
    imports = go_imports(root, src)
    if not imports:
        return [], []
    modules = by_module("go")
    shadowed = _declared_names(root, src)
    by_alias = {i.alias: i for i in imports if i.alias != "."}
    dotted = [i for i in imports if i.alias == "."]
    uses = []
    for node in walk(root):
        if node.type == "selector_expression":
            operand, field = node.child_by_field_name("operand"), node.child_by_field_name("field")
            if operand is None or field is None or operand.type != "identifier":
                continue
            imported = by_alias.get(src.node_text(operand))
            if imported is None or imported.alias in shadowed:
                continue
            constant = modules[imported.module].get(src.node_text(field))
            if constant is not None:
                uses.append(ConstantUse(node, constant, _go_refusal(node, constant), imported.alias))
        elif node.type == "identifier" and dotted:
            name = src.node_text(node)
            parent = node.parent
            if name in shadowed or parent is None or parent.type == "selector_expression":
                continue
            for imported in dotted:
                constant = modules[imported.module].get(name)
                if constant is not None:
                    uses.append(ConstantUse(node, constant, "not fixed: the package is dot-imported (import . "
                                            f'"{imported.module}"); write "{{target}}" in its place by hand'))
    return uses, imports


def package_references(root, src: Source, alias: str) -> int:
    """How many times code outside the imports names the package ``alias``
    (``alias.Name`` in an expression or a type)."""
    count = 0
    for node in walk(root):
        if node.type not in ("identifier", "package_identifier") or src.node_text(node) != alias:
            continue
        parent = node.parent
        if parent is not None and (parent.type == "qualified_type" or (
                parent.type == "selector_expression" and parent.child_by_field_name("operand") == node)):
            count += 1
    return count


def plan_import_removal(uses: list[ConstantUse], imports: list[GoImport], root, src: Source) -> list[ConstantUse]:
    """Go refuses an unused import. Where a constant is its package's only
    use, its fix removes the import line too. Where several constants are
    the only uses, no one of them can be fixed alone (the import would be
    used by the others, or left unused), so they are reported with what to
    do by hand; likewise where the import shares its line with other code."""
    for imported in imports:
        if imported.alias == ".":
            continue
        mine = [u for u in uses if u.alias == imported.alias and u.refused is None]
        if not mine or len(mine) != package_references(root, src, imported.alias):
            continue
        span = import_line_span(src.text, imported.spec, src)
        if span is not None and len(mine) == 1:
            mine[0].drop_import = span
            continue
        what = "its only use" if len(mine) == 1 else f"its {len(mine)} uses"
        why = ", and its import line holds more" if span is None else ""
        for use in mine:
            use.refused = (f'not fixed: renaming {what} would leave "{imported.module}" imported and unused '
                           f'(Go refuses it){why}; write "{{target}}" at each and remove the import')
    return uses


def unused_imports(root, src: Source) -> list[str]:
    """The SDK imports (of the table) that no code of the file uses."""
    return [i.module for i in go_imports(root, src) if i.alias != "." and not package_references(root, src, i.alias)]


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def import_line_span(text: str, spec, src: Source) -> tuple[int, int] | None:
    """The span of the line holding only this import (its spec in a block, or
    a one-spec ``import "..."``), line end included; None when something else
    shares the line (the import is then not removed, and nothing is fixed)."""
    holder = spec.parent if spec.parent is not None and spec.parent.type == "import_declaration" else spec
    start, end = src.start(holder), src.end(holder)
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    match = re.compile(r"[ \t]*(?://[^\r\n]*)?(?:\r\n|\r|\n|$)").match(text, end)
    if text[line_start:start].strip() or match is None:
        return None
    if holder is not spec and text[:line_start].endswith(("\n\n", "\r\n\r\n", "\r\r")) and \
            re.match(r"\r?\n", text[match.end():]):
        return line_start, match.end() + (2 if text.startswith("\r\n", match.end()) else 1)  # and a blank line
    if re.match(r"[ \t]*\)", text[match.end():]) and text[:line_start].endswith(("\n\n", "\r\n\r\n")):
        line_start -= 2 if text[:line_start].endswith("\r\n") else 1  # the blank line before it closed the block
    return line_start, match.end()


# -- Java -------------------------------------------------------------------------

_JAVA_STRING_VALUE = frozenset({"getValue", "getName", "value"})


def _java_imports(text: str) -> list[tuple[bool, str]]:
    return [(bool(m.group(1)), re.sub(r"\s+", "", m.group(2)))
            for m in re.finditer(r"(?m)^\s*import\s+(static\s+)?([\w.\s*]+?)\s*;", text)]


def _java_names(module: str, imports: list[tuple[bool, str]]) -> set[str]:
    """How a member of the enum ``module`` may be written in this file:
    fully qualified, through its outer class or the enum imported, or alone
    after a static import."""
    outer, enum = module.rsplit(".", 1)
    package, outer_name = outer.rsplit(".", 1)
    prefixes = {module + "."}
    for static, name in imports:
        if static and name in (module + ".*",):
            prefixes.add("")
        elif not static and name in (outer, package + ".*"):
            prefixes.add(f"{outer_name}.{enum}.")
        elif not static and name in (module, outer + ".*"):
            prefixes.add(f"{enum}.")
    return prefixes


def java_uses(root, src: Source) -> list[ConstantUse]:
    modules = by_module("java")
    if not any(name in src.text for constants in modules.values() for name in constants):
        return []
    imports = _java_imports(src.text)
    static_members = {name.rsplit(".", 1)[1]: name.rsplit(".", 1)[0] for static, name in imports if static}
    uses = []
    for module, constants in modules.items():
        if not any(name in src.text for name in constants):
            continue
        prefixes = _java_names(module, imports)
        for node in walk(root):
            if node.type == "field_access":
                written = re.sub(r"\s+", "", src.node_text(node))
                head, _, member = written.rpartition(".")
                if member not in constants or head + "." not in prefixes:
                    continue
            elif node.type == "identifier" and node.parent is not None and node.parent.type in (
                    "argument_list", "variable_declarator", "return_statement", "assignment_expression",
                    "array_initializer", "element_value_pair", "binary_expression"):
                member = src.node_text(node)
                if member not in constants or ("" not in prefixes and static_members.get(member) != module):
                    continue
            else:
                continue
            uses.append(_java_use(node, constants[member], src))
    return uses


def _java_use(node, constant: LibraryConstant, src: Source) -> ConstantUse:
    """``ChatModel.DEEPSEEK_CHAT.getValue()`` (or ``.value``) is a String:
    the literal takes its place. The member alone is an enum value, which no
    literal can stand for."""
    parent = node.parent
    if parent is not None and parent.type == "method_invocation" and parent.child_by_field_name("object") == node:
        name, arguments = parent.child_by_field_name("name"), parent.child_by_field_name("arguments")
        if name is not None and src.node_text(name) in _JAVA_STRING_VALUE and arguments is not None and \
                not arguments.named_children:
            return ConstantUse(parent, constant)
    if parent is not None and parent.type == "field_access" and parent.child_by_field_name("object") == node:
        field = parent.child_by_field_name("field")
        if field is not None and src.node_text(field) == "value":
            return ConstantUse(parent, constant)
    return ConstantUse(node, constant, (
        f"not fixed: {constant.typed} is an enum, which a string literal cannot stand for; spring-ai 2.0.0 "
        "adds ChatModel.DEEPSEEK_V4_FLASH; before it, pass the id as a string (.model(\"{target}\"))"))


# -- findings ---------------------------------------------------------------------

def report_use(handler, out, use: ConstantUse, role, src: Source, mapping, file_clash) -> None:
    """Report ``use`` as a literal in its place would be (``handler._report``),
    then make its fix write the id as a quoted literal over the whole
    constant, or take the fix away where no literal may stand for it."""
    from ds_migrate.deepseek.library_constants import mode_note
    from ds_migrate.deepseek.names import LegacyName
    from ds_migrate.findings import TextEdit
    from ds_migrate.rules import messages

    value = use.constant.value
    start, end = src.start(use.node), src.end(use.node)
    name = LegacyName(0, end - start, value, "", value)
    before = len(out.findings)
    handler._report(out, use.node, name, start, role, src, mapping, file_clash)
    target = mapping.replacement(value).model
    written = re.sub(r"\s+", "", src.node_text(use.node))
    mode = mapping.replacement(value).mode
    for finding in out.findings[before:]:
        finding.message = finding.message.replace(
            f"'{value}'", f"'{value}' ({written} in {use.constant.module})", 1)
        if finding.fix is not None:
            for i, edit in enumerate(finding.fix.edits):
                if isinstance(edit, TextEdit) and (edit.start, edit.end) == (start, end):
                    finding.fix.edits[i] = TextEdit(start, end, f'"{target}"')
            if use.drop_import is not None:
                finding.fix.edits.insert(0, TextEdit(use.drop_import[0], use.drop_import[1], ""))
        where = mode_note(use.constant.module, mode) if _sent_by_the_library(use, role, src) else None
        if where and finding.fix is not None:
            finding.note = messages.fix_note("renamed only", where)
        if use.refused and finding.fix is not None:  # a finding with no fix already says why
            finding.fix = None
            finding.note = use.refused.replace("{target}", target)


def _sent_by_the_library(use: ConstantUse, role, src: Source) -> bool:
    """Is the constant the model field of the same library's request struct
    (``deepseek.ChatCompletionRequest{Model: deepseek.DeepSeekChat}``)? Its
    note on the mode is then the library's."""
    if role.kind != "model" or not use.alias or role.anchor is None:
        return False
    literal = role.anchor.parent.parent if role.anchor.parent is not None else None
    kind = literal.child_by_field_name("type") if literal is not None and literal.type == "composite_literal" else None
    return kind is not None and src.node_text(kind).lstrip("&*").startswith(use.alias + ".")
