"""Apply the fixes a run chose as text edits, without the tree that made them.

Each Python fix carries the one replacement it makes when applied alone
(``Fix.text_edit``). Fixes whose replacements neither overlap nor touch are
independent: applying them together gives what applying them at once in the
tree gives. Where two touch (two toggles at one call, one import added by
both), only a new analysis of the file can combine them: that is ``None``.
"""

from __future__ import annotations


def apply_separate_edits(text: str, edits: list[tuple[int, int, str]]) -> str | None:
    """``text`` with every edit applied, or None when two edits overlap or touch."""
    out, last = [], -1
    for start, end, new in sorted(edits):
        if start <= last:
            return None
        out.append((start, end, new))
        last = end
    parts, at = [], 0
    for start, end, new in out:
        parts.append(text[at:start])
        parts.append(new)
        at = end
    parts.append(text[at:])
    return "".join(parts)
