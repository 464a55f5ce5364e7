"""Before a file's libcst parse: could it hold a request whose model is read
by name? CPython's own parser (a tenth of libcst's time) finds the call and
dict shapes the resolver looks at (resolve._Resolver.requests), more of
them rather than fewer: a file without one has nothing to follow, and most
files that import a settings module are such files (a model class, a
utility module). Runs in a worker, on the files the model flow would follow.
"""

from __future__ import annotations

import ast
from functools import lru_cache

from ds_migrate.python.module_tree import module_tree_or_none
from ds_migrate.python.slicing.closure import dotted as _dotted


@lru_cache(maxsize=1)
def _callee_names() -> frozenset[str]:
    """The last names of the callees a calling context recognises."""
    from ds_migrate.python.contexts import all_contexts

    return frozenset(name for context in all_contexts() for name in context.callee_names)


def request_sites(text: str) -> list[int] | None:
    """The lines of the calls and payload dicts that may be requests whose
    model is read by name, in source order; None when CPython cannot read
    the file (libcst may: the caller must look the slow way)."""
    found = _read(text)
    return None if found is None else sorted(node.lineno for node, _ in found.sites)


def may_reach(text: str, exported: set[str], env: bool) -> bool:
    """Could a request of this file read a model the flow knows of? Only
    when a name its model expression reads (followed through the bindings,
    ``self`` attributes and parameter defaults the resolver follows) is
    imported, is one of the module's own ``exported`` names, is a parameter
    whose default is a string, or is read from the environment while the
    run's config files set variables (``env``). More yes than the resolver,
    never fewer: a no spares the file its libcst parse."""
    if not _worth_reading().search(text):
        return False  # no callee a context knows, no JSON body, no payload
    found = _read(text)
    if found is None:
        return True
    names: set[str] = set()
    pending = [node for node, _ in found.sites]
    functions = {id(f): f for _, f in found.sites if f is not None}  # whose parameters may be read
    queued: set[int] = set()
    receivers: set[str] = set()  # request.model_dump(): the class of ``request`` is followed
    while pending:
        while pending:
            node = pending.pop()
            receivers.update(_receivers_in(node))
            for name in _names_in(node):
                if name in names:
                    continue
                names.add(name)
                head = name.split(".")[0]
                if head in found.imported or head in exported or (env and ("getenv" in name or "environ" in name)):
                    return True
                if name.rsplit(".", 1)[-1] not in found.parameters:  # bound once: the resolver follows it
                    pending.extend(found.bindings.get(name, ()))
                else:  # model = model or DEFAULT: the default is followed
                    pending.extend(v.values[-1] for v in found.bindings.get(name, ()) if _falls_back(v, name))
                if head == "self" and "." in name:  # followed in the method that assigns it
                    for value, method in found.self_bindings.get(name.split(".")[1], ()):
                        pending.append(value)
                        functions.setdefault(id(method), method)
        heads = {name.split(".")[0] for name in names}
        for function in list(functions.values()):
            for argument, default in _parameters_of(function):
                if argument.arg not in heads:
                    continue
                if default is not None and (_is_text(default) or any(
                    _is_text(value) for value in found.bindings.get(_dotted(default) or "", ())
                )):
                    return True  # def ask(model="x"): the default reaches the request
                annotation = argument.annotation if argument.arg in receivers else None
                for node in (default, annotation):
                    if node is not None and id(node) not in queued:
                        queued.add(id(node))
                        pending.append(node)
    return False


def _parameters_of(function):
    """(argument, default or None) of each parameter of ``function``."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    yield from zip(positional, defaults)
    yield from zip(arguments.kwonlyargs, arguments.kw_defaults)


@lru_cache(maxsize=1)
def _worth_reading():
    """A callee some calling context knows (as a word: it may be imported
    under another name), a JSON body, a payload's messages."""
    import re

    callees = "|".join(sorted(map(re.escape, _callee_names())))
    return re.compile(rf"\b(?:{callees})\b|\bjson\s*=|messages")


