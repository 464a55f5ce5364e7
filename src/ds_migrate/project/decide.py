"""Decide, for the whole run, which legacy-name occurrences a tier may rename.

Real code couples occurrences: a default renamed while a comparison or a
table key it reaches keeps the old id changes what the program does. The
coupling follows the value, not the id string (SPEC section 4): a request's
own literal model is contained and couples with nothing; a bound value
(constant, default, config entry) couples with the selectors of its id that
its file can reach (``reach``: coupling.py); tests observe (observers.py).
A coupled group is renamed whole or not at all; the plan says why
(plan_advice.py).

Pure: no libcst, no IO. It sees findings (plain data) and returns verdicts
keyed by a finding's stable identity (path, offset, code).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ds_migrate.findings import Applicability, Finding
from ds_migrate.findings.wording import to_name
from ds_migrate.project.replies import answered_in_another_mode

from ds_migrate.project.verdicts import (  # noqa: F401  (the decision's vocabulary, re-exported)
    ALIAS,
    BOUND,
    CAPABILITY,
    CODE_SELECTING,
    COMPARISON,
    COMPAT,
    DOC,
    DYNAMIC,
    Decision,
    FOREIGN,
    GroupPlan,
    KEY,
    MAX_NAMED_SITES,
    MEMBER,
    OTHER,
    OUTSIDE,
    RECORDED,
    LIVE_REQUEST,
    REQUEST,
    ROLE_LABELS,
    SELECTING,
    TEST,
    VALUE,
    Verdict,
    _Occurrence,
    _blocker,
    _rule_applicability,
    _where,
    base_id,
    is_test_path,
    role_of,
)


def decide(
    findings: Iterable[Finding],
    renamable=lambda finding: True,
    target_of=None,
    present: dict | None = None,
    reach=None,
    answered: dict | None = None,
    observed=None,
    names: dict | None = None,
) -> Decision:
    """Verdicts for every legacy-name occurrence of the run.

    ``findings`` should include suppressed and unselected ones: they couple
    too. ``renamable(finding)`` says whether this run may rewrite its file
    (files found only to see the rest of the repository may not). Time is
    linear in the number of findings. ``target_of(legacy_id)`` is the id it
    becomes (two legacy ids with one target cannot both keep selecting);
    ``present`` maps each V4 id the scanned files already name to the files
    (or one file) naming it. ``reach(path)`` is the set of files a value
    bound in ``path`` can reach (coupling.py), or None: it may reach any.
    ``answered`` maps each V4 id that a request names as its own literal
    model to (file, the thinking mode that request sets or None).
    ``observed`` (the run's Reach: a test's direct imports, whether a module
    may read a value) and ``names`` (the names each (path, line) binds its
    value to) let a test of a request follow it (observers.py).

    Coupling follows the value (SPEC section 4): a request's own literal
    model is contained and couples with nothing; a bound value couples only
    with the selectors its file's value can reach; a test couples with the
    values it observes and the selectors it imports.
    """
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    probes: list[Finding] = []
    compat: dict[str, list[Finding]] = defaultdict(list)  # code that keeps a retired id on purpose
    kept: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if not finding.legacy_name:
            continue
        role = role_of(finding)
        if role == COMPAT:
            compat[base_id(finding.legacy_name)].append(finding)
        if role in OUTSIDE or _rule_applicability(finding) is Applicability.NONE:
            # files that name the id where it stays (a mocked reply, a report-only use)
            kept[base_id(finding.legacy_name)].add(finding.path)
        if role in OUTSIDE:
            continue
        if role == TEST and _is_case_probe(finding):
            probes.append(finding)  # a deliberately odd spelling tests case handling: test data
            continue
        groups[base_id(finding.legacy_name)].append(_Occurrence(finding, role, None))
    decision = Decision()
    for probe in probes:
        decision.verdicts[probe.identity] = Verdict(
            Applicability.NONE, "not renamed: a test spells it so on purpose (case handling); test data", stays=True
        )
    target_of = target_of or _default_target
    sees = _seer(reach)
    sharing: dict[str, list[str]] = defaultdict(list)
    for legacy_id in groups:
        sharing[target_of(legacy_id)].append(legacy_id)
    present = {k: [v] if isinstance(v, str) else list(v) for k, v in (present or {}).items()}
    # what the files name today, for the plan's advice: the targets added below
    # are what this run would write (a table is not "already given" its V4
    # entry because a request in its file gets renamed: a fourth fresh reader)
    named_today = {k: list(v) for k, v in present.items()}
    # a request's own literal model is contained: nothing observes it, so
    # the target this run writes there is no use a selector could match,
    # and the next run does not count it either (analyse/sorting.py leaves
    # such literals out of a file's current ids). Only where a file's kind
    # does not recognise its requests (a later run sees the V4 id as plain
    # text) does the run count what it writes, so that safe then unsafe
    # ends where unsafe alone does
    for legacy_id, members in groups.items():
        for m in members:
            if (
                m.role == REQUEST and not m.finding.path.lower().endswith(_KNOWS_ITS_REQUESTS) and not m.finding.contained
                and not is_test_path(m.finding.path) and _rule_applicability(m.finding) is not Applicability.NONE
            ):
                present.setdefault(target_of(legacy_id), []).append(m.finding.path)
                break
    coupled_groups: dict[str, list[_Occurrence]] = {}
    for legacy_id, members in groups.items():
        coupled = coupled_members(members, sees)
        if coupled:
            coupled_groups[legacy_id] = coupled
    from ds_migrate.project.observers import follow_requests, plan_waiting_requests, tests_of_requests

    follow, joined = tests_of_requests(groups, coupled_groups, compat, renamable, observed, names or {})
    for legacy_id, members in coupled_groups.items():
        for member in members:
            member.blocked = _blocker(member.finding, member.role, renamable)
        target = target_of(legacy_id)
        # a branch's input is of unknown origin (a caller's argument, a reply's
        # or a record's model): any value of the other id, or a V4 id bound
        # anywhere in code, may reach it, whatever the imports say; only a
        # request's own literal is contained (its reply: project/replies.py)
        merged = _merged_with(legacy_id, members, groups, sharing[target], target)
        if not merged:
            merged = _already_used(legacy_id, members, target, present, {f.path for f in compat.get(legacy_id, ())})
        if not merged:
            merged = answered_in_another_mode(legacy_id, members, groups, sharing[target], target, answered or {})
        if merged:
            members[0].blocked = members[0].blocked or merged
        # tables that also key another retired id becoming the same target: one V4 entry serves both
        shared = frozenset(
            m.finding.path for other in sharing[target] if other != legacy_id
            for m in groups.get(other, ()) if m.role == CAPABILITY
        )
        _decide_group(decision, legacy_id, members, target, named_today, shared)
    from ds_migrate.project.observers import tests_follow, tests_of_selectors, tests_stay_whole

    follow_requests(decision, follow)
    plan_waiting_requests(decision, joined)
    tests_of_selectors(decision, groups, coupled_groups, sharing, target_of, sees)
    tests_stay_whole(decision, groups, coupled_groups, renamable)
    tests_follow(decision, groups, coupled_groups, sees, kept)
    _tests_of_compat_code_stay(decision, groups, compat, sees)
    _tests_alone_wait(decision, groups, coupled_groups, sees, kept)
    _code_waits_for_its_tests(decision, groups, sees, renamable)
    for members in groups.values():
        for m in members:  # a test line that would be left half renamed, in no group: held alone
            if m.finding.hold and m.role == TEST and m.finding.identity not in decision.verdicts:
                decision.verdicts[m.finding.identity] = Verdict(Applicability.NONE, f"not renamed: {m.finding.hold}")
    return decision


# the kinds whose analysis tells a request's own literal model apart
# (python/contained.py, languages/javascript_requests.py, a notebook's cells)
_KNOWS_ITS_REQUESTS = (".py", ".pyi", ".ipynb", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")


def _code_waits_for_its_tests(decision: Decision, groups, sees, renamable) -> None:
    """With only some files named (pre-commit), a Python test that imports
    code naming the id checks what it sends; when the test is not among the
    files this run may rewrite, the code waits for it: renamed alone, it
    would break the test."""
    if renamable is None:
        return
    for members in groups.values():
        tests = [
            m for m in members
            if m.role == TEST and m.finding.path.endswith((".py", ".pyi")) and not renamable(m.finding)
            and not _own_test_data(m)
        ]
        if not tests:
            continue
        for c in members:
            if c.role not in (REQUEST, *BOUND) or is_test_path(c.finding.path) or not renamable(c.finding):
                continue
            held = decision.verdicts.get(c.finding.identity)
            if held is not None and held.applicability is Applicability.NONE:
                continue  # held for a reason of its group (a price table): that reason stands
            test = next((m for m in tests if sees(m.finding.path, c.finding.path)), None)
            if test is not None:
                decision.verdicts[c.finding.identity] = Verdict(
                    Applicability.NONE,
                    f"not renamed here: {_where(test.finding)} tests it and is not among the files named; "
                    "fix both in one run",
                )


def _tests_alone_wait(decision: Decision, groups, coupled_groups, sees, kept) -> None:
    """A use in a test file that follows no code the safe tier renames (a
    mock's input, a fixture, a request to a fake client) is test data: the
    safe tier leaves it, or it would part from the assertions and the code
    the test checks (seen on real projects). With --unsafe-fixes it goes,
    unless its test names the id somewhere that cannot be renamed."""
    for legacy_id, members in groups.items():
        held = {id(m) for m in coupled_groups.get(legacy_id, ())}
        code = [
            m for m in members
            if m.role in (REQUEST, *BOUND) and id(m) not in held and not is_test_path(m.finding.path)
        ]
        fixed_nowhere = kept.get(legacy_id, set())
        # a config file's value never renamed (two ids of its entries would merge):
        # code reads it (load_job(name).model) where no flow shows, and a test
        # asserting the id may check it through that code
        config_kept = next(
            (m for m in members if m.finding.merge_refused and m.finding.path.endswith(_CONFIG_SUFFIXES)), None
        )
        for m in members:
            if not is_test_path(m.finding.path) or m.finding.identity in decision.verdicts:
                continue
            if m.finding.role == LIVE_REQUEST:
                continue  # the test's own request to DeepSeek: contained, not test data
            if m.finding.path in fixed_nowhere and not m.finding.path.endswith((".py", ".pyi")):
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.NONE, "not renamed: test data; the same test names the id where it cannot be renamed"
                )
                continue
            if config_kept is not None and m.role == TEST and not any(sees(m.finding.path, c.finding.path) for c in code):
                # an assertion on a value read from that file, renamed alone, would fail
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.NONE,
                    f"not renamed: {_where(config_kept.finding)} keeps the id and code may read that file; a test of "
                    "the id may check it through that code: rename the test with what it checks",
                )
                continue
            if _rule_applicability(m.finding) is not Applicability.SAFE:
                continue
            python = m.finding.path.endswith((".py", ".pyi"))
            # outside Python a value may reach any file of its language: a test
            # that names the id where it cannot be renamed stays whole
            if (python or m.finding.path not in fixed_nowhere) and not _own_test_data(m) and any(
                sees(m.finding.path, c.finding.path) for c in code
            ):
                continue  # it feeds or checks code renamed with it
            if m.finding.path in fixed_nowhere:
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.NONE, "not renamed: test data; the same test names the id where it cannot be renamed"
                )
            else:
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.UNSAFE, "renamed only with --unsafe-fixes: test data, with no code renamed beside it"
                )


_CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg")


def _own_test_data(m: _Occurrence) -> bool:
    """A test's value it gives the code and asserts back (python/test_data.py):
    it checks no id the code holds, so renamed code does not carry it along."""
    return m.finding.own_test_data


def _tests_of_compat_code_stay(decision: Decision, groups, compat, sees) -> None:
    """A test whose data can reach code that keeps a retired id on purpose
    (a set of legacy ids the code treats apart) tests that code: renamed, it
    would test another path (SPEC section 4: tests of compat code stay).
    A test that follows code the safe tier renames in another file follows
    it instead (it asserts a default whose module also imports a price
    table given its V4 entry): left, it would fail."""
    for legacy_id, keepers in compat.items():
        members = groups.get(legacy_id, ())
        renamed = [
            c for c in members
            if c.role in (REQUEST, *BOUND) and not is_test_path(c.finding.path) and _renamed_safely(decision, c)
        ]
        for m in members:
            if m.role != TEST:
                continue
            verdict = decision.verdicts.get(m.finding.identity)
            if verdict is not None and verdict.follows and any(
                c.finding.path != m.finding.path and sees(m.finding.path, c.finding.path) for c in renamed
            ):
                continue
            keeper = next((k for k in keepers if _test_can_feed(m.finding.path, k.path) and sees(m.finding.path, k.path)), None)
            if keeper is not None:
                decision.verdicts[m.finding.identity] = Verdict(
                    Applicability.NONE,
                    f"not renamed: a test of compat code ({_where(keeper)} keeps '{legacy_id}' on purpose)",
                    stays=True,
                )


def _renamed_safely(decision: Decision, m: _Occurrence) -> bool:
    """Does the safe tier rename ``m`` (its rule's fix is safe, and no verdict lowers it)?"""
    verdict = decision.verdicts.get(m.finding.identity)
    return _rule_applicability(m.finding) is Applicability.SAFE and (
        verdict is None or verdict.applicability is Applicability.SAFE
    )


# File kinds a test's data can reach: code of its own family (a docs page
# that names both ids keeps nothing a test calls).
_FAMILIES = (
    (".py", ".pyi", ".ipynb"),
    (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"),
    (".java", ".kt", ".kts", ".scala", ".groovy"),
    (".go",), (".rs",), (".rb",), (".php",), (".cs",),
)


def _test_can_feed(test_path: str, keeper_path: str) -> bool:
    """May a test in ``test_path`` call the compat code in ``keeper_path``?
    Only code of the test's language family: prose (an .adoc page listing
    both ids) and config are not called by a test."""
    test, keeper = test_path.lower(), keeper_path.lower()
    family = next((f for f in _FAMILIES if test.endswith(f)), None)
    return family is None or keeper.endswith(family)


def _seer(reach):
    """``sees(a, b)``: may a value bound in file ``a`` reach file ``b``?"""
    if reach is None:
        return lambda a, b: True
    cache: dict[str, object] = {}

    def sees(a: str, b: str) -> bool:
        if a == b:
            return True
        if a not in cache:
            cache[a] = reach(a)
        reached = cache[a]
        return reached is None or b in reached

    return sees


# JS/TS files reach along their import graph (project/js_imports.py): a
# test's request there reaches only what it imports
_JS_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")


def _mocked_request(m: _Occurrence) -> bool:
    """A JS/TS test's request to a mock: held with what it observes (a
    fallback test keyed on the retired id). Elsewhere a value reaches every
    file of its language, so this would hold every test; Python tests have
    their own rules (``_tests_alone_wait``), and asking Python's import graph
    for every request of every test reads whole packages in this process (a
    litellm tree: minutes); a live test's request goes to the API."""
    return (
        m.role == REQUEST
        and m.finding.role != LIVE_REQUEST
        and m.finding.path.endswith(_JS_SUFFIXES)
        and is_test_path(m.finding.path)
    )


def coupled_members(members: list[_Occurrence], sees) -> list[_Occurrence]:
    """The occurrences of one id that are renamed whole or not at all: its
    selectors, the bound values that reach one of them, the tests that
    observe either, and the id's text. Empty when nothing selects."""
    selectors = [m for m in members if m.role in CODE_SELECTING]
    if not selectors:
        return []
    coupled = list(selectors)
    values = []
    for m in members:
        if m.role in BOUND and any(sees(m.finding.path, s.finding.path) for s in selectors):
            values.append(m)
    coupled += values
    for m in members:
        if m.role == DOC:
            coupled.append(m)
        elif (m.role == TEST or _mocked_request(m)) and (
            any(sees(v.finding.path, m.finding.path) for v in values)
            or any(sees(m.finding.path, s.finding.path) for s in selectors)
        ):
            coupled.append(m)
    return coupled + _checked_by_held_tests(members, coupled, sees)


def _checked_by_held_tests(members: list[_Occurrence], coupled: list[_Occurrence], sees) -> list[_Occurrence]:
    """The code values a held test imports, and the tests those reach, until
    nothing more joins: renamed alone, such a value fails the test that
    asserts it (``assert settings.MODEL == "deepseek-chat"``, held because a
    ``.env`` twin may reach a price table), and its request loses the mode
    the group would set with it (a fresh reader's first project)."""
    held = {id(m) for m in coupled}
    tests = [m for m in coupled if m.role == TEST and not _own_test_data(m)]
    joined: list[_Occurrence] = []
    while tests:
        values = [
            m for m in members
            if id(m) not in held and m.role in BOUND and not is_test_path(m.finding.path)
            and any(sees(t.finding.path, m.finding.path) for t in tests)
        ]
        held.update(id(m) for m in values)
        tests = [
            m for m in members
            if id(m) not in held and m.role == TEST and not _own_test_data(m)
            and any(sees(v.finding.path, m.finding.path) for v in values)
        ]
        held.update(id(m) for m in tests)
        joined += values + tests
    return joined


def _already_used(legacy_id, members, target: str, present: dict, compat_files=frozenset()) -> str | None:
    """A selector of ``legacy_id`` renamed to ``target`` would also match
    the V4 id the project's code already uses (its input may come from
    anywhere; a test's data, another provider's slug there, is no use).
    A file that names the V4 id beside the legacy one in compat code (the
    V4 entry the plan asked for, next to the legacy entry of a price table)
    does not count: else following the plan's advice held the group back
    again, now because of that entry (a fresh review of case 04)."""
    where = present.get(target)
    files = [where] if isinstance(where, str) else list(where or ())
    used = next((path for path in files if not is_test_path(path) and path not in compat_files), None)
    if used is None:
        return None
    chooser = next(m for m in members if m.role in CODE_SELECTING)
    return f"{_where(chooser.finding)} tells '{legacy_id}' apart, but '{target}' is already used (in {used})"


def _default_target(legacy_id: str) -> str:
    from ds_migrate.deepseek.mapping import Mapping

    return Mapping().replacement(legacy_id).model


def _merged_with(legacy_id, members, groups, sharing: list[str], target: str) -> str | None:
    """A use that tells ``legacy_id`` apart from everything else would, once
    renamed, also match another legacy id that becomes the same ``target``.
    A selector's input is often of unknown origin (a caller's argument): any
    bound use of the other id in code may reach it."""
    chooser = next(m for m in members if m.role in CODE_SELECTING)
    for other in sharing:
        if other == legacy_id:
            continue
        # a request's own literal is contained: it reaches no selector (and
        # the safe tier renames it, so counting it would make the tiers' order matter)
        seen = next((m for m in groups[other] if m.role not in (DOC, TEST, REQUEST)), None)
        if seen is not None:
            return (
                f"{_where(chooser.finding)} tells '{legacy_id}' apart, but '{other}' "
                f"(at {_where(seen.finding)}) becomes '{target}' too"
            )
    return None


def _is_case_probe(finding: Finding) -> bool:
    name = finding.legacy_name or ""
    return name != name.lower()


def _decide_group(
    decision: Decision, legacy_id: str, members: list[_Occurrence], target: str, present: dict, shared=frozenset()
) -> None:
    from ds_migrate.project.plan_advice import _distinct, advice

    blockers = [m.blocked for m in members if m.blocked]
    selecting = sorted({m.role for m in members if m.role in SELECTING})
    # the sites worth naming on every member: what selects or blocks first
    # (a few, plus a count, so a group of 10,000 costs linear time)
    notable = [m for m in members if m.role in SELECTING or m.blocked][: MAX_NAMED_SITES + 2]
    shown_default = [m for m in members[: MAX_NAMED_SITES + 2]]
    if blockers:
        head = f"not renamed: '{legacy_id}' selects behaviour elsewhere and cannot be renamed everywhere ({blockers[0]})"
        applicability = Applicability.NONE
    else:
        head = f"renamed only with --unsafe-fixes, together with every use of '{legacy_id}'"
        applicability = Applicability.UNSAFE
    total_notable = sum(1 for m in members if m.role in SELECTING or m.blocked)
    for member in members:
        note = head
        # the sites counted, less this member when it is one of them, named or not
        # (a sixth comparison is not among its own "N more")
        if notable:
            counted = total_notable - (1 if member.role in SELECTING or member.blocked else 0)
        else:
            counted = len(members) - 1
        others = _named_sites(member, notable or shown_default, counted)
        if others:
            note += f"; coupled with {others}"
        decision.verdicts[member.finding.identity] = Verdict(applicability, note, legacy_id)
    decision.plan.append(
        GroupPlan(
            legacy_id=legacy_id,
            renamed_with_unsafe_fixes=not blockers,
            # text that is never rewritten (history, a passage that would merge two ids)
            # is no site of the group: releasing the group leaves it as it is
            sites=sorted({(m.finding.path, m.finding.line, m.role) for m in members if not _text_left_as_is(m)}),
            why=_distinct(blockers) or [f"'{legacy_id}' is used as a {', '.join(ROLE_LABELS[r] for r in selecting)}"],
            decision=advice(legacy_id, members, bool(blockers), target, present, shared),
        )
    )


def _text_left_as_is(member: _Occurrence) -> bool:
    return member.role == DOC and member.finding.fix is None


def _named_sites(member: _Occurrence, candidates: list[_Occurrence], total_others: int) -> str:
    """The first few of ``candidates`` other than ``member``, then how many
    more of the ``total_others`` sites there are."""
    limit = len(to_name(range(total_others), MAX_NAMED_SITES)[0])
    others = [m for m in candidates if m is not member][:limit]
    shown = [f"{m.finding.path}:{m.finding.line} ({ROLE_LABELS.get(m.role, m.role)})" for m in others]
    more = total_others - len(others)
    if more > 0:
        shown.append(f"{more} more")
    return ", ".join(shown)
