"""A finding's note as every report shows it: the rule's own note, and one
short line that points to the finding's entry in the migration plan.

The decision (decide.py) explains each coupled group at length; the plan
says it once per group, so a finding only names its entry ("plan #2")
instead of repeating the group's sites and reasons on every line.
"""

from __future__ import annotations

from ds_migrate.findings import MERGE_REFUSAL, Finding
from ds_migrate.findings.roles import DOC


# a rule's note that already says the occurrence stays
_REFUSALS = (MERGE_REFUSAL, "left as is:", "not fixed:", "not extended:", "kept:")


def plan_numbers(run) -> dict[str, int]:
    """Each plan entry's number (1-based, in the plan's order), by legacy id."""
    return {group.legacy_id: number for number, group in enumerate(getattr(run, "plan", []), 1)}


def coupling_line(finding: Finding, numbers: dict[str, int]) -> str | None:
    """The decision about ``finding`` in one line, or None when there is none."""
    if not finding.coupling:
        return None
    if finding.fix is None and finding.role == DOC:
        return None  # text never rewritten (history, a passage that would merge ids): the group changes nothing here
    if finding.group is None:
        return finding.coupling  # a verdict of its own (a test's odd spelling): already one line
    number = numbers.get(finding.group)
    where = f" (see plan #{number})" if number is not None else ""
    if finding.coupling.startswith("not renamed"):
        return f"not renamed: held back with every use of '{finding.group}'{where}"
    return f"renamed only with --unsafe-fixes, with every use of '{finding.group}'{where}"


def note_of(finding: Finding, numbers: dict[str, int]) -> str | None:
    """The rule's note and the decision's pointer into the plan."""
    coupling = coupling_line(finding, numbers)
    note = finding.rule_note
    if note and coupling and finding.merge_refused and finding.group in numbers:
        note = None  # the plan entry says which ids would merge
    if note and coupling and note.startswith(_REFUSALS) and coupling.startswith(MERGE_REFUSAL):
        # one "not renamed" per line: the rule's reason, then the group's pointer
        coupling = coupling.removeprefix(MERGE_REFUSAL).strip()
    parts = [part for part in (note, coupling) if part]
    return "; ".join(parts) if parts else None
