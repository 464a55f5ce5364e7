"""Inline suppression: ``# ds-migrate: ignore``, ``# ds-migrate: ignore[CODE]``,
``# noqa: CODE`` on the line of the finding, in the comment syntax of the file."""

from __future__ import annotations

import re

# any comment syntax: Python, shell and YAML (#), JS (// and /*), INI (;), HTML and Markdown (<!--)
_COMMENT = r"(?:#|//|/\*|;|<!--)"
_IGNORE = re.compile(_COMMENT + r"\s*ds-migrate\s*:\s*ignore\b(?:\[([^\]]*)\])?", re.IGNORECASE)
_NOQA = re.compile(_COMMENT + r"\s*noqa\s*:\s*([A-Z0-9_,\s-]+)", re.IGNORECASE)


def suppressed_codes(line: str) -> set[str] | None:
    """Codes suppressed on ``line``: None for none, an empty set for all."""
    codes: set[str] | None = None
    match = _IGNORE.search(line)
    if match:
        if match.group(1) is None:
            return set()
        codes = {c.strip().upper() for c in match.group(1).split(",") if c.strip()}
    for match in _NOQA.finditer(line):
        listed = {c.strip().upper() for c in re.split(r"[,\s]+", match.group(1)) if c.strip()}
        codes = (codes or set()) | listed
    return codes


def is_suppressed(line: str, code: str) -> bool:
    lowered = line.lower()
    if "ds-migrate" not in lowered and "noqa" not in lowered:
        return False
    codes = suppressed_codes(line)
    if codes is None:
        return False
    return not codes or code.upper() in codes
