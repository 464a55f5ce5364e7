"""Tests observe; they do not select (decide.py, SPEC section 4). A test is
held with the values it observes and the selectors it imports; one that
asserts what renamed code sends follows it into the same tier; one that
feeds a selector test data stays; the uses on one line of a test move
together or not at all."""

from __future__ import annotations

from collections import defaultdict

from ds_migrate.project.verdicts import (
    BOUND,
    Decision,
    CODE_SELECTING,
    REQUEST,
    ROLE_LABELS,
    TEST,
    Verdict,
    _blocker,
    _Occurrence,
    _rule_applicability,
    _where,
)
from ds_migrate.findings import Applicability


def tests_stay_whole(decision: Decision, groups, coupled_groups, renamable) -> None:
    """The uses of an id on one line of a test (an input and its expected
    output) are renamed together or not at all."""
    for legacy_id, members in groups.items():
        held = {id(m) for m in coupled_groups.get(legacy_id, ())}
        by_file: dict[tuple[str, int], list[_Occurrence]] = defaultdict(list)
        for m in members:
            if m.role == TEST and id(m) not in held:
                by_file[m.finding.path, m.finding.line].append(m)
        for tests in by_file.values():
            blocked = next((b for b in (_blocker(m.finding, m.role, renamable) for m in tests) if b), None)
            if blocked is None:
                continue
            for m in tests:
                if m.finding.identity not in decision.verdicts:
                    # a blocker on this very line is said by the finding's own note
                    here = blocked.startswith(f"{m.finding.path}:{m.finding.line}:")
                    decision.verdicts[m.finding.identity] = Verdict(
                        Applicability.NONE,
                        f"not renamed: the test uses '{legacy_id}' where it cannot be renamed"
                        + ("" if here else f" ({blocked})"),
                    )


def tests_of_selectors(decision: Decision, groups, coupled_groups, sharing, target_of, sees) -> None:
    """A test that imports a selector of another id with the same target
    feeds it test data (``is_reasoning(Fake("deepseek-chat"))``): renamed,
    it would test what the selector says about the V4 id. It stays."""
    for legacy_id, members in groups.items():
        if legacy_id in coupled_groups:
            continue
        others = [
            m for other in sharing[target_of(legacy_id)] if other != legacy_id
            for m in groups[other] if m.role in CODE_SELECTING
        ]
        for m in members:
            if m.role != TEST or m.finding.identity in decision.verdicts:
                continue
            chooser = next((o for o in others if sees(m.finding.path, o.finding.path)), None)
            if chooser is not None:
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.NONE,
                    f"not renamed: test data for {_where(chooser.finding)} "
                    f"({ROLE_LABELS.get(chooser.role, chooser.role)}), which tells the ids apart",
                    stays=True,
                )


def tests_follow(decision: Decision, groups, coupled_groups, sees, kept=None) -> None:
    """A test no group holds, asserting what code it imports sends, is
    renamed in the tier that code is: the safe one (SPEC section 4)."""
    for legacy_id, members in groups.items():
        held = {id(m) for m in coupled_groups.get(legacy_id, ())}
        code = [m for m in members if m.role in (REQUEST, *BOUND) and id(m) not in held]
        if not code:
            continue
        fixed_nowhere = (kept or {}).get(legacy_id, set())
        for m in members:
            if m.role != TEST or id(m) in held or m.finding.identity in decision.verdicts:
                continue
            if m.finding.suppressed or m.finding.hold or _rule_applicability(m.finding) is not Applicability.UNSAFE:
                continue
            if not m.finding.path.endswith((".py", ".pyi")) and m.finding.path in fixed_nowhere:
                continue  # its file names the id where it cannot be renamed: the test stays whole
            if any(sees(m.finding.path, c.finding.path) for c in code if c.finding.path != m.finding.path):
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.SAFE,
                    "fix renames it with the code it tests, in the same tier (it asserts what that code sends)",
                    follows=True,
                )
