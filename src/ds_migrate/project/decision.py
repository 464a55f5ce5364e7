"""The run's decision, from what the workers found in the files named and in
the repository's other files that name the same ids (pre-commit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ds_migrate.findings import FileResult
from ds_migrate.project.decide import Decision, decide

if TYPE_CHECKING:
    from ds_migrate.analyse import Options


def decide_for_run(outcome, options: Options, elsewhere: list[FileResult] = ()) -> Decision:
    """The whole run's decision, shown on every finding it concerns."""
    mine = [f for r in outcome.results for f in (*r.findings, *r.suppressed, *r.unselected)]
    theirs = [f for r in elsewhere for f in (*r.findings, *r.suppressed, *r.unselected)]
    present = {current: r.path for r in (*outcome.results, *elsewhere) for current in r.current_ids}
    unnamed = {r.path for r in elsewhere}
    decision = decide(
        mine + theirs,
        renamable=lambda finding: finding.path not in unnamed,
        target_of=options.mapping.target_of,
        present=present,
    )
    decision.annotate(mine)
    return decision
