"""The parent's steps once every file is analysed: decide for the whole run
(decide.py), follow each model to the requests that read it in other
modules (ds_migrate/project/flow/), fix again the files where the run decided less
than each file alone, and write. Workers never see the other files; these
steps are where the project as a whole is seen."""

from __future__ import annotations

import os

from ds_migrate import pipeline
from ds_migrate.project.decide import Decision, decide
from ds_migrate.discover.listing import FileFilter
from ds_migrate.analyse import Options
from ds_migrate.findings import FileError, FileResult


def coupled_elsewhere(paths, outcome: "pipeline.Run", options: Options, file_filter: FileFilter, cwd: str) -> list[FileResult]:
    """With only files named (pre-commit), the results of the repository's
    other files that name the same ids: they take part in the decision, and
    are neither reported nor rewritten."""
    if not paths or any(p == "-" or os.path.isdir(p) for p in paths):
        return []
    from ds_migrate.project.decide import base_id
    from ds_migrate.discover.elsewhere import files_naming

    ids = {
        base_id(f.legacy_name)
        for r in outcome.results
        for f in (*r.findings, *r.suppressed, *r.unselected)
        if f.legacy_name
    }
    results = []
    for path in files_naming(ids, list(paths), file_filter):
        processed, _ = pipeline._process_path(path, pipeline.display_path(path, cwd), options, False)
        results.append(processed.result)
    return results


def decide_for_run(
    outcome: "pipeline.Run", options: Options, elsewhere: list[FileResult] = (), paths=(), file_filter=None
) -> Decision:
    """The whole run's decision, shown on every finding it concerns. A value
    couples only with what its module's imports let it reach (coupling.py)."""
    from ds_migrate.coupling import Reach

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


def stdin_run(name: str, data: bytes, options: Options, want_fix: bool, file_filter: FileFilter | None = None):
    """Standard input named ``name`` (``--stdin-filename``): decided with the
    rest of its repository, as ``fix name`` would be, so an editor applies
    what a run over the tree applies. The text read stands for the file."""
    from ds_migrate.analyse import process_file

    processed = process_file(name, data, options, want_fix)
    run = pipeline.Run(results=[processed.result], processed=[processed], cwd=os.getcwd())
    if name == "-":
        return run, processed
    elsewhere = coupled_elsewhere([name], run, options, file_filter or FileFilter(), run.cwd)
    if not elsewhere:
        return run, processed
    run.decision = decide_for_run(run, options, elsewhere, [name], file_filter)
    run.plan = [g for g in run.decision.plan if not (g.renamed_with_unsafe_fixes and options.unsafe_fixes)]
    if want_fix:
        processed = process_file(name, data, options, want_fix, run.decision.for_paths({processed.result.path}))
        run.processed, run.results = [processed], [processed.result]
    return run, processed


def _folders_of_named(paths, cwd: str) -> list[str]:
    """Where to look for a named file's importers: its repository, else its folder."""
    from ds_migrate.discover.elsewhere import repository_root

    named = [p for p in paths if p != "-"]
    if not named:
        return [cwd or "."]
    root = repository_root(named[0])
    return [root] if root else sorted({os.path.dirname(os.path.abspath(p)) for p in named})


def follow_models(outcome: "pipeline.Run", originals: list, options: Options, want_fix: bool, paths, file_filter) -> None:
    """Requests whose model another module holds (ds_migrate/project/flow/): their files
    are analysed again, whole, with the hints, so DSM201 names where the
    model comes from (and offers the toggle where that is certain). A file
    that never mentions DeepSeek was counted clean; it is not any more."""
    if not outcome.paths:
        return  # every file clean: no module holds a model (and no import of flow/)
    from ds_migrate.project.flow import trace

    found = trace(outcome, paths, file_filter)
    if not found:
        return
    found = _mark_safely_renamed_sources(outcome, found)
    outcome.decision.flows = {shown: hints for _, shown, hints in found}
    _plan_names_the_requests(outcome, options)
    at = {result.path: i for i, result in enumerate(outcome.results)}
    for path, shown, _ in found:
        processed, data = pipeline._process_path(path, shown, options, want_fix, outcome.decision.for_paths({shown}))
        if shown in at:
            i = at[shown]
            outcome.processed[i], outcome.results[i], originals[i] = processed, processed.result, data
            continue
        _uncount_clean(outcome, path, shown)
        outcome.paths.append(path)
        outcome.processed.append(processed)
        outcome.results.append(processed.result)
        originals.append(data)


def _mark_safely_renamed_sources(outcome: "pipeline.Run", found):
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


def _plan_names_the_requests(outcome: "pipeline.Run", options: Options) -> None:
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


def _uncount_clean(outcome: "pipeline.Run", path: str, shown: str) -> None:
    if shown in outcome.clean:
        outcome.clean.remove(shown)
    elif path in outcome.clean_unread:
        outcome.clean_unread.remove(path)
    elif outcome.discovery.clean:
        outcome.discovery.clean -= 1
        outcome.discovery.files.append(path)


def redo_where_decided_otherwise(outcome: "pipeline.Run", originals: list, options: Options, jobs: int, pools: list) -> None:
    """Each file was fixed as if it stood alone; where the whole run decided
    less may change, fix it again under the run's decision."""
    redo = []
    for i, processed in enumerate(outcome.processed):
        wanted = {f.identity for f in processed.result.findings if f.fix is not None and options.may_apply(f)}
        if wanted != {f.identity for f in processed.applied}:
            redo.append(i)
    if not redo:
        return
    decision = outcome.decision.for_paths({outcome.processed[i].result.path for i in redo})
    files = [(outcome.paths[i], outcome.processed[i].result.path) for i in redo]
    if jobs > 1 and pools and len(files) >= pipeline.PARALLEL_THRESHOLD:
        size = max(1, min(pipeline.BATCH_SIZE, len(files) // (jobs * 4)))
        batches = [(files[i : i + size], options, True, decision) for i in range(0, len(files), size)]
        again = [item for batch in pools[0].map(pipeline._worker, batches) for item in batch]
    else:
        again = [pipeline._process_path(path, shown, options, True, decision) for path, shown in files]
    for i, item in zip(redo, again):
        if item is None:  # the file no longer mentions DeepSeek: changed on disk since
            outcome.processed[i].fixed_data = outcome.processed[i].fixed_text = None
            outcome.processed[i].applied = []
            continue
        processed, data = item
        outcome.processed[i] = processed
        outcome.results[i] = processed.result
        originals[i] = data


def write(outcome: "pipeline.Run", originals: list) -> None:
    from ds_migrate.apply.writer import FileChangedError, write_atomically

    for path, processed, data in zip(outcome.paths, outcome.processed, originals):
        if processed.fixed_data is None or data is None:
            continue
        try:
            write_atomically(path, processed.fixed_data, data)
            outcome.written.append(processed.result.path)
        except FileChangedError as error:
            processed.result.errors.append(FileError(processed.result.path, str(error)))
            processed.applied = []
        except OSError as error:
            processed.result.errors.append(
                FileError(processed.result.path, f"cannot write: {error.strerror or error}; file left as it was")
            )
            processed.applied = []
