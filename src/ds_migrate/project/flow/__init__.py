"""Follow the model from settings modules to the requests that use it.

A legacy id renamed in ``config.py`` changes every request that reads
``config.MODEL``, in modules that may never mention DeepSeek. After the
run's decision, this step finds those requests: the names each module
exports (python/model_sources.py, gathered by the workers), the Python
files that import those modules (one ``git grep`` or a walk), and in each
such file the calls a calling context recognises whose model is one of
those names, followed through imports (absolute and relative), a local
alias, an instance of a settings class or a parameter default.

This process only links: the files are read in the worker pool
(pipeline.follow_models_in), where regular expressions on the imports,
then CPython's parser (sites.py), rule out the files whose requests cannot
reach a known model, and only the rest is parsed with libcst (resolve.py).

The result is a hint per request (by the line of its model expression):
which id reaches it, from where, and whether the toggle may be offered
there. Only what is certain offers a toggle: one retired id reaches the
request, not through a parameter (a caller may pass another), and the
client's host is visibly DeepSeek's. A host that is not visible may be
shared with another provider, so those requests are reported only.
"""

from __future__ import annotations

import os

from ds_migrate.discover.listing import FileFilter
from ds_migrate.project.flow.hints import Hint
from ds_migrate.project.flow.modules import Module, ModuleIndex, canonical, dotted_names, root_of
from ds_migrate.project.flow.search import env_values, files_naming

PYTHON_SUFFIXES = (".py", ".pyi")


def trace(outcome, paths: list[str], file_filter: FileFilter, follow=None) -> list[tuple[str, str, dict[int, Hint]]]:
    """(path on disk, displayed path, hints by line) of every file with a
    request the exported ids reach.

    This process only links what the workers found: which modules export
    what, and which files may read it. Reading and parsing those files is
    ``follow``'s (pipeline.follow_models_in: the worker pool, when the run
    has one), called with (tasks, index, names_of, env) and returning the
    hints of each task (an iterable, which may still be being read while
    this process searches for importers); by default here, one file after
    the other."""
    # every Python file the workers analysed comes with what it exports
    # (python/model_sources.py); any other is read only when another file
    # imports it (modules.Module)
    # with only files named, the repository's other files naming a retired id
    # (outcome.context) hold models too: a settings module pre-commit did not
    # name still gives its model to the named file's requests
    context = list(getattr(outcome, "context", ()))
    modules = [
        Module(path, result.path, None if result.exports is None else {s.name: s for s in result.exports})
        for path, result in (*zip(outcome.paths, outcome.results), *context)
        if not result.skipped and path.endswith(PYTHON_SUFFIXES)
    ]
    env = env_values(outcome, context)
    if not modules and not env:
        return []
    from functools import partial

    from ds_migrate.discover.listing import display_path

    roots = {p for p in paths if os.path.isdir(p)}
    roots.update(root_of(m.path, depth) for m in modules for depth in range(3))
    # a partial, not a lambda: the index crosses to the workers
    index = ModuleIndex(modules, roots, partial(display_path, cwd=outcome.cwd or None))
    # stem -> the modules of that name that may export: those a worker found
    # exporting, or did not read (read only when a file imports the stem)
    names_of: dict[str, list[Module]] = {}
    for module in modules:
        if module.known_empty or not module.may_give_a_model(env):
            continue  # no importer can take a model from it: not searched for
        for dotted in dotted_names(module.path)[:1]:
            names_of.setdefault(dotted, []).append(module)
    shown_of = {canonical(p): r.path for p, r in zip(outcome.paths, outcome.results)}
    display = partial(display_path, cwd=outcome.cwd or None)
    follow = follow or follow_here
    # the files the workers read that read a model by name are handed on
    # first: the pool reads them while this process searches for importers
    known = {
        canonical(p): p
        for p, r in zip(outcome.paths, outcome.results)
        if p.endswith(PYTHON_SUFFIXES) and r.reads_model
    }
    known_tasks = [(path, shown_of[real], True) for real, path in sorted(known.items())]
    pending = follow(known_tasks, index, names_of, env) if known_tasks else []
    # a file no worker read is followed only when it names what one of those
    # modules exports (search.worth_tracing): the search asks for those words too
    exported = {name.split(".")[0] for modules in names_of.values() for module in modules for name in module.sources}
    others: dict[str, str] = {}
    for path in files_naming(sorted(names_of), paths, file_filter, exported):
        real = canonical(path)
        if real not in shown_of:  # a file the workers read was judged there
            others.setdefault(real, path)
    other_tasks = [(path, display(path), False) for real, path in sorted(others.items())]
    hints_of = dict(zip(sorted(known), pending))
    hints_of.update(zip(sorted(others), follow(other_tasks, index, names_of, env) if other_tasks else []))
    # (path, displayed path, hints), in a stable order
    tasks = sorted((*known_tasks, *other_tasks), key=lambda task: canonical(task[0]))
    return [(path, shown, hints_of[canonical(path)]) for path, shown, _ in tasks if hints_of[canonical(path)]]


def follow_here(tasks, index, names_of, env) -> list[dict[int, Hint]]:
    """The hints of each task, one file after the other (in a worker, or in
    a run too small for one)."""
    from ds_migrate.project.flow.resolve import hints_in

    return [hints_in(path, known, index, names_of, env) for path, _, known in tasks]
