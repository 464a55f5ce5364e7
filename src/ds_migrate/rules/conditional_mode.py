"""Two retired ids chosen by one expression keep their distinction as a mode.

``model = "deepseek/deepseek-reasoner" if hard else "deepseek/deepseek-chat"``
becomes one V4 id on both branches; renamed alone, the chat branch starts
thinking. Where the request that reads ``model`` is in the same function
and the condition still means the same there, the condition is carried
into the mode at the request (``{"type": "enabled" if hard else
"disabled"}``); otherwise the rename is refused (SPEC section 4).
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import NodeEdit
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import string_value
from ds_migrate.python.toggles import via_extra_body
from ds_migrate.python.usage import model_uses
from ds_migrate.rules.base import CheckContext

# contexts whose toggle is extra_body={"thinking": {...}} on every version (SPEC section 4)
_EXTRA_BODY = frozenset({"openai-sdk", "langchain", "crewai", "langchain-client", "litellm", "dspy"})
_PURE = (cst.Name, cst.Attribute, cst.Comparison, cst.BooleanOperation, cst.UnaryOperation,
         cst.SimpleString, cst.Integer, cst.ComparisonTarget)


def two_ids(site: NameSite, ctx: CheckContext) -> tuple[cst.IfExp, str, str] | None:
    """The ``a if c else b`` whose branches are two retired ids of different
    modes: (the expression, the mode when true, the mode when false)."""
    parents = site.role_parents
    if not parents or not isinstance(parents[0], cst.IfExp):
        return None
    choice = parents[0]
    modes = []
    for branch in (choice.body, choice.orelse):
        value = string_value(branch)
        names = find_legacy_names(value) if value else []
        if len(names) != 1 or names[0].text != value.strip():
            return None
        modes.append(ctx.mapping.replacement(names[0].base).mode)
    if modes[0] == modes[1]:
        return None
    return choice, modes[0], modes[1]


def carry_condition(site: NameSite, ctx: CheckContext, key: str | None, fix, quote: str) -> bool:
    """Add the conditional mode to every request in the same function that
    passes ``key`` as its model. False (nothing added) when any is not certain."""
    found = two_ids(site, ctx)
    if found is None or key is None or "." in key or site.info.single_binding(key) is None:
        return False
    choice, when_true, when_false = found
    if not _pure(choice.test):
        return False
    function = _function_of(site.role_parents)
    if function is None:
        return False
    calls = list(model_uses(site.info, key))
    if not calls:
        return False
    names = _names_in(choice.test)
    if names & _rebound_in(function):
        return False  # the condition may mean something else at the request
    test = cst.Module([]).code_for_node(choice.test)
    q = quote
    mode = f"{when_true}{q} if {test} else {q}{when_false}"
    edits = []
    for call, context in calls:
        if context is None or context.name not in _EXTRA_BODY or context.is_foreign(call, site.info):
            return False
        if not _inside(call, function):
            return False
        toggle = via_extra_body(call, mode, q)
        if toggle.apply is None or toggle.note:
            return False
        edits.append(NodeEdit(call, toggle.apply))
    fix.edits.extend(edits)
    return True


def carry_at_call(site: NameSite, ctx: CheckContext, call: cst.Call, context, fix, quote: str) -> bool:
    """``create(model="a" if c else "b")``: the same condition picks the mode."""
    found = two_ids(site, ctx)
    if found is None or context is None or context.name not in _EXTRA_BODY or not _pure(found[0].test):
        return False
    choice, when_true, when_false = found
    test = cst.Module([]).code_for_node(choice.test)
    toggle = via_extra_body(call, f"{when_true}{quote} if {test} else {quote}{when_false}", quote)
    if toggle.apply is None or toggle.note:
        return False
    fix.edits.append(NodeEdit(call, toggle.apply))
    return True


def merges(site: NameSite, ctx: CheckContext) -> bool:
    """The two ids of the expression become one id."""
    found = two_ids(site, ctx)
    if found is None:
        return False
    choice = found[0]
    return ctx.mapping.rename(string_value(choice.body)) == ctx.mapping.rename(string_value(choice.orelse))


def refusal(site: NameSite, ctx: CheckContext) -> str:
    """Why two ids in one expression are not renamed (a merge refusal)."""
    choice = site.role_parents[0]
    a, b = (string_value(branch) for branch in (choice.body, choice.orelse))
    after = ctx.mapping.rename(a)
    return (
        f"not renamed: '{a}' and '{b}' would both become '{after}' in one expression and the condition "
        "cannot be carried into the thinking mode at the request; set the model and the mode by hand "
        "(or keep the two ids apart with --mapping deepseek-reasoner=deepseek-v4-pro)"
    )


def _pure(node: cst.CSTNode) -> bool:
    """Only names, attributes, comparisons and literals: no call, no side effect."""
    ok = True

    class _Check(cst.CSTVisitor):
        def on_visit(self, child: cst.CSTNode) -> bool:
            nonlocal ok
            if isinstance(child, (cst.Call, cst.Await, cst.Yield, cst.NamedExpr, cst.Subscript, cst.Lambda)):
                ok = False
            return ok

    node.visit(_Check())
    return ok


def _names_in(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.add(name.value)

    node.visit(_Names())
    return found


def _rebound_in(function: cst.FunctionDef) -> set[str]:
    """Names assigned anywhere in ``function`` (parameters excepted)."""
    found: set[str] = set()

    class _Targets(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            found.update(_names_in(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            found.update(_names_in(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            found.update(_names_in(node.target))

        def visit_For(self, node: cst.For) -> None:
            found.update(_names_in(node.target))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            found.update(_names_in(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            found.update(_names_in(node.name))

    function.body.visit(_Targets())
    return found


def _function_of(parents) -> cst.FunctionDef | None:
    return next((p for p in parents if isinstance(p, cst.FunctionDef)), None)


def _inside(node: cst.CSTNode, function: cst.FunctionDef) -> bool:
    inside = False

    class _Find(cst.CSTVisitor):
        def on_visit(self, child: cst.CSTNode) -> bool:
            nonlocal inside
            if child is node:
                inside = True
            return not inside

    function.visit(_Find())
    return inside
