"""The run's decision, from what the workers found in the files named and in
the repository's other files that name the same ids (pre-commit)."""

from __future__ import annotations

import os
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
    for r in (*outcome.results, *elsewhere):
        for current in r.current_ids:
            present.setdefault(current, []).append(r.path)
    unnamed = {r.path for r in elsewhere}
    folders = [p for p in paths if p != "-" and os.path.isdir(p)] or _folders_of_named(paths, outcome.cwd)
    decision = decide(
        mine + theirs,
        renamable=lambda finding: finding.path not in unnamed,
        target_of=options.mapping.target_of,
        present=present,
        reach=Reach([r.path for r in (*outcome.results, *elsewhere)], folders, file_filter),
    )
    decision.annotate(mine)
    return decision


def plan_to_show(outcome, options: Options) -> list:
    """The groups this run leaves for a person: those with a site it reports.
    A group whose every site is suppressed, not selected or in a file not
    named waits silently (it still holds what it couples, decide.py); one
    --unsafe-fixes renames is not left when the run has that flag."""
    reported = {f.group for r in outcome.results for f in r.findings if f.group}
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


def plan_names_the_requests(outcome, options: Options) -> None:
    """Each held-back group says at which request sites the mode goes: the
    requests the model flow found reading one of its values (issue 24)."""
    from ds_migrate.project.decide import VALUE
    from ds_migrate.deepseek.names import find_legacy_names

    for group in outcome.decision.plan:
        values = {(path, line) for path, line, role in group.sites if role == VALUE}
        if not values:
            continue
        sites = []
        for shown, hints in outcome.decision.flows.items():
            for line, hint in sorted(hints.items()):
                if values & set(hint.sources):
                    names = find_legacy_names(hint.model)
                    mode = options.mapping.replacement(names[0].base).mode if names else None
                    sites.append(f"{shown}:{line}" + (f" (thinking {mode})" if mode else ""))
        if sites:
            group.decision = group.decision.replace(
                "; then ", f"; the mode goes at the request: {', '.join(sorted(set(sites)))}; then ", 1
            )
