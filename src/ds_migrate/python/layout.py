"""Append an argument to a call or a key to a dict in the style already there.

Only the separator before the new item and the whitespace moved behind it
change; comments stay where they were, so the rest of the file is
byte-for-byte the same.
"""

from __future__ import annotations

import libcst as cst

_NO_SPACE = cst.SimpleWhitespace("")
_ONE_SPACE = cst.SimpleWhitespace(" ")


def _item_indent(
    previous_comma: cst.Comma | cst.MaybeSentinel,
    opening: cst.BaseParenthesizableWhitespace,
    closing: cst.BaseParenthesizableWhitespace,
) -> cst.SimpleWhitespace:
    """The indentation the items of a multi-line bracket use."""
    if isinstance(previous_comma, cst.Comma) and isinstance(
        previous_comma.whitespace_after, cst.ParenthesizedWhitespace
    ):
        return previous_comma.whitespace_after.last_line
    if isinstance(opening, cst.ParenthesizedWhitespace):
        return opening.last_line
    base = closing.last_line.value if isinstance(closing, cst.ParenthesizedWhitespace) else ""
    return cst.SimpleWhitespace(base + "    ")


def _split(
    after: cst.BaseParenthesizableWhitespace, indent: cst.SimpleWhitespace
) -> tuple[cst.BaseParenthesizableWhitespace, cst.BaseParenthesizableWhitespace]:
    """Whitespace between the old last item and the new one, and after the new one."""
    if isinstance(after, cst.ParenthesizedWhitespace):
        between = after.with_changes(last_line=indent)
        closing = after.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=[])
        return between, closing
    return _ONE_SPACE, after


def append_arg(call: cst.Call, arg: cst.Arg) -> cst.Call:
    args = list(call.args)
    if not args:
        return call.with_changes(args=[arg])
    last = args[-1]
    trailing = isinstance(last.comma, cst.Comma)
    after = last.comma.whitespace_after if trailing else last.whitespace_after_arg
    previous = args[-2].comma if len(args) > 1 else cst.MaybeSentinel.DEFAULT
    between, closing = _split(after, _item_indent(previous, call.whitespace_before_args, after))
    if trailing:
        last = last.with_changes(comma=last.comma.with_changes(whitespace_after=between))
        arg = arg.with_changes(comma=cst.Comma(whitespace_after=closing))
    else:
        last = last.with_changes(comma=cst.Comma(whitespace_after=between), whitespace_after_arg=_NO_SPACE)
        arg = arg.with_changes(whitespace_after_arg=closing)
    return call.with_changes(args=[*args[:-1], last, arg])


def append_dict_element(node: cst.Dict, element: cst.DictElement) -> cst.Dict:
    elements = list(node.elements)
    if not elements:
        return node.with_changes(elements=[element])
    last = elements[-1]
    after = node.rbrace.whitespace_before
    previous = elements[-2].comma if len(elements) > 1 else cst.MaybeSentinel.DEFAULT
    between, closing = _split(after, _item_indent(previous, node.lbrace.whitespace_after, after))
    if isinstance(last.comma, cst.Comma):
        element = element.with_changes(comma=last.comma)
        last = last.with_changes(comma=last.comma.with_changes(whitespace_after=between))
    else:
        last = last.with_changes(comma=cst.Comma(whitespace_after=between))
    return node.with_changes(
        elements=[*elements[:-1], last, element],
        rbrace=node.rbrace.with_changes(whitespace_before=closing),
    )


def keyword_arg_node(keyword: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value=value,
        keyword=cst.Name(keyword),
        equal=cst.AssignEqual(whitespace_before=_NO_SPACE, whitespace_after=_NO_SPACE),
    )


def dict_element_node(key: str, value: cst.BaseExpression, quote: str) -> cst.DictElement:
    return cst.DictElement(key=cst.SimpleString(f"{quote}{key}{quote}"), value=value)
