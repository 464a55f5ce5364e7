"""What the decision is made of: the role of each occurrence, the verdict
on it, the groups left for a person (the plan), and the run's decision as a
whole. decide.py makes it; observers.py and plan_advice.py read these too.

Pure: no libcst, no IO.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ds_migrate.findings import MERGE_REFUSAL, Applicability, Severity, Finding
from ds_migrate.findings.test_paths import is_test_path  # noqa: F401  (decide.py and others read it here)

# What an occurrence does in the program: each rule says it of its findings
# (findings/roles.py); re-exported here for decide.py and the reports.
from ds_migrate.findings.roles import (
    ALIAS, CAPABILITY, COMPARISON, COMPAT, DOC, DYNAMIC, EXTENDED, FOREIGN, GENERATED, KEY, LIVE_REQUEST, MEMBER, OTHER,
    RECORDED, REQUEST, ROUTE, TEST, VALUE,
)

ROLE_LABELS = {
    REQUEST: "request",
    VALUE: "default or config value",
    COMPARISON: "comparison",
    KEY: "table key or lookup",
    MEMBER: "collection or enum member",
    ALIAS: "alias entry",
    ROUTE: "Router model_name",
    CAPABILITY: "capability table or predicate",
    TEST: "test expectation",
    DOC: "comment or text",
    OTHER: "other use",
    RECORDED: "recorded data",
    COMPAT: "compat code",
    FOREIGN: "another provider's id",
    DYNAMIC: "built at run time",
    GENERATED: "build output",
    EXTENDED: "closed type or schema enum (the V4 id is added beside)",
}

# Roles whose occurrence chooses what the program does by the id's value.
SELECTING = frozenset({COMPARISON, KEY, MEMBER, ALIAS, ROUTE, CAPABILITY, TEST})
# Of those, the ones in the program itself (a test observes; it does not select).
CODE_SELECTING = SELECTING - {TEST}
# Roles of a value bound to a name, which flows where the name is read.
BOUND = (VALUE, OTHER)
# Roles that take no part in a group: never renamed, never coupling others.
OUTSIDE = frozenset({RECORDED, COMPAT, FOREIGN, DYNAMIC, GENERATED, EXTENDED})

MAX_NAMED_SITES = 4
_PREFIX_SEPARATOR = re.compile(r"[/:]")


@lru_cache(maxsize=1024)
def base_id(legacy_name: str) -> str:
    """``deepseek/deepseek-chat`` -> ``deepseek-chat`` (lower case)."""
    return _PREFIX_SEPARATOR.split(legacy_name.lower())[-1]


def role_of(finding: Finding) -> str:
    if finding.role == LIVE_REQUEST:
        return REQUEST
    role = finding.role or OTHER
    # in a test, only a request the tool knows is a request; the rest is test data
    if role not in (REQUEST, DOC, CAPABILITY) and role not in OUTSIDE and is_test_path(finding.path):
        return TEST
    return role


@dataclass(frozen=True)
class Verdict:
    """What the decision changes about one finding's fix."""

    applicability: Applicability  # the most a tier may do with it now
    note: str
    group: str | None = None  # the legacy id of its group in the plan
    # a test renamed with the code it observes: raised to that code's tier
    follows: bool = False
    # the use stays on purpose (test data of code that tells the ids apart):
    # info, so the default gate does not fail on what must not change
    stays: bool = False


@dataclass
class GroupPlan:
    """One legacy id whose occurrences could not all be renamed: for the plan."""

    legacy_id: str
    renamed_with_unsafe_fixes: bool
    sites: list[tuple[str, int, str]]  # (path, line, role)
    why: list[str]
    decision: str

    def as_dict(self) -> dict:
        return {
            "legacy_id": self.legacy_id,
            "renamed_with_unsafe_fixes": self.renamed_with_unsafe_fixes,
            "sites": [{"path": p, "line": line, "role": r} for p, line, r in self.sites],
            "why": self.why,
            "decision": self.decision,
        }


@dataclass
class Decision:
    verdicts: dict[tuple[str, int, str], Verdict] = field(default_factory=dict)
    plan: list[GroupPlan] = field(default_factory=list)
    # per path, the requests whose model comes from another module (ds_migrate/project/flow/)
    flows: dict[str, dict] = field(default_factory=dict)

    def for_paths(self, paths: set[str]) -> "Decision":
        """The part of the decision about ``paths`` (small enough to send to a worker)."""
        return Decision(
            {k: v for k, v in self.verdicts.items() if k[0] in paths},
            [],
            {k: v for k, v in self.flows.items() if k in paths},
        )

    def flows_for(self, path: str) -> dict | None:
        return self.flows.get(path)

    def annotate(self, findings: Iterable[Finding]) -> None:
        """Lower each finding's fix to what the decision allows, and say why."""
        for finding in findings:
            verdict = self.verdicts.get(finding.identity)
            fix = finding.fix
            if fix is not None:
                if fix.rule_applicability is None:
                    fix.rule_applicability = fix.applicability
                fix.applicability = fix.rule_applicability
                if verdict is not None and _weaker(verdict.applicability, fix.applicability):
                    fix.applicability = verdict.applicability
                elif verdict is not None and verdict.follows:
                    fix.applicability = verdict.applicability
            finding.coupling = verdict.note if verdict is not None else None
            finding.group = verdict.group if verdict is not None else None
            if finding.rule_severity is None:
                finding.rule_severity = finding.severity
            finding.severity = Severity.INFO if verdict is not None and verdict.stays else finding.rule_severity


_ORDER = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.NONE: 2}


def _weaker(a: Applicability, b: Applicability) -> bool:
    return _ORDER[a] > _ORDER[b]


@dataclass(eq=False)
class _Occurrence:
    finding: Finding
    role: str
    # why this occurrence cannot be renamed in any tier, if it cannot
    blocked: str | None


def _blocker(finding: Finding, role: str, renamable) -> str | None:
    if role == CAPABILITY:
        return f"{_where(finding)} is a capability table or predicate (never renamed)"
    if finding.hold:
        return f"{_where(finding)}: {finding.hold}"
    if finding.merge_refused:
        # the reason only: what to do about it is the plan's steps (the mapping, the
        # mode at the request), said once there, not again on every "why" line
        return f"{_where(finding)}: {(finding.note or '').split('; ')[0].removeprefix(MERGE_REFUSAL).strip()}"
    if finding.suppressed and role != DOC:  # a comment left as it is changes nothing the program does
        return f"{_where(finding)} is {'not selected' if finding.unselected else 'suppressed'} ({finding.code})"
    if not renamable(finding):
        return f"{_where(finding)} is in a file this run was not given (name it too, or run on the whole tree)"
    if role != DOC and _rule_applicability(finding) is Applicability.NONE:
        return f"{_where(finding)} cannot be renamed ({ROLE_LABELS.get(role, role)})"
    return None


def _rule_applicability(finding: Finding) -> Applicability:
    fix = finding.fix
    if fix is None:
        return Applicability.NONE
    return fix.rule_applicability or fix.applicability


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}"
