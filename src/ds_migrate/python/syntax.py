"""Small read-only questions about libcst nodes, shared by rules and contexts."""

from __future__ import annotations

import libcst as cst


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else None."""
    parts, base = _attribute_chain(node)
    return ".".join(parts) if isinstance(base, cst.Name) else None


def assigned_name(holder: cst.CSTNode) -> str | None:
    """The dotted name an ``x = ...`` or ``x: T = ...`` with one target binds."""
    if isinstance(holder, cst.Assign):
        targets = [t.target for t in holder.targets]
    elif isinstance(holder, cst.AnnAssign):
        targets = [holder.target]
    else:
        return None
    return dotted_name(targets[0]) if len(targets) == 1 else None


def attribute_tail(node: cst.BaseExpression) -> list[str]:
    """Attribute names of a call chain, outermost last: ``x().chat.completions.create``
    gives ``["chat", "completions", "create"]``; the receiver is dropped."""
    return _attribute_chain(node)[0]


def _attribute_chain(node: cst.BaseExpression) -> tuple[list[str], cst.BaseExpression]:
    """The names of ``node``'s attribute chain, outermost last (the name it
    starts from included), and the expression it starts from."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
    return parts[::-1], node


def receiver_of(node: cst.BaseExpression, depth: int) -> cst.BaseExpression:
    """The expression ``depth`` attributes below ``node``."""
    for _ in range(depth):
        if not isinstance(node, cst.Attribute):
            break
        node = node.value
    return node


def keyword_arg(call: cst.Call, name: str) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def has_star_kwargs(call: cst.Call) -> bool:
    return any(arg.star == "**" for arg in call.args)


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The value of a plain (non-f, non-bytes) string literal."""
    if isinstance(node, cst.SimpleString):
        text = node.value
        if text[0] in "'\"" and "\\" not in text and "\r" not in text:  # plain: strip the quotes
            quotes = 3 if text[:3] in ('"""', "'''") and len(text) >= 6 else 1
            return text[quotes:-quotes]
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def dict_key_value(element: cst.BaseDictElement) -> str | None:
    if isinstance(element, cst.DictElement):
        return string_value(element.key)
    return None


def dict_get(node: cst.Dict, key: str) -> cst.DictElement | None:
    for element in node.elements:
        if isinstance(element, cst.DictElement) and dict_key_value(element) == key:
            return element
    return None


def quote_of(node: cst.BaseExpression | None) -> str:
    """The quote character a string literal uses, so added code matches it."""
    if isinstance(node, cst.SimpleString):
        return node.quote[0]
    return '"'