class _Found:
    __slots__ = ("sites", "imported", "bindings", "self_bindings", "parameters")

    def __init__(self) -> None:
        self.sites: list[tuple[ast.AST, ast.AST | None]] = []  # (model expression holder, enclosing function)
        self.imported: set[str] = set()
        self.bindings: dict[str, list[ast.expr]] = {}  # dotted target -> values
        self.self_bindings: dict[str, list[tuple[ast.expr, ast.AST]]] = {}  # self.X -> (value, method)
        self.parameters: set[str] = set()


def _read(text: str) -> _Found | None:
    from ds_migrate.python.usage import MODEL_KEYWORDS

    tree = module_tree_or_none(text)
    if tree is None:
        return None
    callees = _callee_names()
    found = _Found()
    imported_as: dict[str, set[str]] = {}  # local name -> the names it was imported as
    calls: list[tuple[ast.Call, ast.AST | None]] = []
    stack: list[tuple[ast.AST, ast.AST | None]] = [(tree, None)]
    while stack:
        node, function = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
                             *(a for a in (arguments.vararg, arguments.kwarg) if a is not None)):
                found.parameters.add(argument.arg)
            if not isinstance(node, ast.Lambda):  # the resolver's function is the def around a lambda
                function = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                found.imported.add(local)
                imported_as.setdefault(local, set()).add(alias.name.rpartition(".")[2])
        elif isinstance(node, ast.Call):
            calls.append((node, function))
        elif isinstance(node, ast.Dict):
            keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
            if "model" in keys and "messages" in keys and not _is_text(node.values[keys.index("model")]):
                found.sites.append((node.values[keys.index("model")], function))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                key = _dotted(target)
                if key is not None:
                    found.bindings.setdefault(key, []).append(node.value)
                    if key.startswith("self.") and function is not None:
                        found.self_bindings.setdefault(key.split(".")[1], []).append((node.value, function))
        stack.extend((child, function) for child in ast.iter_child_nodes(node))
    for call, function in calls:
        func = call.func
        if isinstance(func, ast.Attribute):
            last = {func.attr}
        elif isinstance(func, ast.Name):
            last = {func.id} | imported_as.get(func.id, set())
        else:
            last = set()
        if last & callees:
            models = [k.value for k in call.keywords if k.arg in MODEL_KEYWORDS and not _is_text(k.value)]
            if call.args and not _is_text(call.args[0]):
                models.append(call.args[0])
            if models:
                found.sites.extend((model, function) for model in models)
                continue
        for keyword in call.keywords:
            if keyword.arg == "json" and _is_dump(keyword.value):
                found.sites.append((keyword.value, function))  # post(url, json=request.model_dump())
    found.sites.sort(key=lambda site: (site[0].lineno, site[0].col_offset))
    return found


def _receivers_in(node: ast.AST):
    """``x`` of each ``x.attr()`` call without arguments in ``node``."""
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Call)
            and not child.args
            and not child.keywords
            and isinstance(child.func, ast.Attribute)
            and isinstance(child.func.value, ast.Name)
        ):
            yield child.func.value.id


def _names_in(node: ast.AST):
    """Every name and dotted chain ``node`` reads (``a``, ``a.b``, ``a.b.c``)."""
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute):
            dotted = _dotted(child)
            if dotted is not None:
                yield dotted
        elif isinstance(child, ast.Name):
            yield child.id


def _falls_back(value: ast.expr, name: str) -> bool:
    """``name or X``: a parameter given its default in the body."""
    return (
        isinstance(value, ast.BoolOp)
        and isinstance(value.op, ast.Or)
        and isinstance(value.values[0], ast.Name)
        and value.values[0].id == name
    )


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _key_of(node: ast.expr | None):
    return node.value if isinstance(node, ast.Constant) else None


def _is_dump(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and not node.args
        and not node.keywords
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("model_dump", "dict")
    )


