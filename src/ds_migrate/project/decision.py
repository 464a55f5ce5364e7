"""The run's decision, from what the workers found in the files named and in
the repository's other files that name the same ids (pre-commit)."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ds_migrate.findings import FileResult
from ds_migrate.project.decide import Decision, decide

if TYPE_CHECKING:
    from ds_migrate.analyse import Options


def decide_for_run(
    outcome, options: Options, elsewhere: list[FileResult] = (), paths=(), file_filter=None
) -> Decision:
    """The whole run's decision, shown on every finding it concerns. A value
    couples only with what its module's imports let it reach (coupling.py)."""
    from ds_migrate.project.coupling import Reach

    mine = [f for r in outcome.results for f in (*r.findings, *r.suppressed, *r.unselected)]
    theirs = [f for r in elsewhere for f in (*r.findings, *r.suppressed, *r.unselected)]
    present: dict[str, list[str]] = {}
    answered: dict[str, list[tuple[str, str | None]]] = {}
    for r in (*outcome.results, *elsewhere):
        for current in r.current_ids:
            present.setdefault(current, []).append(r.path)
        for current, mode in r.contained_ids:
            answered.setdefault(current, []).append((r.path, mode))
    names: dict[tuple[str, int], set[str]] = {}  # the names a module binds its values to, by line
    for r in (*outcome.results, *elsewhere):
        for source in r.exports or ():
            names.setdefault((r.path, source.line), set()).add(source.name.rsplit(".", 1)[-1])
    unnamed = {r.path for r in elsewhere}
    folders = [p for p in paths if p != "-" and os.path.isdir(p)] or _folders_of_named(paths, outcome.cwd)
    reach = Reach([r.path for r in (*outcome.results, *elsewhere)], folders, file_filter)
    decision = decide(
        mine + theirs,
        renamable=lambda finding: finding.path not in unnamed,
        target_of=options.mapping.target_of,
        present=present,
        answered=answered,
        reach=reach,
        observed=reach,
        names=names,
    )
    decision.annotate(mine)
    return decision


def plan_to_show(outcome, options: Options) -> list:
    """The groups this run leaves for a person: those with a site it reports.
    A group whose every site is suppressed, not selected or in a file not
    named waits silently (it still holds what it couples, decide.py); one
    --unsafe-fixes renames is not left when the run has that flag. Text
    never rewritten (history) is no site of a group: scanning a changelog
    alone printed the whole project's plan (a sixth fresh reader)."""
    from ds_migrate.findings.roles import DOC

    reported = {
        f.group for r in outcome.results for f in r.findings if f.group and not (f.role == DOC and f.fix is None)
    }
    return [
        g for g in outcome.decision.plan
        if g.legacy_id in reported and not (g.renamed_with_unsafe_fixes and options.unsafe_fixes)
    ]


def _folders_of_named(paths, cwd: str) -> list[str]:
    """Where to look for a named file's importers: its repository, else its folder."""
    from ds_migrate.discover.elsewhere import repository_root

    named = [p for p in paths if p != "-"]
    if not named:
        return [cwd or "."]
    root = repository_root(named[0])
    return [root] if root else sorted({os.path.dirname(os.path.abspath(p)) for p in named})


def mark_safely_renamed_sources(outcome, found):
    """Hints whose every source the safe tier renames in this run (issue 24:
    the toggle at the request then goes in the same tier as the rename)."""
    from dataclasses import replace

    from ds_migrate.findings import Applicability

    safe, held = set(), set()
    for result in outcome.results:
        for finding in (*result.findings, *result.suppressed, *result.unselected):
            if not finding.legacy_name:
                continue
            sure = not finding.suppressed and finding.fix is not None and finding.fix.applicability is Applicability.SAFE
            (safe if sure else held).add((result.path, finding.line))
    out = []
    for path, shown, hints in found:
        hints = {
            line: replace(hint, renamed_safely=True)
            if hint.mode and hint.sources and all(s in safe and s not in held for s in hint.sources)
            else hint
            for line, hint in hints.items()
        }
        out.append((path, shown, hints))
    return out


