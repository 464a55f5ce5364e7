"""Follow the model from settings modules to the requests that use it.

A legacy id renamed in ``config.py`` changes every request that reads
``config.MODEL``, in modules that may never mention DeepSeek. After the
run's decision, this step finds those requests: the names each module
exports (python/model_sources.py, gathered by the workers), the Python
files that import those modules (one ``git grep`` or a walk, then a
regular expression on each file's imports), and in each such file the
calls a calling context recognises whose model is one of those names,
followed through imports (absolute and relative), a local alias, an
instance of a settings class or a parameter default.

The result is a hint per request (by the line of its model expression):
which id reaches it, from where, and whether the toggle may be offered
there. Only what is certain offers a toggle: one retired id reaches the
request, not through a parameter (a caller may pass another), and the
client's host is visibly DeepSeek's. A host that is not visible may be
shared with another provider, so those requests are reported only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ds_migrate.discover.listing import FileFilter
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.python.model_sources import reads_model_by_name

PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True)
class Hint:
    """What reaches one request whose model is read from elsewhere."""

    line: int  # of the request's model expression
    model: str  # the id as the source holds it
    origin: str  # "chatbot/config.py:7 (DEFAULT_MODEL = ...)"
    mode: str | None  # the one retired id's mode, when a toggle may be offered
    why_not: str | None = None  # why no toggle is offered, when a retired id reaches it
    # (displayed path, line) of each binding or config line the id comes from
    sources: tuple[tuple[str, int], ...] = ()
    # every source is renamed by the safe tier of this run: the toggle goes with it
    # (else a safe run then an unsafe one would lose it: the id is V4 by then)
    renamed_safely: bool = False

    @property
    def is_legacy(self) -> bool:
        return bool(find_legacy_names(self.model))



from ds_migrate.project.flow.modules import Module, ModuleIndex, canonical, dotted_names, root_of  # noqa: E402
from ds_migrate.project.flow.search import env_values, files_naming, reads_env, worth_tracing  # noqa: E402


def trace(outcome, paths: list[str], file_filter: FileFilter) -> list[tuple[str, str, dict[int, Hint]]]:
    """(path on disk, displayed path, hints by line) of every file with a
    request the exported ids reach."""
    # every Python file the workers analysed comes with what it exports
    # (python/model_sources.py); any other is read only when another file
    # imports it (modules.Module)
    modules = [
        Module(path, result.path, None if result.exports is None else {s.name: s for s in result.exports})
        for path, result in zip(outcome.paths, outcome.results)
        if not result.skipped and path.endswith(PYTHON_SUFFIXES)
    ]
    env = env_values(outcome)
    if not modules and not env:
        return []
    from ds_migrate.pipeline import display_path

    roots = {p for p in paths if os.path.isdir(p)}
    roots.update(root_of(m.path, depth) for m in modules for depth in range(3))
    index = ModuleIndex(modules, roots, lambda path: display_path(path, outcome.cwd or None))
    # stem -> the modules of that name that may export: those a worker found
    # exporting, or did not read (read only when a file imports the stem)
    names_of: dict[str, list[Module]] = {}
    for module in modules:
        if module.known_empty:
            continue  # no importer can take a model from it: not searched for
        for dotted in dotted_names(module.path)[:1]:
            names_of.setdefault(dotted, []).append(module)
    shown_of = {canonical(p): r.path for p, r in zip(outcome.paths, outcome.results)}
    candidates = {
        canonical(p): p
        for p, r in zip(outcome.paths, outcome.results)
        if p.endswith(PYTHON_SUFFIXES) and r.reads_model
    }
    for path in files_naming(sorted(names_of), paths, file_filter):
        real = canonical(path)
        if real not in shown_of:  # a file the workers read was judged there
            candidates.setdefault(real, path)
    hints: list[tuple[str, str, dict[int, Hint]]] = []
    for real, path in sorted(candidates.items()):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        own = index.by_path.get(real)
        if real not in shown_of and not reads_model_by_name(text):
            continue
        if not worth_tracing(text, names_of, own) and not (real in shown_of and reads_env(text, env)):
            continue
        shown = shown_of.get(real) or display_path(path, outcome.cwd or None)
        from ds_migrate.project.flow.resolve import requests_reached

        found = requests_reached(path, text, index, own, env)
        if found:
            hints.append((path, shown, found))
    return hints


