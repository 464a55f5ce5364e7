"""Secrets kept out of what a person reads: the fix preview shows a file's
lines around each change, and the lines around a model in a ``.env`` are
often its API key. A CI log keeps them. ``--diff`` stays exact (it is a
patch for ``git apply``); the coloured preview and ``fix -i`` mask them."""

from __future__ import annotations

import re

# a setting whose name says it is secret, given a literal value: KEY=value,
# key: value, "api_key": "value", api_key="value"
# a name that says "secret" (a lookahead from the start of the name, then the
# name as one run: linear in the line; a pattern with the secret word between
# two runs backtracked quadratically on a long run of word characters), and a
# literal value; a setting of any other name is not matched, so never swallowed
_SECRET = re.compile(
    r"""(?P<name>(?<![\w.-])["']?"""
    r"""(?=[\w.-]*(?:api[_-]?key|apikey|secret|token(?!s)|password|passwd|credential|private[_-]?key))"""
    r"""[\w.-]+["']?)(?P<sep>\s*[=:]\s*)(?P<quote>["']?)(?P<value>[^\s"',#}(=\[{]{6,})(?P=quote)""",
    re.IGNORECASE,
)
# a value that reads the secret from elsewhere shows nothing
_REFERENCE = re.compile(r"^(?:\$|os\.|env\(|process\.env|settings\.|config\.|self\.|None\b|null\b|true\b|false\b)", re.IGNORECASE)
MASK = "****"


def _hide(match: re.Match) -> str:
    value = match.group("value")
    if _REFERENCE.match(value) or value.isdigit():
        return match.group(0)
    return f"{match.group('name')}{match.group('sep')}{match.group('quote')}{MASK}{match.group('quote')}"


def mask_line(line: str) -> str:
    """``line`` with the literal value of each secret-named setting masked."""
    return _SECRET.sub(_hide, line)


def mask_diff(diff: str) -> str:
    """A unified diff for reading: its file headers kept, every other line masked."""
    return "".join(
        line if line.startswith(("--- ", "+++ ", "@@")) else mask_line(line) for line in diff.splitlines(True)
    )
