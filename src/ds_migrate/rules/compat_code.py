from __future__ import annotations

from ds_migrate.findings import roles
from ds_migrate.findings import Finding, Severity
from ds_migrate.deepseek.names import V4_ID
from ds_migrate.rules.base import Example, Rule

# A current id (V4_ID) next to a retired one: the code already knows about the retirement.


def names_current_id(text: str) -> bool:
    return V4_ID.search(text) is not None


def as_compat(finding: Finding, rule: "LegacyNameInCompatCode") -> None:
    """Turn a legacy-name finding into this rule's: reported, never rewritten."""
    finding.code, finding.name, finding.severity = rule.code, rule.name, rule.severity
    finding.message = (
        f"Retired model '{finding.legacy_name}' next to a current V4 id: compat code that already "
        "handles the retirement; left as is"
    )
    finding.fix = None
    finding.role = "compat"


class LegacyNameInCompatCode(Rule):
    """
    What it does:
        Notes a retired model name that stands next to a current V4 id in one
        collection, comparison chain, message, comment or line:
        ``NON_THINKING = {"deepseek-chat", "deepseek-v4-flash"}``,
        "deepseek-chat was retired in favour of deepseek-v4-flash".

    Why it matters:
        Such code already handles the retirement (legacy aliases, compat
        guards, release notes). Renaming the old id would make it say the same
        id twice.

    Example:
        LEGACY = {"deepseek-chat": "deepseek-v4-flash"}

    Fix:
        None; never rewritten, and it does not hold back other renames.
    """

    code = "DSM113"
    role = roles.COMPAT
    name = "legacy-name-in-compat-code"
    severity = Severity.INFO
    summary = "Retired model name beside a V4 id (compat code, left as is)"
    claims_names = False
    valid = (Example('MODEL = "deepseek-chat"\n'),)  # no V4 id beside it: a constant to rename (DSM103)
    invalid = (
        Example('LEGACY = {"deepseek-chat": "deepseek-v4-flash"}\n'),
        Example('# deepseek-chat was retired in favour of deepseek-v4-flash\n'),
    )
