"""Small libcst questions the model flow asks of one module."""

from __future__ import annotations

import os

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


def local_binding(function, name: str):
    """The value of ``name = value`` when that statement, at the top level of
    ``function``'s body, is the one binding of ``name`` in the function (not
    a parameter; no other assignment, loop, ``with``, ``:=``, ``except``,
    import, ``global`` or ``nonlocal`` of it outside nested functions and
    classes). ``m = MODEL`` then ``create(model=m)``: the module-wide
    binding table holds every function's ``m``, so it answers nothing."""
    import libcst as cst

    if function is None or not isinstance(function.body, cst.IndentedBlock):
        return None
    params = function.params
    named = [*params.posonly_params, *params.params, *params.kwonly_params]
    named += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    if any(p.name.value == name for p in named):
        return None
    top = None
    for line in function.body.body:
        if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
            small = line.body[0]
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and _is_name(small.targets[0].target, name):
                top = small.value
            elif isinstance(small, cst.AnnAssign) and small.value is not None and _is_name(small.target, name):
                top = small.value
    if top is None:
        return None
    counter = _Bindings(name)
    function.body.visit(counter)
    return top if counter.count == 1 else None


def _is_name(node, name: str) -> bool:
    import libcst as cst

    return isinstance(node, cst.Name) and node.value == name


def _bindings_visitor():
    import libcst as cst

    class Bindings(cst.CSTVisitor):
        """Counts the bindings of one name in a function body (not below a
        nested function, class or lambda: their names are their own)."""

        def __init__(self, name: str) -> None:
            self.name, self.count = name, 0

        def _targets(self, node) -> None:
            for sub in _names_in_target(node):
                if sub == self.name:
                    self.count += 1

        def visit_FunctionDef(self, node) -> bool:
            return False

        def visit_ClassDef(self, node) -> bool:
            return False

        def visit_Lambda(self, node) -> bool:
            return False

        def visit_AssignTarget(self, node) -> None:
            self._targets(node.target)

        def visit_AnnAssign(self, node) -> None:
            self._targets(node.target)

        def visit_AugAssign(self, node) -> None:
            self._targets(node.target)

        def visit_For(self, node) -> None:
            self._targets(node.target)

        def visit_WithItem(self, node) -> None:
            if node.asname is not None:
                self._targets(node.asname.name)

        def visit_NamedExpr(self, node) -> None:
            self._targets(node.target)

        def visit_ExceptHandler(self, node) -> None:
            if node.name is not None:
                self._targets(node.name.name)

        def visit_ImportAlias(self, node) -> None:
            local = node.asname.name if node.asname is not None else node.name
            if isinstance(local, cst.Name) and local.value == self.name:
                self.count += 1

        def visit_Global(self, node) -> None:
            self.count += 2 * sum(1 for n in node.names if n.name.value == self.name)

        def visit_Nonlocal(self, node) -> None:
            self.count += 2 * sum(1 for n in node.names if n.name.value == self.name)

    return Bindings


def _names_in_target(node):
    import libcst as cst

    if isinstance(node, cst.Name):
        yield node.value
    elif isinstance(node, (cst.Tuple, cst.List)):
        for element in node.elements:
            yield from _names_in_target(element.value)
    elif isinstance(node, cst.StarredElement):
        yield from _names_in_target(node.value)


class _LazyBindings:
    """``_Bindings(name)``: the visitor class is built on first use (libcst
    is imported only where a file is parsed)."""

    _cls = None

    def __call__(self, name: str):
        if _LazyBindings._cls is None:
            _LazyBindings._cls = _bindings_visitor()
        return _LazyBindings._cls(name)


_Bindings = _LazyBindings()
