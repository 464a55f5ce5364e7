"""A test's own value: the id it gives the code and asserts back.

``config = Config(model="deepseek-chat")`` then
``create.assert_called_once_with(model="deepseek-chat", ...)`` checks that the
code passes on what the test gave it: the test observes no id the code holds,
so it need not move when the code's own default is renamed (mem0's tests of
its DeepSeek wrapper: renamed in the safe tier, they were churn). A test that
asserts an id it never gives may be checking the code's default: it still
follows the code (project/decide.py).

Per file and per retired id, with CPython's parser on the whole text: when
every assertion naming the id sits in a function that also gives it, all
the file's uses of that id are the test's own (``Finding.own_test_data``).
"""

from __future__ import annotations

import ast
import re

from ds_migrate.python.module_tree import module_tree_or_none
from ds_migrate.findings import Finding

_TEXT_CODES = frozenset({"DSM108"})  # comments and docstrings: neither given nor asserted
_ASSERTING = ("assert", "expect")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def mark_own_test_data(text: str, findings: list[Finding]) -> None:
    named = [f for f in findings if f.legacy_name and f.code not in _TEXT_CODES and f.offset >= 0]
    if not named or "assert" not in text:
        return
    spans = _spans(text)
    if spans is None:
        return
    functions, assertions = spans
    by_id: dict[str, list[tuple[Finding, tuple | None, bool]]] = {}
    for finding in named:
        at = finding.offset
        function = min((f for f in functions if f[0] <= at < f[1]), key=lambda f: f[1] - f[0], default=None)
        asserted = any(a[0] <= at < a[1] for a in assertions)
        base = finding.legacy_name.lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        by_id.setdefault(base, []).append((finding, function, asserted))
    for uses in by_id.values():
        giving = {function for _, function, asserted in uses if not asserted}
        if not giving:
            continue
        if any(asserted and function not in giving for _, function, asserted in uses):
            continue  # an assertion of an id its function never gives: it may check the code's default
        for finding, _, _ in uses:
            finding.own_test_data = True


def _spans(text: str):
    """(function spans, assertion spans) as character offsets, or None."""
    tree = module_tree_or_none(text)
    if tree is None:
        return None
    to_offset = _Offsets(text)
    functions, assertions = [], []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(to_offset.span(node))
        elif isinstance(node, ast.Assert) or (isinstance(node, ast.Call) and _asserting(node.func)):
            assertions.append(to_offset.span(node))
    return functions, assertions


def _asserting(func: ast.AST) -> bool:
    """``mock.assert_called_once_with``, ``self.assertEqual``, ``expect``."""
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name.lower().startswith(_ASSERTING)


class _Offsets:
    """CPython's (line, UTF-8 column) to a character offset of the text."""

    def __init__(self, text: str) -> None:
        self.lines = _LINES.findall(text)  # the line ends CPython counts, not str.splitlines

        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def at(self, lineno: int, col: int) -> int:
        if lineno - 1 >= len(self.lines):
            return self.starts[-1]
        line = self.lines[lineno - 1]
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8", errors="ignore"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        end_line = getattr(node, "end_lineno", None) or node.lineno
        end_col = getattr(node, "end_col_offset", None)
        end = self.at(end_line, end_col) if end_col is not None else self.starts[min(end_line, len(self.lines))]
        return self.at(node.lineno, node.col_offset), end

