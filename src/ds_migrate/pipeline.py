"""The pipeline of one run, top-down: discover the files (discover/), analyse
each in a worker (analyse/), decide for the whole project (project/), apply
and write (apply/); the reports (report/) read the ``Run`` it returns.

This is the only module with a process pool: every step that analyses files
(again) lives here, beside it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from ds_migrate.analyse import Options, Preload, Processed, process_file, run_with_deep_stack
from ds_migrate.discover import ripgrep
from ds_migrate.discover.listing import Discovery, FileFilter, discover, display_path
from ds_migrate.findings import FileError, FileResult
from ds_migrate.project.decide import Decision, GroupPlan
from ds_migrate.project.decision import plan_to_show

# Below this many files that need parsing, a process pool costs more than it saves.
PARALLEL_THRESHOLD = 16
# Nor below this many bytes of them, unless discovery already forked the
# workers: each worker imports libcst (about 0.15 s of CPU), which is more
# than parsing a few hundred KB in this process saves (about 0.5 us a byte).
PARALLEL_BYTES = 512 * 1024
BATCH_SIZE = 512  # files per task sent to a worker


@dataclass
class Run:
    results: list[FileResult] = field(default_factory=list)
    processed: list[Processed] = field(default_factory=list)
    discovery: Discovery = field(default_factory=Discovery)
    written: list[str] = field(default_factory=list)
    decision: Decision = field(default_factory=Decision)  # the whole run's (decide.py)
    plan: list[GroupPlan] = field(default_factory=list)  # groups this run leaves for a person
    paths: list[str] = field(default_factory=list)  # on disk, parallel to ``processed``
    # scanned files with nothing to say (on a big tree, nearly all of them):
    # kept as display paths only
    clean: list[str] = field(default_factory=list)
    # the same for the files ripgrep found clean: their paths as discovered
    # (the strings discovery already holds), shown relative to ``cwd`` only
    # when a report lists them
    clean_unread: list[str] = field(default_factory=list)
    cwd: str = ""
    files_as_text: int = 0  # scanned files of a kind no handler parses
    # what was asked, when discovery only counted the clean files (``discovery.clean``)
    listed: tuple[list[str], FileFilter] | None = None
    # gitignored files that name a retired id, not scanned (ignored.py)
    ignored_naming_retired: list[str] = field(default_factory=list)
    # with only files named: the repository's other files that name a retired
    # id, (path on disk, result); context for the decision and the model flow,
    # neither reported nor rewritten
    context: list[tuple[str, FileResult]] = field(default_factory=list)

    @property
    def files_scanned(self) -> int:
        return (
            sum(1 for r in self.results if r.skipped is None)
            + len(self.clean)
            + len(self.clean_unread)
            + self.discovery.clean
        )

    def clean_paths(self) -> list[str]:
        """Display paths of every scanned file with nothing to say."""
        paths = self.clean + [display_path(path, self.cwd or None) for path in self.clean_unread]
        if self.discovery.clean and self.listed is not None:
            # counted, not kept: list them again for the one report that names them
            read = set(self.discovery.files)
            again = discover(*self.listed).files
            paths += [display_path(path, self.cwd or None) for path in again if path not in read]
        return paths

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]

    @property
    def suppressed(self):
        return [f for r in self.results for f in r.suppressed]

    @property
    def errors(self) -> list[FileError]:
        return [e for r in self.results for e in r.errors]

    @property
    def skipped(self) -> list[tuple[str, str]]:
        own = [(r.path, r.skipped) for r in self.results if r.skipped]
        return self.discovery.skipped + own


def _process_path(
    path: str, shown: str, options: Options, want_fix: bool, decision: Decision | None = None
) -> tuple[Processed, bytes | None]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        result = FileResult(shown)
        result.errors.append(FileError(shown, f"cannot read: {error.strerror or error}"))
        return Processed(result), None
    try:
        processed = process_file(shown, data, options, want_fix, decision)
    except Exception as error:  # a bug of ours on one file must not stop the run (SPEC section 7)
        processed = _searched_after_a_bug(shown, data, options, error)
    # keep the bytes only where a write may compare them with the disk: the
    # run's decision may fix a file its own analysis left alone
    may_write = processed.fixed_data is not None or (
        want_fix and any(f.fix is not None and f.fix.text_edit is not None for f in processed.result.findings)
    )
    return processed, (data if may_write else None)


def _searched_after_a_bug(shown: str, data: bytes, options: Options, error: Exception) -> Processed:
    """The file an analysis crashed on: reported as an internal error, its
    names found as text, nothing written; the other files go on."""
    from ds_migrate.analyse.reading import TextOnly
    from ds_migrate.analyse.sorting import search_as_text

    result = FileResult(shown)
    text = data.decode("utf-8", "replace")
    problem = f"internal error while analysing it ({type(error).__name__}: {error}); please report it"
    search_as_text(result, TextOnly(problem, text, "the analysis of this file failed"), options)
    return Processed(result)


def _detached(item: tuple[Processed, bytes | None]) -> tuple[Processed, bytes | None]:
    """Drop syntax-tree references so the result can cross a process boundary."""
    processed, data = item
    for finding in processed.result.findings + processed.result.suppressed:
        if finding.fix is not None:
            finding.fix.edits = []
    for finding in processed.applied:
        if finding.fix is not None:
            finding.fix.edits = []
    processed.module = None
    processed.original = None
    processed.ancestry = None
    processed.plan = None
    return processed, data


def _exit_with_parent() -> None:
    """Worker initializer: a worker whose parent was killed exits instead of lingering."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="ds-migrate-parent-watch").start()


