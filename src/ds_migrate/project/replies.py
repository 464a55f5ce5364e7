"""A branch on one retired id, renamed, must not start to match the replies
of requests that meant the other one.

A request's own literal model is contained: no code reads it (SPEC section
4). Its reply does: ``response.model`` names the id the request sent, and a
branch of unknown input (``if model == "deepseek-reasoner"`` in a renderer,
a badge, a usage report) may be fed that. Once chat and reasoner requests
both send ``deepseek-v4-flash``, a branch on the reasoner renamed to it
would match the chat replies too: two ids made one in a set of branches.

The requests say which they meant by their thinking mode, and every run
can read it: this run from the retired id each request is renamed from
(with the toggle its fix adds), a later run from the toggle written
there. So a renamed branch waits only where a request sends its target in
a mode other than its own id's; a request renamed from the same id (with
``--mapping deepseek-reasoner=deepseek-v4-pro``, the reasoner's own
requests) keeps what the branch matched, and the order of the tiers does
not matter.
"""

from __future__ import annotations

from ds_migrate.deepseek.mapping import LEGACY_MODES
from ds_migrate.project.verdicts import CODE_SELECTING, REQUEST, _where
from ds_migrate.findings.test_paths import is_test_path


def answered_in_another_mode(legacy_id, members, groups, sharing, target: str, answered: dict) -> str | None:
    """Why renaming the branches of ``legacy_id`` to ``target`` would make
    them match replies to requests meant otherwise, or None."""
    mine = LEGACY_MODES.get(legacy_id)
    if mine is None:
        return None
    chooser = next((m for m in members if m.role in CODE_SELECTING), None)
    if chooser is None:
        return None
    for path, mode in answered.get(target, ()):
        if mode is not None and mode != mine and not is_test_path(path):
            return _because(chooser, legacy_id, target, path, mode)
    for other in sharing:
        theirs = LEGACY_MODES.get(other)
        if other == legacy_id or theirs is None or theirs == mine:
            continue
        for m in groups.get(other, ()):
            if m.role == REQUEST and not is_test_path(m.finding.path) and _sets_its_mode(m.finding):
                return _because(chooser, legacy_id, target, m.finding.path, theirs)
    return None


def _sets_its_mode(finding) -> bool:
    """The request's fix renames it and writes its thinking mode: the next
    run reads that mode where the id was."""
    fix = finding.fix
    return fix is not None and len(fix.edits) > 1


def _because(chooser, legacy_id: str, target: str, path: str, mode: str) -> str:
    return (
        f"{_where(chooser.finding)} tells '{legacy_id}' apart, but {path} sends '{target}' with thinking {mode} "
        "(its replies name it too)"
    )
