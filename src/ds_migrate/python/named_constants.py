"""Named constants that a rename would make one entry.

``DEEPSEEK_CHAT = "deepseek-chat"`` beside ``DEEPSEEK_V4_FLASH =
"deepseek-v4-flash"`` is a catalogue of named entries: renamed, the legacy
constant becomes a second name for the V4 one, and every list, picker or
comparison that names both loses an entry (SPEC section 4: a list of named
entries never has two ids made equal). Two legacy constants are the same
when a collection of the module names both (``MODEL_LIST = [CHAT,
REASONER]``): they are not literals of that collection, so the check for
literal collections (collisions.py) does not see them.

Read with CPython's parser on the whole text, once per module: a slice
(python/slicing) may have left the collection out, and nothing here is
asked of the slice.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ds_migrate.python.module_tree import module_tree_or_none
from ds_migrate.deepseek.merges import merge_clash
from ds_migrate.deepseek.names import find_legacy_names


@dataclass
class _Scope:
    """The string constants bound once in a module or class body."""

    values: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # name -> (value, first, last line)
    # the names each collection literal (or choice) of the scope lists together
    together: list[tuple[frozenset[str], int, str]] = field(default_factory=list)  # (names, line, what)


def clash_of_constant(info, key: str | None, value: str, line: int, mapping) -> str | None:
    """Why renaming the constant ``key`` (bound to ``value`` at ``line``)
    would make it one entry with another named constant, or None."""
    if not key or "." in key:
        return None
    scope = next(
        (s for s in _scopes(info) if key in s.values and s.values[key][1] <= line <= s.values[key][2]),
        None,
    )
    if scope is None:
        return None
    after = mapping.rename(value)
    # a V4 constant first: the legacy one would become its second name
    for other, (other_value, _, _) in sorted(scope.values.items(), key=lambda kv: bool(find_legacy_names(kv[1][0]))):
        if other == key or merge_clash([value, other_value], mapping) is None:
            continue
        listed, what = next(((at, what) for names, at, what in scope.together if {key, other} <= names), (None, ""))
        if what == CHOICE and mapping.replacement(find_legacy_names(value)[0].base).mode == _mode_of(other_value, mapping):
            listed = None  # chat or coder: one mode either way, the choice still means the same
        verb = "lists both" if what == COLLECTION else "picks one of them"
        where = f" (the {what} at line {listed} {verb})" if listed is not None else ""
        if not find_legacy_names(other_value):
            return (
                f"not renamed: {key} would hold '{after}', the id {other} already names, and the two named "
                f"entries would be one{where}; point the uses of {key} at {other} by hand, with its thinking "
                "mode at the request, or remove it"
            )
        if listed is None:
            continue  # two retired constants the module never lists together: each request gets its mode
        return (
            f"not renamed: {key} and {other} would both hold '{after}' and the two named entries would be "
            f"one{where}; tell them apart by the thinking mode at the request, or keep the ids apart with "
            "--mapping deepseek-reasoner=deepseek-v4-pro"
        )
    return None


def _scopes(info) -> list[_Scope]:
    cached = getattr(info, "_named_constant_scopes", None)
    if cached is None:
        cached = _read(info.source)
        info._named_constant_scopes = cached
    return cached


def _read(source: str) -> list[_Scope]:
    tree = module_tree_or_none(source)
    if tree is None:
        return []
    scopes: list[_Scope] = []
    todo: list[list[ast.stmt]] = [tree.body]
    while todo:
        body = todo.pop()
        scope = _Scope()
        bound: dict[str, int] = {}
        for statement in body:
            if isinstance(statement, ast.ClassDef):
                todo.append(statement.body)
            for name in _targets(statement):
                bound[name] = bound.get(name, 0) + 1
            value = _string_constant(statement)
            if value is not None:
                scope.values[value[0]] = (value[1], statement.lineno, statement.end_lineno or statement.lineno)
            for node in ast.walk(statement):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not statement:
                    continue
                for names, what in _listed(node):
                    scope.together.append((names, node.lineno, what))
        scope.values = {k: v for k, v in scope.values.items() if bound.get(k) == 1}
        scopes.append(scope)
    return scopes


def _targets(statement: ast.stmt) -> list[str]:
    if isinstance(statement, ast.Assign):
        return [t.id for t in statement.targets if isinstance(t, ast.Name)]
    if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) and isinstance(statement.target, ast.Name):
        return [statement.target.id]
    return []


def _string_constant(statement: ast.stmt) -> tuple[str, str] | None:
    """(name, value) of ``NAME = "text"`` (or annotated)."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return None
    if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and isinstance(value.value, str):
        return target.id, value.value
    return None


COLLECTION, CHOICE = "collection", "choice"


def _listed(node: ast.AST) -> list[tuple[frozenset[str], str]]:
    """The names one collection literal lists side by side (keys and values
    of a dict apart): ``[A, B]``, ``{A: 1, B: 2}``, ``{"x": A, "y": B}``;
    or one choice picks between: ``HARD if hard else EASY`` (a set of
    branches: renamed to one id, the branch that did not think starts to)."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        groups, what = [node.elts], COLLECTION
    elif isinstance(node, ast.Dict):
        groups, what = [[k for k in node.keys if k is not None], node.values], COLLECTION
    elif isinstance(node, ast.IfExp):
        groups, what = [[node.body, node.orelse]], CHOICE
    else:
        return []
    out = []
    for elements in groups:
        names = frozenset(_name(e) for e in elements if _name(e))
        if len(names) > 1:
            out.append((names, what))
    return out


def _mode_of(value: str, mapping) -> str | None:
    names = find_legacy_names(value)
    return mapping.replacement(names[0].base).mode if names else None


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):  # cls.CHAT, Models.CHAT
        return node.attr
    return None
