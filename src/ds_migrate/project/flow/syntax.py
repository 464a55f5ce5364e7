"""Small libcst questions the model flow asks of one module."""

from __future__ import annotations

import os

from ds_migrate.python.local_bindings import local_binding, parameter_fallback  # noqa: F401 (the flow's names for them)

def env_read(node) -> str | None:
    """The variable of ``os.getenv("X")`` / ``os.environ["X"]`` with no default in the code."""
    import libcst as cst

    from ds_migrate.python.syntax import dotted_name, string_value

    if isinstance(node, cst.Call) and dotted_name(node.func) in {"os.getenv", "getenv", "os.environ.get", "environ.get"}:
        if len(node.args) == 1 and node.args[0].keyword is None:
            return string_value(node.args[0].value)
    if isinstance(node, cst.Subscript) and dotted_name(node.value) in {"os.environ", "environ"}:
        if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            return string_value(node.slice[0].slice.value)
    return None


def enclosing(parents) -> tuple:
    """(innermost function, innermost class) among a node's ancestors."""
    import libcst as cst

    function = next((p for p in parents if isinstance(p, cst.FunctionDef)), None)
    klass = next((p for p in parents if isinstance(p, cst.ClassDef)), None)
    return function, klass


def parameter_default(function, name: str):
    if function is None:
        return None
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value == name:
            return param.default
    return None


def assignments_to_self(klass, attribute: str) -> list:
    """(value, method) of each ``self.<attribute> = value`` at the top of a method of ``klass``."""
    import libcst as cst

    found = []
    if klass is None:
        return found
    for method in klass.body.body:
        if not isinstance(method, cst.FunctionDef) or not isinstance(method.body, cst.IndentedBlock):
            continue
        for line in method.body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else (
                    [small.target] if isinstance(small, cst.AnnAssign) and small.value is not None else []
                )
                for target in targets:
                    if (
                        isinstance(target, cst.Attribute)
                        and isinstance(target.value, cst.Name)
                        and target.value.value == "self"
                        and target.attr.value == attribute
                    ):
                        found.append((small.value, method))
    return found


def receiver(call):
    """``client`` for ``client.chat.completions.create(...)``."""
    import libcst as cst

    node = call.func
    while isinstance(node, cst.Attribute):
        node = node.value
    return node if isinstance(node, (cst.Name, cst.Call)) and node is not call.func else None


def relative_imports(module, path: str) -> dict[str, tuple[str, str | None]]:
    """local name -> (module path without suffix, imported name or None) for
    ``from .x import y`` (y may be a name in x, or a module in package x)."""
    import libcst as cst

    from ds_migrate.python.syntax import dotted_name

    found: dict[str, tuple[str, str | None]] = {}
    folder = os.path.dirname(os.path.abspath(path))
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, cst.ImportFrom) or not small.relative or isinstance(small.names, cst.ImportStar):
                continue
            base = folder
            for _ in range(len(small.relative) - 1):
                base = os.path.dirname(base)
            name = dotted_name(small.module) if small.module is not None else None
            target = os.path.join(base, *name.split(".")) if name else base
            for alias in small.names:
                if not isinstance(alias.name, cst.Name):
                    continue
                local = alias.asname.name.value if alias.asname is not None else alias.name.value
                if small.module is None:
                    found[local] = (os.path.join(base, alias.name.value), None)  # from . import config
                else:
                    found[local] = (target, alias.name.value)
    return found
