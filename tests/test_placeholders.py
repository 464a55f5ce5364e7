"""Placeholders (python/slicing/placeholders.py): left-out lines become one
statement of the same lines and line lengths."""

from __future__ import annotations

import ast

import pytest

from ds_migrate.python.slicing.placeholders import blank, continued


@pytest.mark.parametrize(
    "segment, indent, expected",
    [
        ("x = 1\n", 0, "0    \n"),  # one line: a number
        ("x = 1\ny = 22\n", 0, '"""  \n"""   \n'),  # several: a string of spaces
        ("x = 1\ny = 2\nz\n", 0, '"""  \n"""  \n \n'),  # the quotes close on the last line long enough
        ("f(\n)\n", 0, "( \n)\n"),  # lines too short for quotes: brackets
        ("    a = 1\n    b = 2\n", 4, '    """  \n"""      \n'),  # indented, the indentation kept
        ("\tdef f():\n\t\treturn 1\n", 1, '\t"""     \n"""       \n'),  # a tab stays a tab
        ("x = 1\r\ny = 2\r\n", 0, '"""  \r\n"""  \r\n'),  # CRLF kept
        ("x = 'ü'\ny = 2", 0, '"""    \n"""  '),  # no final newline; any character becomes a space
    ],
)
def test_a_placeholder_has_the_same_lines_and_lengths(segment, indent, expected):
    text = "before\n" + segment + ("" if segment.endswith("\n") else "")
    start = len("before\n")
    placeholder = blank(text, start, len(text), indent)
    assert placeholder == expected
    assert [len(line) for line in placeholder.split("\n")] == [len(line) for line in segment.split("\n")]
    ast.parse("if 1:\n" + placeholder if indent else placeholder)


@pytest.mark.parametrize(
    "text, at, expected",
    [("x = 1 + \\\n2\n", 10, True), ("x = 1\ny = 2\n", 6, False), ("x = 1 + \\\r\n2\r\n", 11, True), ("x\n", 0, False)],
)
def test_a_line_continued_from_the_line_above(text, at, expected):
    assert continued(text, at) is expected
