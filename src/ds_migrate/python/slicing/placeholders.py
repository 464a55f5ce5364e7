"""Placeholders: left-out code replaced by one statement of the same lines
and line lengths, so that every kept character keeps its offset, line and
column."""

from __future__ import annotations



class _Spaces(dict):
    """A ``str.translate`` table: every character but CR and LF to a space."""

    def __missing__(self, key: int) -> str:
        return " "


_SPACES = _Spaces({ord("\n"): "\n", ord("\r"): "\r"})


def continued(text: str, line_start: int) -> bool:
    """Does the line before the one starting at ``line_start`` end with a
    backslash (and so continue into it)?"""
    at = line_start - 1  # the line feed ending the line above
    if at > 0 and text[at - 1] == "\r":
        at -= 1
    return at > 0 and text[at - 1] == "\\"


def blank(text: str, start: int, end: int, indent: int = 0) -> str:
    """The lines of ``text[start:end]`` as one placeholder statement,
    indented by ``indent``, with every line as long as before: ``0`` on one
    line; over several, a string of spaces in triple quotes (one node,
    however long), or a parenthesised ``()`` when the first or last line is
    too short for the quotes. (Every character but the line ends becomes a
    space at C speed; only the first and closing lines are looked at.)"""
    segment = text[start:end]
    tail = "\n" if segment.endswith("\n") else ""
    body = segment[: len(segment) - len(tail)]
    first_end = body.find("\n")
    if first_end < 0:
        first_end = len(body)

    def width(line_start: int, line_end: int) -> int:
        return line_end - line_start - (1 if line_end > line_start and body[line_end - 1] == "\r" else 0)

    lead = body[: min(indent, first_end)]  # the line's own indentation: tabs stay tabs
    if lead.strip():
        lead = " " * indent
    marks: list[tuple[int, int, str]] = []  # (line start, width, mark), last line first
    if first_end == len(body):
        marks.append((0, width(0, first_end), lead + "0"))
    else:
        closing = None
        line_end = len(body)
        while True:
            line_start = body.rfind("\n", 0, line_end) + 1
            if line_start == 0:
                break
            if width(line_start, line_end) >= 3:
                closing = line_start, width(line_start, line_end)
                break
            line_end = line_start - 1
        if width(0, first_end) >= indent + 3 and closing is not None:
            marks = [(closing[0], closing[1], '"""'), (0, width(0, first_end), lead + '"""')]
        else:
            last_start = body.rfind("\n") + 1
            marks = [(last_start, width(last_start, len(body)), ")"), (0, width(0, first_end), lead + "(")]
    out = body.translate(_SPACES)
    for line_start, line_width, mark in marks:
        out = out[:line_start] + mark.ljust(line_width) + out[line_start + line_width :]
    return out + tail
