"""Run scan or fix over many files, in parallel when there is enough work."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ds_migrate.discover import ripgrep
from ds_migrate.project.decide import Decision, GroupPlan
from ds_migrate.discover.listing import Discovery, FileFilter, discover
from ds_migrate.analyse import Options, Processed, process_file, run_with_deep_stack
from ds_migrate.findings import FileError, FileResult

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


def display_path(path: str | Path, cwd: str | None = None) -> str:
    """``path`` relative to the working directory when it lies below it,
    else as given. ``cwd`` saves asking for it once per file."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        if not text.startswith(".."):
            return os.path.normpath(text)  # already relative to here
    else:
        prefix = (cwd or os.getcwd()).rstrip(os.sep) + os.sep
        if text.startswith(prefix):
            # the common case of an absolute path below here, without relpath's cost
            relative = os.path.normpath(text[len(prefix) :])
            if not relative.startswith("..") and not os.path.isabs(relative):
                return relative
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


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
    processed = process_file(shown, data, options, want_fix, decision)
    # keep the bytes only where a write must compare them with the disk
    return processed, (data if processed.fixed_data is not None else None)


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


class _Preload:
    """Imports libcst and the rules in a thread, while ripgrep is still
    searching, once it has named a Python file: this process is then mostly
    waiting for ripgrep, and the import (a good part of a run with few hits)
    no longer follows it. ``wait()`` before parsing or forking."""

    def __init__(self) -> None:
        self._thread = None

    def start(self) -> None:
        import threading

        self._thread = threading.Thread(target=_import_python_analysis, daemon=True, name="ds-migrate-preload")
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


def _import_python_analysis() -> None:
    from ds_migrate.python import check, slicing  # noqa: F401  (libcst with them)
    from ds_migrate.rules import all_rules

    all_rules()


def _run(paths, options, file_filter, want_fix, write, jobs, progress, many, pools) -> Run:
    preload = _Preload()
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
    from ds_migrate import after_analysis as then

    elsewhere = then.coupled_elsewhere(paths, outcome, options, file_filter, cwd)
    outcome.decision = then.decide_for_run(outcome, options, elsewhere, list(paths), file_filter)
    then.follow_models(outcome, originals, options, want_fix, list(paths), file_filter)
    outcome.plan = [g for g in outcome.decision.plan if not (g.renamed_with_unsafe_fixes and options.unsafe_fixes)]
    if want_fix:
        then.redo_where_decided_otherwise(outcome, originals, options, jobs, pools)
    if write:
        then.write(outcome, originals)
    outcome.files_as_text = _count_as_text(files, outcome.results) + outcome.discovery.clean_as_text
    return outcome
