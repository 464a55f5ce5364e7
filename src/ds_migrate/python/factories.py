"""Module-level functions that hand out one object: ``get_settings()``
returning ``Settings()`` (often under ``@lru_cache``), and ``client()``
returning ``OpenAI(base_url=...)``, directly or through a module global it
fills on first use. FastAPI projects read both that way
(``client().chat.completions.create(model=get_settings().chat_model)``):
without this the request's host and model were invisible (a seventh fresh
reader's project). Read with CPython's parser on the whole text: a slice
(python/slicing) may have left the function out.
"""

from __future__ import annotations

import ast

# decorators that keep what the function returns (a cache of it)
_CACHES = {"lru_cache", "cache", "functools.lru_cache", "functools.cache"}


def top_level_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """The module's top-level functions defined once, whose decorators (if
    any) only cache the result."""
    defs: dict[str, list] = {}
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defs.setdefault(statement.name, []).append(statement)
    return {
        name: found[0]
        for name, found in defs.items()
        if len(found) == 1 and isinstance(found[0], ast.FunctionDef) and all(map(_is_cache, found[0].decorator_list))
    }


def _is_cache(decorator: ast.expr) -> bool:
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    return _dotted(decorator) in _CACHES


def returns(function: ast.FunctionDef) -> list[ast.Return]:
    """The function's own ``return`` statements (not a nested function's)."""
    out, todo = [], list(function.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Return):
            out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def instance_factories(tree: ast.Module, classes: set[str]) -> dict[str, str]:
    """function -> class, for each top-level function whose every return is
    ``Class()`` (no arguments: a caller cannot change a field) of a class
    of the module."""
    found = {}
    for name, function in top_level_functions(tree).items():
        made = {_made(r.value) for r in returns(function)}
        if len(made) == 1 and next(iter(made)) in classes:
            found[name] = next(iter(made))
    return found


def _made(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Call) and not node.args and not node.keywords:
        return _dotted(node.func)
    return None


def factory_client(tree: ast.Module, name: str) -> tuple[ast.Call, ast.FunctionDef] | None:
    """(the constructor, the function) of the client the top-level function
    ``name`` returns: ``return OpenAI(...)``, or ``return _client`` where
    every value the module ever gives ``_client`` is None or that one call."""
    function = top_level_functions(tree).get(name)
    return _client_of(tree, function, {}) if function is not None else None


def client_factories(tree: ast.Module) -> dict[ast.FunctionDef, tuple[ast.Call, ast.FunctionDef]]:
    """Every top-level function of the module that returns a client (one
    walk of the module for the globals they return)."""
    assigned: dict[str, list[ast.expr]] = {}
    found = {}
    for function in top_level_functions(tree).values():
        made = _client_of(tree, function, assigned)
        if made is not None:
            found[function] = made
    return found


def _client_of(tree: ast.Module, function: ast.FunctionDef, assigned: dict) -> tuple[ast.Call, ast.FunctionDef] | None:
    values = [r.value for r in returns(function)]
    if not values:
        return None
    if len(values) == 1 and isinstance(values[0], ast.Call):
        return values[0], function
    if not all(isinstance(v, ast.Name) and v.id == values[0].id for v in values):
        return None
    if not assigned:
        assigned.update(_assignments(tree))
    made = [v for v in assigned.get(values[0].id, ()) if not (isinstance(v, ast.Constant) and v.value is None)]
    if len(made) != 1 or not isinstance(made[0], ast.Call):
        return None
    return made[0], function


_UNKNOWN = ast.Name("?")


def _assignments(tree: ast.AST) -> dict[str, list[ast.expr]]:
    """name -> every value assigned to it anywhere below ``tree`` (an
    augmented, unpacking, loop or ``with`` binding counts as a value never
    known). The empty name is always there: the walk was done."""
    values: dict[str, list[ast.expr]] = {"": []}

    def names(target):
        return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(node.value)
                else:
                    for name in names(target):
                        values.setdefault(name, []).append(_UNKNOWN)
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and isinstance(node.target, ast.Name):
            if node.value is not None:
                values.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            values.setdefault(node.target.id, []).append(_UNKNOWN)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            for name in names(node.target):
                values.setdefault(name, []).append(_UNKNOWN)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                for name in names(item.optional_vars) if item.optional_vars is not None else ():
                    values.setdefault(name, []).append(_UNKNOWN)
    return values


def _dotted(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def read_name(node: ast.expr, function: ast.FunctionDef | None) -> str | None:
    """The dotted name an expression reads, a call without arguments taken
    as its callee (``get_settings().base_url`` -> ``get_settings.base_url``)
    and a local bound once followed (``s.base_url`` with ``s = get_settings()``)."""
    if isinstance(node, ast.Attribute):
        head = node.value
        if isinstance(head, ast.Call) and not head.args and not head.keywords:
            callee = _dotted(head.func)
            return f"{callee}.{node.attr}" if callee else None
        inner = read_name(head, function)
        return f"{inner}.{node.attr}" if inner else None
    if isinstance(node, ast.Name):
        if function is not None and node.id in _parameters(function):
            return None  # a caller's value
        bound = _assignments(ast.Module(function.body, [])).get(node.id) if function is not None else None
        if not bound:
            return node.id  # a global
        local = bound[0] if len(bound) == 1 and bound[0] is not _UNKNOWN else None
        if local is None:
            return None
        if isinstance(local, ast.Call) and not local.args and not local.keywords:
            return _dotted(local.func)
        return _dotted(local)
    return None


def _parameters(function: ast.FunctionDef) -> set[str]:
    arguments = function.args
    named = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]
    return {a.arg for a in named if a is not None}
