"""Rule selectors (``--select``, ``--ignore``, ``per-file-ignores``): a rule
code or a prefix of one (``DSM1``). A selector that names no rule is a
typo, and a typo must not turn a gate green: it is a usage error.

The codes are listed here, not read from the rules, so that checking a
selector does not import every rule (and libcst) on a clean run; a test
keeps the list equal to ``ds-migrate rules``.
"""

from __future__ import annotations

RULE_CODES = (
    "DSM101", "DSM102", "DSM103", "DSM104", "DSM105", "DSM106", "DSM107",
    "DSM108", "DSM109", "DSM110", "DSM111", "DSM112", "DSM113", "DSM114", "DSM115",
    "DSM201", "DSM202", "DSM203", "DSM204", "DSM205", "DSM206",
)  # fmt: skip


def is_known(selector: str) -> bool:
    selector = selector.strip().upper()
    return bool(selector) and any(code.startswith(selector) for code in RULE_CODES)


def unknown(selectors) -> list[str]:
    """The selectors in ``selectors`` that select no rule, in order, once each."""
    return list(dict.fromkeys(s for s in selectors if not is_known(s)))
