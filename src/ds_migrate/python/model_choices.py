"""Every id a request's model can be, where each way is visible in the
module: ``model = HARD if hard else EASY``, or ``model = pick_model(t)``
whose every ``return`` names a constant of the module. LiteLLM's provider
is in the id, so without this a request fed by such a choice of V4 ids was
no DeepSeek request to the analysis: renamed (say with ``--mapping``), it
thought by default and nothing said so (a fresh review of a sixth
reader's project)."""

from __future__ import annotations

import ast

import libcst as cst

from ds_migrate.python.module_tree import module_tree_or_none
from ds_migrate.python.syntax import dotted_name

MAX_HOPS = 4


def chosen_models(node: cst.BaseExpression | None, info, hops: int = MAX_HOPS) -> list[str] | None:
    """The ids ``node`` can hold, or None when one way is not visible."""
    if node is None or hops < 0:
        return None
    value = info.resolve_string(node)
    if value is not None:
        return [value]
    if isinstance(node, cst.IfExp):
        body, orelse = chosen_models(node.body, info, hops - 1), chosen_models(node.orelse, info, hops - 1)
        return body + orelse if body and orelse else None
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
        return _returned(info, node.func.value)
    key = dotted_name(node)
    bound = info.single_binding(key) if key is not None else None
    return chosen_models(bound, info, hops - 1) if bound is not None else None


def _returned(info, function: str) -> list[str] | None:
    """What every ``return`` of the module's one top-level ``def function`` gives."""
    facts = getattr(info, "_returning_functions", None)
    if facts is None:  # once per module: a big module is not parsed again for each request
        tree = module_tree_or_none(info.source)
        facts = ({}, {}) if tree is None else _functions_and_constants(tree)
        info._returning_functions = facts
    functions, constants = facts
    if function not in functions:
        return None
    found: list[str] = []
    for node in functions[function]:
        values = _values(node.value, constants)
        if not values:
            return None
        found += values
    return found or None


def _functions_and_constants(tree: ast.Module) -> tuple[dict, dict[str, str]]:
    """The returns of each top-level function defined once, and the string constants."""
    defs: dict[str, list] = {}
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defs.setdefault(statement.name, []).append(statement)
    functions = {name: _returns(found[0]) for name, found in defs.items() if len(found) == 1}
    return functions, _string_constants(tree)


def _returns(function) -> list[ast.Return]:
    out, todo = [], list(function.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue  # a nested function's returns are its own
        if isinstance(node, ast.Return):
            out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """``NAME = "text"`` bound once at the module's top level."""
    seen: dict[str, list[str | None]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            text = value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
            seen.setdefault(target.id, []).append(text)
    return {name: values[0] for name, values in seen.items() if len(values) == 1 and values[0] is not None}


def _values(node, constants: dict[str, str]) -> list[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and node.id in constants:
        return [constants[node.id]]
    if isinstance(node, ast.IfExp):
        body, orelse = _values(node.body, constants), _values(node.orelse, constants)
        return body + orelse if body and orelse else None
    return None
