"""A read-only walk over a libcst tree, in the order libcst's visitors use.

``CSTVisitor`` rebuilds every node's children as it goes (it is the same
machinery that transformers use), which costs about as much as the parse
itself. Reading the fields directly is five times cheaper. The order of each
node type's fields is taken from libcst's own ``_visit_and_replace_children``
so that tokens arrive in exactly the order a visitor would see them; a test
checks the two orders agree.
"""

from __future__ import annotations

import linecache
import re
import typing
from typing import Callable

import libcst as cst
from libcst._nodes import op as _op
from libcst._nodes import whitespace as _whitespace

_VISITED_FIELD = re.compile(r'visit_\w+\(\s*self,\s*"(\w+)"')
_ORDER: dict[type, tuple[str, ...] | None] = {}
_UNKNOWN = object()


def field_order(node_type: type) -> tuple[str, ...] | None:
    """The child fields of ``node_type`` in libcst's visiting order; None
    when libcst's source is not installed (the walk then asks libcst)."""
    order = _ORDER.get(node_type, _UNKNOWN)
    if order is _UNKNOWN:
        order = _ORDER[node_type] = _read_order(node_type)
    return order


def _read_order(node_type: type) -> tuple[str, ...] | None:
    source = _method_source(node_type._visit_and_replace_children)
    if source is None:
        return None
    return tuple(dict.fromkeys(_VISITED_FIELD.findall(source)))


def _method_source(function) -> str | None:
    """The source of a method: its lines up to the next line indented no
    deeper than its ``def`` (``inspect.getsource`` tokenizes, ten times slower)."""
    code = getattr(function, "__code__", None)
    if code is None:
        return None
    lines = linecache.getlines(code.co_filename)
    start = code.co_firstlineno - 1
    if not lines or start >= len(lines):
        return None
    while start < len(lines) and lines[start].lstrip().startswith("@"):
        start += 1  # decorators
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start
    while end < len(lines) and not lines[end].rstrip().endswith(":"):
        end += 1  # a signature over several lines
    end += 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return "".join(lines[start:end])


def _trivia_types() -> frozenset[type]:
    """Node types that hold nothing but whitespace, comments and punctuation."""
    found = set()
    for module in (_op, _whitespace):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, cst.CSTNode) and value.__module__ == module.__name__:
                found.add(value)
    found.update(
        {cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
         cst.LeftCurlyBrace, cst.RightCurlyBrace}
    )
    return frozenset(found)


TRIVIA = _trivia_types()
_CODE_ORDER: dict[type, tuple[str, ...] | None] = {}


def code_order(node_type: type) -> tuple[str, ...] | None:
    """``field_order`` without the fields that can only hold trivia."""
    order = _CODE_ORDER.get(node_type, _UNKNOWN)
    if order is _UNKNOWN:
        full = field_order(node_type)
        fields = getattr(node_type, "__dataclass_fields__", {})
        order = _CODE_ORDER[node_type] = None if full is None else tuple(
            name for name in full if name not in fields or not _only_trivia(fields[name].type)
        )
    return order


def _only_trivia(annotation: object) -> bool:
    """Can a field with this annotation hold only trivia (or no node at all)?"""
    if isinstance(annotation, type):
        return annotation in TRIVIA or not issubclass(annotation, cst.CSTNode)
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return True
    if not args:  # a forward reference or a string: assume it may hold code
        return False
    return all(_only_trivia(arg) for arg in args)
_CHILDLESS_TRIVIA = frozenset({cst.SimpleWhitespace, cst.Newline})
# Expressions whose only children are their parentheses.
_LEAVES = frozenset(
    {cst.Name, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis, cst.SimpleString}
)

Handler = Callable[[cst.CSTNode, list], None]


def walk(
    root: cst.CSTNode,
    handlers: dict[type, Handler],
    with_trivia: bool = True,
    ancestors: list[cst.CSTNode] | None = None,
) -> None:
    """Call ``handlers[type(node)](node, ancestors)`` for every node, in order.

    ``ancestors`` lists the node's ancestors outermost first; it is the walk's
    own list (or the one passed in), so a handler that keeps it must copy
    it. ``with_trivia=False`` skips whitespace and punctuation subtrees,
    which is safe when no comment can matter.
    """
    # Nodes nobody handles that cannot lead to a handled node need no call:
    # childless whitespace always; without trivia, all of it and the leaves
    # (names, numbers), whose parentheses are trivia too.
    if with_trivia:
        skip = frozenset(t for t in _CHILDLESS_TRIVIA if handlers.get(t) is None)
    else:
        skip = TRIVIA | {t for t in _LEAVES if handlers.get(t) is None}
    if ancestors is None:
        ancestors = []
    order_of = (_ORDER if with_trivia else _CODE_ORDER).get
    compute_order = field_order if with_trivia else code_order
    handler_of = handlers.get
    # per value type met: is it a node the walk goes into?
    wanted: dict[type, bool] = {}

    def wants(value_type: type) -> bool:
        flag = wanted[value_type] = value_type not in skip and issubclass(value_type, cst.CSTNode)
        return flag

    def visit(node: cst.CSTNode) -> None:
        node_type = type(node)
        handler = handler_of(node_type)
        if handler is not None:
            handler(node, ancestors)
        order = order_of(node_type, _UNKNOWN)
        if order is _UNKNOWN:
            order = compute_order(node_type)
        if order is None:  # libcst's own (slower) answer
            ancestors.append(node)
            for child in node.children:
                if type(child) not in skip:
                    visit(child)
            ancestors.pop()
            return
        if not order:
            return
        ancestors.append(node)
        for name in order:
            value = getattr(node, name)
            value_type = type(value)
            if value_type is tuple or value_type is list:
                for child in value:
                    child_type = type(child)
                    if wanted[child_type] if child_type in wanted else wants(child_type):
                        visit(child)
            elif wanted[value_type] if value_type in wanted else wants(value_type):
                visit(value)
        ancestors.pop()

    visit(root)