def start_workers(jobs: int):
    """A pool of ``jobs`` worker processes (imported here: a run that parses
    few files never needs multiprocessing)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_exit_with_parent)


def _is_clean(processed: Processed) -> bool:
    result = processed.result
    return not (result.findings or result.suppressed or result.errors or result.skipped or processed.text)


def _worker(batch: tuple) -> list[tuple[Processed, bytes | None] | None]:
    """One batch of files in a worker process (options cross the boundary once).

    A file with nothing to say comes back as None, to keep the traffic small.
    """
    files, options, want_fix, *rest = batch
    decision = rest[0] if rest else None
    out: list[tuple[Processed, bytes | None] | None] = []

    def work() -> None:
        for path, shown in files:
            processed, data = _process_path(path, shown, options, want_fix, decision)
            out.append(None if _is_clean(processed) else _detached((processed, data)))

    # one deep-stack thread for the batch, not one per file
    run_with_deep_stack(work)
    return out


def follow_models_in(jobs: int, pools: list):
    """How the model flow reads the files it may reach (project/flow/):
    in the run's worker pool when it has one, so that this process never
    parses source; in this process when the run was too small for a pool."""
    from ds_migrate.project.flow import follow_here

    if jobs <= 1 or not pools:
        return follow_here

    def follow(tasks, index, names_of, env):
        # the index crosses once per batch; what a worker reads for one
        # file of its batch (a module no worker analysed) it keeps for the next.
        # Submitted now, read as the caller iterates: the caller goes on
        # (searching for importers) while the workers read.
        size = max(1, -(-len(tasks) // (jobs * 4)))
        batches = [(tasks[i : i + size], index, names_of, env) for i in range(0, len(tasks), size)]
        return (hints for batch in pools[0].map(_follow_worker, batches) for hints in batch)

    return follow


def js_facts_in(jobs: int, pools: list):
    """How the JS model flow reads the modules no worker read (files that
    import a module holding a model id, and never mention DeepSeek): their
    facts, parsed in the run's worker pool when it has one."""
    if jobs <= 1 or not pools:
        return _js_facts

    def read(paths):
        size = max(1, -(-len(paths) // (jobs * 4)))
        batches = [paths[i : i + size] for i in range(0, len(paths), size)]
        return [facts for batch in pools[0].map(_js_facts, batches) for facts in batch]

    return read


def _js_facts(paths: list[str]) -> list:
    from ds_migrate.languages.javascript import module_facts

    return [module_facts(path) for path in paths]


def _follow_worker(batch: tuple) -> list:
    from ds_migrate.project.flow import follow_here

    out: list = []
    run_with_deep_stack(lambda: out.extend(follow_here(*batch)))
    return out


def analyse_again(files: list[tuple[str, str]], options: Options, want_fix: bool, decision, jobs: int, pools: list):
    """(Processed, bytes) of each of ``files`` analysed again under the
    run's ``decision``: in the worker pool when the run has one."""
    if jobs > 1 and pools:
        size = max(1, min(BATCH_SIZE, -(-len(files) // (jobs * 4))))
        batches = [(files[i : i + size], options, want_fix, decision) for i in range(0, len(files), size)]
        return [item for batch in pools[0].map(_again_worker, batches) for item in batch]
    return [_process_path(path, shown, options, want_fix, decision) for path, shown in files]


def _again_worker(batch: tuple) -> list[tuple[Processed, bytes | None]]:
    """As ``_worker``, keeping clean results (the caller replaces what it had)."""
    files, options, want_fix, decision = batch
    out: list = []

    def work() -> None:
        for path, shown in files:
            out.append(_detached(_process_path(path, shown, options, want_fix, decision)))

    run_with_deep_stack(work)
    return out


def _bytes_at_least(tasks: list[tuple], limit: int) -> bool:
    """Do the files of ``tasks`` hold at least ``limit`` bytes together?"""
    total = 0
    for path, *_ in tasks:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
        if total >= limit:
            return True
    return False


def _count_as_text(files: list[str], results: list[FileResult]) -> int:
    """How many of ``files`` are searched as plain text (binary ones skipped)."""
    from ds_migrate.languages import searched_as_text

    count = sum(1 for path in files if searched_as_text(path))
    if count:
        count -= sum(1 for r in results if r.skipped and searched_as_text(r.path))
    return count


# The parent's steps once every file is analysed: files elsewhere that take part
# in the decision, the model flow across modules, and the files fixed again
# under the run's decision. Each analyses files again, so each lives beside the pool.


def coupled_elsewhere(paths, outcome: Run, options: Options, file_filter: FileFilter, cwd: str) -> list[FileResult]:
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
    if any(r.reads_model for r in outcome.results):
        # a request whose model is a name: the settings module that holds it
        # may be unnamed, and the model flow must see it as a run over the
        # tree does (a file's findings do not depend on what else is named)
        from ds_migrate.deepseek.names import LEGACY_BASE_NAMES

        ids |= set(LEGACY_BASE_NAMES)
    outcome.context = []
    for path in files_naming(ids, list(paths), file_filter):
        processed, _ = _process_path(path, display_path(path, cwd), options, False)
        outcome.context.append((path, processed.result))
    return [result for _, result in outcome.context]


def stdin_run(name: str, data: bytes, options: Options, want_fix: bool, file_filter: FileFilter | None = None):
    """Standard input named ``name`` (``--stdin-filename``): decided with the
    rest of its repository, as ``fix name`` would be, so an editor applies
    what a run over the tree applies. The text read stands for the file."""
    from ds_migrate.analyse import process_file

    processed = process_file(name, data, options, want_fix)
    run = Run(results=[processed.result], processed=[processed], cwd=os.getcwd())
    if name == "-":
        return run, processed
    elsewhere = coupled_elsewhere([name], run, options, file_filter or FileFilter(), run.cwd)
    if not elsewhere:
        return run, processed
    from ds_migrate.project.decision import decide_for_run

    run.decision = decide_for_run(run, options, elsewhere, [name], file_filter)
    if want_fix:
        processed = process_file(name, data, options, want_fix, run.decision.for_paths({processed.result.path}))
        run.processed, run.results = [processed], [processed.result]
    run.plan = plan_to_show(run, options)
    return run, processed


def follow_models(
    outcome: Run, originals: list, options: Options, want_fix: bool, paths, file_filter, jobs: int = 1, pools=()
) -> None:
    """Requests whose model another module holds (project/flow/): their files
    are analysed again, whole, with the hints, so DSM201 names where the
    model comes from (and offers the toggle where that is certain). A file
    that never mentions DeepSeek was counted clean; it is not any more."""
    if not outcome.paths:
        return  # every file clean: no module holds a model (and no import of flow/)
    from ds_migrate.project.flow import trace
    from ds_migrate.project.js_flow import js_trace

    found = trace(outcome, paths, file_filter, follow_models_in(jobs, list(pools)))
    found += js_trace(outcome, paths, file_filter, js_facts_in(jobs, list(pools)))
    if not found:
        return
    from ds_migrate.project.decision import mark_safely_renamed_sources, plan_names_the_requests, values_wait_for_their_mode

    found = mark_safely_renamed_sources(outcome, found)
    values_wait_for_their_mode(outcome, found)
    outcome.decision.flows = {shown: hints for _, shown, hints in found}
    plan_names_the_requests(outcome, options)
    at = {result.path: i for i, result in enumerate(outcome.results)}
    files = [(path, shown) for path, shown, _ in found]
    decision = outcome.decision.for_paths({shown for _, shown in files})
    again = analyse_again(files, options, want_fix, decision, jobs, list(pools))
    for (path, shown, _), (processed, data) in zip(found, again):
        # new findings: the run's decision shows on them whether or not this
        # run fixes (a scan offered fixes the decision holds back, issue 24)
        result = processed.result
        outcome.decision.annotate((*result.findings, *result.suppressed, *result.unselected))
        if shown in at:
            i = at[shown]
            outcome.processed[i], outcome.results[i], originals[i] = processed, processed.result, data
            continue
        _uncount_clean(outcome, path, shown)
        outcome.paths.append(path)
        outcome.processed.append(processed)
        outcome.results.append(processed.result)
        originals.append(data)


def _uncount_clean(outcome: Run, path: str, shown: str) -> None:
    if shown in outcome.clean:
        outcome.clean.remove(shown)
    elif path in outcome.clean_unread:
        outcome.clean_unread.remove(path)
    elif outcome.discovery.clean:
        outcome.discovery.clean -= 1
        outcome.discovery.files.append(path)


def _fixed_by_edits(processed: Processed, chosen: list, original: bytes | None) -> bool:
    """Apply ``chosen`` to the file's text from their text edits; False when
    that cannot stand for a new analysis (an edit missing, or two touching)."""
    if not chosen:
        processed.fixed_text = processed.fixed_data = None
        processed.applied = []
        return True
    if processed.text is None or original is None or any(f.fix.text_edit is None for f in chosen):
        return False
    from ds_migrate.apply.edits import apply_separate_edits

    new_text = apply_separate_edits(processed.text, [f.fix.text_edit for f in chosen])
    if new_text is None:
        return False
    if new_text == processed.text:
        processed.fixed_text = processed.fixed_data = None
        processed.applied = []
        return True
    try:
        if _problem_with(processed.result.path, new_text, processed.text):
            return False
        new_data = new_text.encode(processed.encoding)
    except Exception:  # noqa: BLE001  (a syntax or encoding error: the new analysis reports it)
        return False
    processed.fixed_text, processed.fixed_data, processed.applied = new_text, new_data, chosen
    return True


def _problem_with(path: str, new_text: str, old_text: str) -> str | None:
    """Why ``new_text`` is not a valid file of ``path``'s kind (Python raises)."""
    from ds_migrate.languages import handler_for, is_python

    handler = handler_for(path)
    if handler is not None:
        return handler.problem_with(new_text, path)
    if is_python(path, old_text[:100].encode("utf-8", "replace")):
        from ds_migrate.analyse import verify_python

        verify_python(new_text, old_text)
    return None


def redo_where_decided_otherwise(outcome: Run, originals: list, options: Options, jobs: int, pools: list) -> None:
    """Each file was fixed as if it stood alone; where the whole run decided
    otherwise, apply the fixes it chose as text edits (apply/edits.py), and
    analyse again only the files whose chosen fixes touch each other."""
    redo = []
    for i, processed in enumerate(outcome.processed):
        wanted = [f for f in processed.result.findings if f.fix is not None and options.may_apply(f)]
        if {f.identity for f in wanted} == {f.identity for f in processed.applied}:
            continue
        if not _fixed_by_edits(processed, wanted, originals[i]):
            redo.append(i)
    if not redo:
        return
    decision = outcome.decision.for_paths({outcome.processed[i].result.path for i in redo})
    files = [(outcome.paths[i], outcome.processed[i].result.path) for i in redo]
    if jobs > 1 and pools and len(files) >= PARALLEL_THRESHOLD:
        size = max(1, min(BATCH_SIZE, len(files) // (jobs * 4)))
        batches = [(files[i : i + size], options, True, decision) for i in range(0, len(files), size)]
        again = [item for batch in pools[0].map(_worker, batches) for item in batch]
    else:
        again = [_process_path(path, shown, options, True, decision) for path, shown in files]
    for i, item in zip(redo, again):
        if item is None:  # the file no longer mentions DeepSeek: changed on disk since
            outcome.processed[i].fixed_data = outcome.processed[i].fixed_text = None
            outcome.processed[i].applied = []
            continue
        processed, data = item
        outcome.processed[i] = processed
        outcome.results[i] = processed.result
        originals[i] = data


def run(
    paths: list[str],
    options: Options,
    file_filter: FileFilter,
    want_fix: bool = False,
    write: bool = False,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[], None]] | None = None,
) -> Run:
    """Scan (and fix) every file below ``paths``.

    ``progress(total)`` may return a function called once per file done
    (with a number of files, once, for the files counted clean).
    """
    jobs = jobs or os.cpu_count() or 1
    pools: list = []  # of concurrent.futures.ProcessPoolExecutor

    def fork_workers() -> None:
        # fork while this process is still small: each worker inherits its
        # memory, and discovery's lists would add to every worker's peak
        pool = start_workers(jobs)
        pool.submit(int).result()
        pools.append(pool)

    many = (PARALLEL_THRESHOLD, fork_workers) if jobs > 1 else None
    try:
        return _run(paths, options, file_filter, want_fix, write, jobs, progress, many, pools)
    finally:
        for pool in pools:
            pool.shutdown()


def _look_at_ignored_files(paths, file_filter: FileFilter, outcome: Run, options: Options) -> None:
    """Gitignored files that mention DeepSeek: scanned with include-ignored,
    else the ones naming a retired id are counted for the report."""
    if not file_filter.respect_gitignore or not any(os.path.isdir(p) for p in paths):
        return
    from ds_migrate.discover import ignored

    found = ignored.ignored_mentions(paths, file_filter, outcome.discovery, options.max_file_size)
    if file_filter.include_ignored:
        outcome.discovery.files = sorted(set(outcome.discovery.files) | set(found), key=lambda p: p.replace(os.sep, "/"))
    else:
        # analysed as a scan would (a few .env files): a file whose findings
        # --select leaves out is not worth a warning
        def reported(path: str, data: bytes) -> bool:
            return bool(process_file(path, data, options).result.findings)

        outcome.ignored_naming_retired = ignored.naming_retired(found, options.max_file_size, reported)


def _run(paths, options, file_filter, want_fix, write, jobs, progress, many, pools) -> Run:
    preload = Preload()
    try:
        native = ripgrep.native_discover(paths, file_filter, on_python_match=preload.start)
    finally:
        preload.wait()  # no import half done while this thread imports or forks
    if native is not None:
        # only the files left to read are listed; the clean ones are counted
        outcome = Run(discovery=native, listed=(paths, file_filter))
        clean = None
    else:
        search = ripgrep.start([p for p in paths if os.path.isdir(p)], file_filter)
        outcome = Run(discovery=discover(paths, file_filter, many))
        clean = search.clean() if search is not None else None
    _look_at_ignored_files(paths, file_filter, outcome, options)
    files = outcome.discovery.files
    advance = progress(len(files) + outcome.discovery.clean) if progress else (lambda files=1: None)
    if outcome.discovery.clean:
        advance(outcome.discovery.clean)  # counted clean: done in one step
    # files ripgrep searched and found clean need no reading: their result is known
    tasks = []
    cwd = os.getcwd()
    outcome.cwd = cwd
    for path in files:
        if clean is not None and os.path.normpath(path) in clean:
            outcome.clean_unread.append(path)
            advance()
        else:
            tasks.append((path, display_path(path, cwd), options, want_fix))
    items = []
    if jobs > 1 and len(tasks) >= PARALLEL_THRESHOLD and (pools or _bytes_at_least(tasks, PARALLEL_BYTES)):
        # small enough batches that no worker is left with a long tail alone
        size = max(1, min(BATCH_SIZE, len(tasks) // (jobs * 16)))
        batches = [
            ([(path, shown) for path, shown, *_ in tasks[i : i + size]], options, want_fix)
            for i in range(0, len(tasks), size)
        ]
        if not pools:  # many files named one by one: no walk forked them
            pools.append(start_workers(jobs))
        for (batch_files, *_), batch in zip(batches, pools[0].map(_worker, batches)):
            for (path, shown), item in zip(batch_files, batch):
                items.append(item)
                advance()
    else:
        for task in tasks:
            items.append(_process_path(*task))
            advance()
    originals: list[bytes | None] = []
    for (path, shown, *_), item in zip(tasks, items):
        if item is None or _is_clean(item[0]):
            outcome.clean.append(shown)
            continue
        processed, data = item
        outcome.paths.append(path)
        outcome.processed.append(processed)
        outcome.results.append(processed.result)
        originals.append(data)
    from ds_migrate.project.decision import decide_for_run

    elsewhere = coupled_elsewhere(paths, outcome, options, file_filter, cwd)
    outcome.decision = decide_for_run(outcome, options, elsewhere, list(paths), file_filter)
    follow_models(outcome, originals, options, want_fix, list(paths), file_filter, jobs, pools)
    if want_fix:
        redo_where_decided_otherwise(outcome, originals, options, jobs, pools)
    outcome.plan = plan_to_show(outcome, options)
    if write:
        from ds_migrate.apply.write import write_fixed_files

        write_fixed_files(outcome, originals)
    outcome.files_as_text = _count_as_text(files, outcome.results) + outcome.discovery.clean_as_text
    return outcome
