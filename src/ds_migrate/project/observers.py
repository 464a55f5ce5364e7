"""Tests observe; they do not select (decide.py, SPEC section 4). A test is
held with the values it observes and the selectors it imports; one that
asserts what renamed code sends follows it into the same tier; one that
feeds a selector test data stays; the uses on one line of a test move
together or not at all."""

from __future__ import annotations

from collections import defaultdict

from ds_migrate.project.verdicts import (
    BOUND,
    COMPAT,
    is_test_path,
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


# a comparison in a test: what the code gave back is checked against the id
_ASSERTED = "DSM105"


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
        code = [c for c in members if c.role in (REQUEST, *BOUND) and not is_test_path(c.finding.path)]
        for m in members:
            if m.role != TEST or m.finding.identity in decision.verdicts:
                continue
            if m.finding.code == _ASSERTED and any(sees(m.finding.path, c.finding.path) for c in code):
                # it compares what code of this id returns or sends (assert sent["model"] == ...):
                # it checks that code, renamed with it (tests_follow), not the other id's selector
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


# roles of code whose id a test's assertion may be checking instead of a
# request's own literal: a value that can be sent, or a selector the test
# may feed (``speed("deepseek-chat") == "fast"``); a Python request's model
# is its own literal, contained (python/contained.py)
_OBSERVABLE = (*BOUND, *CODE_SELECTING)


def tests_of_requests(groups, coupled_groups, compat, renamable, observed, names) -> tuple[dict, dict]:
    """A test held with its id's group that asserts what a request sends
    (it directly imports a module holding a request of that id whose model
    is its own literal, which the safe tier renames) follows that request
    into the same tier (SPEC section 4), unless the code it observes may
    also send a value of the id that stays (a settings default it or that
    module reads) or select on it (a comparison the test may feed): then it
    may check either, and the request waits with the group instead of
    leaving the test asserting an id it no longer sends (a fresh reader's
    project: 3 tests failed after the safe fix).

    Returns the tests that follow (id -> (test, request)) and the requests
    that join their id's group (legacy id -> [(request, test, value)]);
    moves both in ``coupled_groups``. ``observed`` is the run's Reach
    (``imported_by``, ``may_read``), ``names`` the names each (path, line)
    binds its value to."""
    follow: dict[int, tuple[_Occurrence, _Occurrence]] = {}
    joined: dict[str, list[tuple[_Occurrence, _Occurrence, _Occurrence]]] = {}
    if observed is None:
        return follow, joined
    for legacy_id, coupled in coupled_groups.items():
        tests = [
            m for m in coupled
            if m.role == TEST and m.finding.path.endswith((".py", ".pyi")) and not m.finding.own_test_data
            and _blocker(m.finding, m.role, renamable) is None
        ]
        if not tests:
            continue
        members = groups[legacy_id]
        held = {id(c) for c in coupled}
        requests = [
            m for m in members
            if m.role == REQUEST and m.finding.path.endswith((".py", ".pyi")) and not is_test_path(m.finding.path)
            and id(m) not in held and _blocker(m.finding, m.role, renamable) is None
            and _rule_applicability(m.finding) is Applicability.SAFE
        ]
        if not requests:
            continue
        values = [
            m for m in members
            if m.role in _OBSERVABLE and not is_test_path(m.finding.path)
            and (id(m) in held or _rule_applicability(m.finding) is not Applicability.SAFE)
        ] + [
            _Occurrence(f, COMPAT, None) for f in compat.get(legacy_id, ()) if not is_test_path(f.path)
        ]
        values.sort(key=lambda v: v.role not in BOUND)  # name a default before a table's entry
        observes: dict[int, tuple[list[_Occurrence], _Occurrence | None]] = {}
        for test in tests:
            direct = observed.imported_by(test.finding.path)
            checked = [r for r in requests if r.finding.path in direct]
            if not checked:
                continue
            value = next((v for v in values if _may_send(v, test, checked, direct, observed, names)), None)
            observes[id(test)] = (checked, value)
        # a request that waits leaves every test that may check it waiting too
        waiting: dict[int, tuple[_Occurrence, _Occurrence, _Occurrence]] = {}
        changed = True
        while changed:
            changed = False
            for test in tests:
                checked, value = observes.get(id(test), ((), None))
                if not checked or (value is None and not any(id(r) in waiting for r in checked)):
                    continue
                cause = value or next(waiting[id(r)][2] for r in checked if id(r) in waiting)
                for r in checked:
                    if id(r) not in waiting:
                        waiting[id(r)] = (r, test, cause)
                        changed = True
        for test in tests:
            checked, _ = observes.get(id(test), ((), None))
            if checked and not any(id(r) in waiting for r in checked):
                follow[id(test)] = (test, checked[0])
        if waiting:
            joined[legacy_id] = list(waiting.values())
        coupled[:] = [m for m in coupled if id(m) not in follow] + [r for r, _, _ in waiting.values()]
    return follow, joined


def _may_send(value: _Occurrence, test: _Occurrence, checked, direct, observed, names) -> bool:
    """May ``test`` be checking ``value`` rather than the requests it imports?"""
    where = value.finding.path
    if where in direct:
        return True
    if not where.endswith((".py", ".pyi")) and observed.may_read(test.finding.path, where, None):
        return True
    # a selector (or compat code) is reached by what the test passes in, whatever name holds it
    bound = None if value.role in (*CODE_SELECTING, COMPAT) else names.get((where, value.finding.line))
    return any(observed.may_read(r.finding.path, where, bound) for r in {r.finding.path: r for r in checked}.values())


def follow_requests(decision: Decision, follow: dict) -> None:
    """The verdicts of the tests that follow their request (``tests_of_requests``)."""
    for test, request in follow.values():
        decision.verdicts[test.finding.identity] = Verdict(
            Applicability.SAFE,
            f"fix renames it with the request it checks ({_where(request.finding)}), in the same tier",
            follows=True,
        )


def plan_waiting_requests(decision: Decision, joined: dict) -> None:
    """Each request that waits with its test's group says why in that group's plan."""
    for legacy_id, waiting in joined.items():
        group = next((g for g in decision.plan if g.legacy_id == legacy_id), None)
        if group is None:
            continue
        for request, test, value in waiting:
            group.why.append(
                f"{_where(request.finding)}: {_where(test.finding)} may check this request or "
                f"{_where(value.finding)} ({ROLE_LABELS.get(value.role, value.role)}); renamed alone, the test would fail"
            )
