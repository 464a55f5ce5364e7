"""Thinking toggles that sit inside a settings dict given as one keyword.

pydantic-ai takes ``model_settings={"extra_body": {"thinking": ...}}``,
LlamaIndex ``additional_kwargs={"extra_body": {...}}``, agno
``request_params={"extra_body": {...}}``: the toggle is two keys deep in the
value of one keyword. A literal there is merged into; a name is merged into
only as an unsafe fix, because what it holds is not visible.

Also the Responses API's ``reasoning={"effort": ...}``, one key deep.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability
from ds_migrate.python.layout import append_arg, append_dict_element, dict_element_node, keyword_arg_node
from ds_migrate.python.syntax import dict_get, has_star_kwargs, keyword_arg
from ds_migrate.python.toggles import Toggle, thinking_object


def _has_spread(node: cst.Dict) -> bool:
    return any(isinstance(element, cst.StarredDictElement) for element in node.elements)


def nested_toggle_value(call: cst.Call, keyword: str, path: tuple[str, ...]) -> cst.BaseExpression | None:
    """The value at ``keyword=`` then ``path`` keys, where all are literals."""
    arg = keyword_arg(call, keyword)
    node: cst.BaseExpression | None = arg.value if arg is not None else None
    for key in path:
        if not isinstance(node, cst.Dict):
            return None
        element = dict_get(node, key)
        node = element.value if element is not None else None
    return node


def _nest(path: tuple[str, ...], leaf: cst.BaseExpression, quote: str) -> cst.BaseExpression:
    """``{"a": {"b": leaf}}`` for path ("a", "b")."""
    node = leaf
    for key in reversed(path):
        node = cst.Dict([dict_element_node(key, node, quote)])
    return node


def _insert(node: cst.Dict, path: tuple[str, ...], leaf: cst.BaseExpression, quote: str) -> cst.Dict:
    """Add the missing part of ``path`` to the literal ``node`` (idempotent)."""
    element = dict_get(node, path[0])
    if element is None:
        return append_dict_element(node, dict_element_node(path[0], _nest(path[1:], leaf, quote), quote))
    if len(path) == 1 or not isinstance(element.value, cst.Dict):
        return node
    inner = _insert(element.value, path[1:], leaf, quote)
    if inner is element.value:
        return node
    return node.deep_replace(element, element.with_changes(value=inner))


def _plan(node: cst.Dict, path: tuple[str, ...]) -> tuple[str, str | None]:
    """What inserting ``path`` into literal ``node`` means: "set", "insert", "opaque"
    or "spread", and the key path that is opaque."""
    for depth, key in enumerate(path):
        element = dict_get(node, key)
        if element is None:
            return ("spread", ".".join(path[:depth]) or None) if _has_spread(node) else ("insert", None)
        if depth == len(path) - 1:
            return "set", None
        if not isinstance(element.value, cst.Dict):
            return "opaque", ".".join(path[: depth + 1])
        node = element.value
    return "set", None


def via_nested(
    call: cst.Call,
    keyword: str,
    path: tuple[str, ...],
    leaf: cst.BaseExpression,
    quote: str,
    what: str = "thinking",
) -> Toggle:
    """Put ``leaf`` at ``keyword={path[0]: {path[1]: ... leaf}}`` on ``call``."""
    existing = keyword_arg(call, keyword)
    if existing is None:
        applicability = Applicability.UNSAFE if has_star_kwargs(call) else Applicability.SAFE
        value = _nest(path, leaf, quote)

        def add(node: cst.Call) -> cst.Call:
            if keyword_arg(node, keyword) is not None:
                return node
            return append_arg(node, keyword_arg_node(keyword, value))

        note = (
            f"**kwargs may already carry {keyword}; check before applying"
            if applicability is Applicability.UNSAFE
            else None
        )
        return Toggle(add, applicability, note)
    if isinstance(existing.value, cst.Dict):
        kind, where = _plan(existing.value, path)
        if kind == "set":
            return Toggle(None, note=f"the call already sets {what} in {keyword}; kept as is")
        if kind == "opaque":
            return Toggle(None, note=f"{keyword}[{where!r}] is built elsewhere: set {what} in it by hand")

        def insert(node: cst.Call) -> cst.Call:
            arg = keyword_arg(node, keyword)
            if arg is None or not isinstance(arg.value, cst.Dict):
                return node
            new = _insert(arg.value, path, leaf, quote)
            return node if new is arg.value else node.deep_replace(arg, arg.with_changes(value=new))

        if kind == "spread":
            return Toggle(
                insert,
                Applicability.UNSAFE,
                f"{keyword} spreads another dict that may already set {path[0]}; check before applying",
            )
        return Toggle(insert)

    def merge(node: cst.Call) -> cst.Call:
        arg = keyword_arg(node, keyword)
        if arg is None or isinstance(arg.value, cst.Dict):
            return node
        # ours first, so that a key already in the named dict wins
        merged = cst.Dict(
            [dict_element_node(path[0], _nest(path[1:], leaf, quote), quote), cst.StarredDictElement(arg.value)]
        )
        return node.deep_replace(arg, arg.with_changes(value=merged))

    return Toggle(
        merge,
        Applicability.UNSAFE,
        f"{keyword} is built elsewhere; if it already has {path[0]!r}, that one wins and {what} must go into it",
    )


def via_settings_extra_body(call: cst.Call, keyword: str, mode: str, quote: str) -> Toggle:
    """``keyword={"extra_body": {"thinking": {"type": mode}}}``."""
    return via_nested(call, keyword, ("extra_body", "thinking"), thinking_object(mode, quote), quote)


def thinking_mode_of(value: cst.BaseExpression) -> str | None:
    """"enabled" / "disabled" for a ``{"type": ...}`` literal, else None."""
    from ds_migrate.deepseek.mapping import DISABLED, ENABLED
    from ds_migrate.python.syntax import string_value

    if isinstance(value, cst.Dict):
        element = dict_get(value, "type")
        kind = string_value(element.value) if element is not None else None
        return kind if kind in (ENABLED, DISABLED) else None
    return None


def explicit_extra_body_thinking(call: cst.Call, keyword: str) -> tuple[cst.BaseExpression, str | None] | None:
    """The thinking toggle at ``keyword={"extra_body": {"thinking": ...}}``, if written there."""
    value = nested_toggle_value(call, keyword, ("extra_body", "thinking"))
    return None if value is None else (value, thinking_mode_of(value))
