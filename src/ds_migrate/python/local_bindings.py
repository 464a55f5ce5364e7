"""A name bound once in a function: ``m = MODEL`` then ``create(model=m)``,
or ``kwargs = {"model": MODEL, ...}`` then ``create(**kwargs)``. The
module-wide binding table holds every function's ``m``, so it answers
nothing about one function's."""

from __future__ import annotations


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


def parameter_fallback(function, name: str):
    """``X`` of ``name = name or X``, when that statement, at the top level
    of ``function``'s body, is the one binding of the parameter ``name`` in
    it: the value the request gets when the caller passes none
    (``model = model or get_settings().chat_model``)."""
    import libcst as cst

    if function is None or not isinstance(function.body, cst.IndentedBlock):
        return None
    params = function.params
    if not any(p.name.value == name for p in (*params.posonly_params, *params.params, *params.kwonly_params)):
        return None
    fallback = None
    for line in function.body.body:
        if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
            small = line.body[0]
            if (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and _is_name(small.targets[0].target, name)
                and isinstance(small.value, cst.BooleanOperation)
                and isinstance(small.value.operator, cst.Or)
                and _is_name(small.value.left, name)
            ):
                fallback = small.value.right
    if fallback is None:
        return None
    counter = _Bindings(name)
    function.body.visit(counter)
    return fallback if counter.count == 1 else None


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


_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})


def written_into(function, name: str) -> bool:
    """Does ``function`` change what ``name`` holds without rebinding it
    (``name[k] = v``, ``del name[k]``, ``name.update(...)``)? Then the dict
    bound to it is not what a ``**name`` spreads."""
    import libcst as cst

    class Writes(cst.CSTVisitor):
        found = False

        def _subscript_of_name(self, node) -> bool:
            return isinstance(node, cst.Subscript) and _is_name(node.value, name)

        def visit_AssignTarget(self, node) -> None:
            self.found |= self._subscript_of_name(node.target)

        def visit_AugAssign(self, node) -> None:
            self.found |= self._subscript_of_name(node.target)

        def visit_AnnAssign(self, node) -> None:
            self.found |= self._subscript_of_name(node.target)

        def visit_Del(self, node) -> None:
            self.found |= self._subscript_of_name(node.target) or any(
                self._subscript_of_name(e.value) for e in getattr(node.target, "elements", ())
            )

        def visit_Call(self, node) -> None:
            func = node.func
            self.found |= (
                isinstance(func, cst.Attribute) and _is_name(func.value, name) and func.attr.value in _MUTATORS
            )

    visitor = Writes()
    function.body.visit(visitor)
    return visitor.found