def values_wait_for_their_mode(outcome, found) -> None:
    """A value the safe tier would rename, whose request gets its mode only
    with --unsafe-fixes (another source of the same value is held back: the
    ``.env`` line that sets the same variable), goes to that tier with the
    toggle. Renamed alone, the request would think by default after the safe
    tier, and a later --unsafe-fixes would find two ids reaching it and no
    toggle to add (issue 24: no silent mode loss; safe then unsafe ends where
    unsafe does). The tests that follow such a value go with it."""
    from ds_migrate.findings import Applicability
    from ds_migrate.project.flow.resolve import MIXED_MODES, REJECTED_WHEN_THINKING
    from ds_migrate.project.verdicts import Verdict, base_id

    waiting: dict[tuple[str, int], str] = {}  # source -> the request it waits for
    rejected: dict[tuple[str, int], str] = {}  # source -> why its request refuses the rename
    for _, shown, hints in found:
        for line, hint in hints.items():
            if hint.why_not and hint.why_not.startswith(REJECTED_WHEN_THINKING):
                code = hint.why_not.rsplit("(", 1)[-1].rstrip(")")
                for source in hint.sources:
                    rejected.setdefault(source, f"its request at {shown}:{line}, which thinking would fail ({code})")
            elif hint.why_not and hint.why_not.startswith(MIXED_MODES):
                ids = hint.why_not.split(": ", 1)[-1]
                for source in hint.sources:
                    rejected.setdefault(
                        source, f"{ids} reach its request at {shown}:{line}, each with its own thinking mode"
                    )
            elif hint.mode and (not hint.renamed_safely or hint.toggle_unsafe):
                why = (
                    "its form there is an unsafe fix" if hint.renamed_safely
                    else "another source of the value that request reads is held back"
                )
                for source in hint.sources:
                    waiting.setdefault(source, f"{shown}:{line} ({why})")
    if not waiting and not rejected:
        return
    verdicts = outcome.decision.verdicts
    lowered: set[str] = set()  # the ids of the values that now wait
    changed = []
    planned: dict[str, list[tuple[str, int, str]]] = {}  # legacy id -> (path, line, why) held here
    for result in outcome.results:
        uses = (*result.findings, *result.suppressed, *result.unselected)
        for finding in uses:
            where = (result.path, finding.line)
            if not finding.legacy_name or finding.fix_applicability is Applicability.NONE:
                continue
            old = verdicts.get(finding.identity)
            if where in rejected:
                # no fix may make a request the review rules flag as a guaranteed 400
                group = old.group if old is not None and old.group else base_id(finding.legacy_name)
                verdict = Verdict(Applicability.NONE, f"not renamed: {rejected[where]}", group)
                planned.setdefault(group, []).append((result.path, finding.line, rejected[where]))
            elif where in waiting and finding.fix_applicability is Applicability.SAFE:
                verdict = Verdict(
                    Applicability.UNSAFE,
                    f"renamed only with --unsafe-fixes, together with the thinking mode at {waiting[where]}",
                    old.group if old is not None else None,
                )
            else:
                continue
            verdicts[finding.identity] = verdict
            lowered.add(base_id(finding.legacy_name))
            changed.append(result)
    _plan_the_held_requests(outcome.decision, planned)
    if not lowered:
        return
    for result in outcome.results:  # a test renamed with such a value follows it into the unsafe tier
        for finding in (*result.findings, *result.suppressed, *result.unselected):
            old = verdicts.get(finding.identity)
            if old is not None and old.follows and finding.legacy_name and base_id(finding.legacy_name) in lowered:
                verdicts[finding.identity] = Verdict(Applicability.UNSAFE, old.note, old.group, follows=True)
                changed.append(result)
    for result in {id(r): r for r in changed}.values():
        outcome.decision.annotate((*result.findings, *result.suppressed, *result.unselected))


def _plan_the_held_requests(decision, planned: dict) -> None:
    """A plan entry for each id whose values wait for their request (two ids
    of different modes reach it, or thinking would fail it): the values, why,
    and what to decide. Without one, scan and fix sent the user back and forth
    with nothing to do (a fifth fresh reader)."""
    from ds_migrate.project.verdicts import VALUE, GroupPlan

    for legacy_id, held in planned.items():
        sites = [(path, line, VALUE) for path, line, _ in held]
        why = list(dict.fromkeys(f"{path}:{line}: {reason}" for path, line, reason in held))
        group = next((g for g in decision.plan if g.legacy_id == legacy_id), None)
        if group is not None:
            group.sites += [site for site in sites if site not in group.sites]
            group.why += [reason for reason in why if reason not in group.why]
            continue
        decision.plan.append(GroupPlan(legacy_id, False, sites, why, (
            "give each deployment its mode where the request is made (a setting beside the model, such as "
            "MODEL_THINKING, read into the request's thinking toggle), or let these values name one retired id; "
            "then run fix again"
        )))


def plan_names_the_requests(outcome, options: Options) -> None:
    """Each held-back group says at which request sites the mode goes: the
    requests the model flow found reading one of its values (issue 24). A
    request that already sets its mode is not named, and when every request
    found reading the values sets it, the step asking for it goes too (a
    fresh review, S7: the plan kept asking for a toggle the unsafe tier had
    added)."""
    from ds_migrate.project.decide import VALUE
    from ds_migrate.project.plan_advice import SET_MODE_STEP
    from ds_migrate.deepseek.names import find_legacy_names
    from ds_migrate.project.flow.resolve import THROUGH_A_PARAMETER

    for group in outcome.decision.plan:
        values = {(path, line) for path, line, role in group.sites if role == VALUE}
        if not values:
            continue
        sites = []
        reading = [
            hint for hints in outcome.decision.flows.values() for hint in hints.values() if values & set(hint.sources)
        ]
        if reading and all(hint.sets_mode for hint in reading):
            group.decision = re.sub(re.escape(SET_MODE_STEP) + r"\([^;]*\); ", "", group.decision, count=1)
        for shown, hints in outcome.decision.flows.items():
            for line, hint in sorted(hints.items()):
                if values & set(hint.sources) and not hint.sets_mode:
                    # this group's id decides the mode its values want (the hint may name
                    # the other id that reaches the same request: a fifth fresh reader)
                    names = find_legacy_names(group.legacy_id) or find_legacy_names(hint.model)
                    mode = options.mapping.replacement(names[0].base).mode if names else None
                    if mode and (hint.why_not or "").startswith(THROUGH_A_PARAMETER):
                        mode += ", unless its caller passes another model"  # complete(model=None)
                    sites.append(f"{shown}:{line}" + (f" (thinking {mode})" if mode else ""))
        if sites:
            group.decision = group.decision.replace(
                "; then ", f"; the mode goes at the request: {', '.join(sorted(set(sites)))}; then ", 1
            )
