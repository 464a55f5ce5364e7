"""DSM107 in every kind of file: a ``"deepseek-"`` piece that the rest of a
model name is joined to at run time. Only the piece is reported."""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Severity
from ds_migrate.rules.base import Example, Rule
from ds_migrate.rules.messages import DYNAMIC_NAME

PIECE = "deepseek-"
# Python: the piece ends a literal (its placeholder may follow) that is completed
# at run time: f"deepseek-{kind}", "deepseek-" + kind, "deepseek-%s" % kind
_PYTHON_TAIL = re.compile(r"deepseek-(?:\{[^}]*\}|%s|%\(\w+\)s)?$", re.IGNORECASE)
# JavaScript and TypeScript: a template literal `deepseek-${kind}`
_TEMPLATE = re.compile(r"deepseek-\$\{", re.IGNORECASE)
# the backend languages: a format placeholder or an interpolation right after it ...
_PLACEHOLDER = re.compile(r"deepseek-(?:%[sv]|\{[^}]*\}|\$|#\{)", re.IGNORECASE)
# ... or a literal that ends with it and is concatenated with what follows
_OPEN_END = re.compile(r"deepseek-[\"'`]$", re.IGNORECASE)


def python_piece(token: cst.CSTNode, text: str, parents: tuple[cst.CSTNode, ...]) -> int | None:
    """Where the piece starts in the text of a Python string token, if the
    string builds a name at run time."""
    match = _PYTHON_TAIL.search(text.rstrip("'\""))
    if match is None or not _builds_at_run_time(token, parents):
        return None
    return match.start()


def _builds_at_run_time(token: cst.CSTNode, parents: tuple[cst.CSTNode, ...]) -> bool:
    """Is the string combined with something only known at run time?"""
    if isinstance(token, cst.FormattedStringText):
        return True
    parent = parents[0] if parents else None
    if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, (cst.Add, cst.Modulo)):
        return parent.left is token
    if isinstance(parent, cst.Attribute) and parent.attr.value == "format":
        return True
    return False


def template_piece(text: str) -> int | None:
    """Where the piece starts in a JavaScript template literal, if it has one."""
    match = _TEMPLATE.search(text)
    return match.start() if match else None


def backend_piece(text: str, concatenated: Callable[[], bool]) -> int | None:
    """Where the piece starts in a string literal of a backend language;
    ``concatenated`` says whether the literal is joined to what follows it."""
    match = _PLACEHOLDER.search(text)
    if match is None:
        match = _OPEN_END.search(text)
        if match is None or not concatenated():
            return None
    return match.start()


class DynamicModelName(Rule):
    """
    What it does:
        Finds model names built at run time from a ``"deepseek-"`` piece:
        ``f"deepseek-{kind}"``, ``"deepseek-" + kind``,
        ``"deepseek-{}".format(kind)``, ``"deepseek-%s" % kind``, and the same
        shapes in other languages (`` `deepseek-${kind}` ``, ``"deepseek-%s"``).

    Why it matters:
        When ``kind`` is ``"chat"`` or ``"reasoner"`` this builds a retired name
        that no search for the full name finds.

    Example:
        model = f"deepseek-{kind}"

    Use instead:
        model = "deepseek-v4-flash"

    Fix:
        None; look at where ``kind`` comes from, and set the thinking mode
        explicitly.
    """

    code = "DSM107"
    role = roles.DYNAMIC
    name = "dynamic-model-name"
    severity = Severity.WARNING
    summary = "Model name built at run time from 'deepseek-'"
    claims_names = False
    valid = (
        Example('model = f"deepseek-v4-{size}"\n'),  # the rest is not the name's tail
        Example('class A { String prefix = "deepseek-"; }\n', path="A.java"),  # not joined to anything
    )
    invalid = (
        Example('model = f"deepseek-{kind}"\n'),
        Example('model = "deepseek-" + kind\n'),
        Example("const model = `deepseek-${kind}`;\n", path="app.ts"),
        Example('package main\n\nvar model = fmt.Sprintf("deepseek-%s", kind)\n', path="main.go"),
        Example('class A { String model = "deepseek-" + kind; }\n', path="A.java"),
    )

    message = DYNAMIC_NAME
