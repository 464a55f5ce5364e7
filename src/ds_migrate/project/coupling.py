"""Where a value bound in one Python module can go: the import graph.

A default or constant in ``config.py`` reaches the modules that import it
(they read it) and, from those, every module they import (they may pass it
to a function there). A comparison or table elsewhere cannot see it, so it
must not hold it back (decide.py). Tests are leaves: a test importing two
modules does not carry a value from one into the other's code.

Only files of the run are parsed by the workers; here a file's import lines
are read with a regular expression, the importers of a module found with
one ``git grep`` per round (flow/search.py), and a module named by an
import found on disk below the run's roots. When in doubt (a name that
resolves to several files) every candidate counts: coupling too much holds
a rename back, coupling too little breaks a program.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ds_migrate.project.verdicts import is_test_path

PYTHON_SUFFIXES = (".py", ".pyi")
MAX_ROUNDS = 8  # of importer searches: a deeper chain counts as reaching everything
# Python files the graph may read in this process: a value imported across a
# whole package (litellm: thousands of modules) counts as reaching everything
# instead of costing minutes here (issue 22's cliff)
MAX_GRAPH_FILES = 3000

_FROM = re.compile(r"^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]*(\([^)]*\)|[^\n]*)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#]+)", re.M)
_WORD = re.compile(r"[\w.]+")


def imported_modules(text: str, path: str) -> set[str]:
    """Absolute dotted names ``text`` imports, relative imports resolved
    against ``path`` (as ``/abs/dir/pkg.mod`` strings: see ``_resolve``)."""
    out: set[str] = set()
    for match in _FROM.finditer(text):
        module, names = match.group(1), match.group(2)
        names = re.sub(r"#[^\n]*", "", names)
        words = [part.split()[0] for part in names.strip("()").split(",") if part.split()]
        if module.startswith("."):
            level = len(module) - len(module.lstrip("."))
            base = os.path.dirname(os.path.abspath(path))
            for _ in range(level - 1):
                base = os.path.dirname(base)
            rest = module.lstrip(".")
            prefix = base + "|" + (rest + "." if rest else "")
            out.add(prefix.rstrip("."))
            out.update(prefix + w for w in words)
        else:
            out.add(module)
            out.update(f"{module}.{w}" for w in words)
    for match in _IMPORT.finditer(text):
        for part in match.group(1).split(","):
            name = part.strip().split(" ")[0]
            if name:
                out.add(name)
    return out


class Reach:
    """``reach(shown_path)``: the displayed paths a value bound in that
    Python or JS/TS file can reach (js_imports.py for the latter), or None
    (a config or text file: it may reach anything)."""

    def __init__(self, shown_paths: list[str], folders: list[str], file_filter=None) -> None:
        self._shown = {os.path.abspath(p): p for p in shown_paths}
        self._folders = [f for f in folders if os.path.isdir(f)] or ["."]
        self._filter = file_filter
        self._imports: dict[str, set[str]] = {}
        self._texts: dict[str, str] = {}
        self._reads: dict[tuple, bool] = {}
        self._closures: dict[str, dict[str, None]] = {}
        self._resolved: dict[str, list[str]] = {}  # import name -> files
        self._entries: dict[str, frozenset[str]] = {}  # root -> names in it
        self._importers: dict[str, set[str]] | None = None
        self._js_graph = None
        self._roots = {os.path.abspath(f) for f in self._folders}
        self._base = sorted((os.path.abspath(f).rstrip(os.sep) + os.sep for f in self._folders), key=len, reverse=True)
        for path in self._shown:
            for depth in range(4):
                self._roots.add(_root_of(path, depth))
        # a src layout: the package is imported from src/, not from the project's root
        self._roots.update(os.path.join(root, "src") for root in list(self._roots) if os.path.isdir(os.path.join(root, "src")))

    def __call__(self, shown: str):
        family = _family(shown)
        if family == "js":
            importers = self._js().importers()
            return _SameFamily(family) if importers is None else self._walk(shown, importers, self._js().imports_of)
        if not shown.endswith(PYTHON_SUFFIXES):
            return None if family is None else _SameFamily(family)
        importers = self._all_importers()
        if importers is None:
            return None
        return self._walk(shown, importers, self.imports_of)

    def _walk(self, shown: str, importers: dict[str, set[str]], imports_of) -> set[str]:
        """Up to every module importing ``shown`` (transitively), then down to
        everything those import: a test reads a value and carries it nowhere."""
        start = os.path.abspath(shown)
        up, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node != start and self._is_test(node):
                continue  # a test reads the value; it carries it nowhere
            for other in importers.get(node, ()):
                if other not in up:
                    up.add(other)
                    stack.append(other)
        down, stack = set(up), [p for p in up if p == start or not self._is_test(p)]
        while stack:
            node = stack.pop()
            for other in imports_of(node):
                if other not in down:
                    down.add(other)
                    if not self._is_test(other):
                        stack.append(other)
        return {self._shown.get(p) or _display(p) for p in down}

    def _js(self):
        """The JS/TS import graph (js_imports.py), built on first use."""
        if self._js_graph is None:
            from ds_migrate.project.js_imports import JS_SUFFIXES, JsGraph

            known = {p for p in self._shown if p.endswith(JS_SUFFIXES)}
            self._js_graph = JsGraph(known, self._folders, sorted(self._roots), self._filter, MAX_ROUNDS)
        return self._js_graph

    def _is_test(self, path: str) -> bool:
        """A test file, judged below the run's folders: a project that lives
        under a folder named tests/ is not all tests."""
        for folder in self._base:
            if path.startswith(folder):
                return is_test_path(path[len(folder):])
        return is_test_path(path)

    def imported_by(self, shown: str) -> set[str]:
        """The displayed paths of the project files a Python file imports
        itself (not what those import): what a test calls directly."""
        if not shown.endswith(PYTHON_SUFFIXES):
            return set()
        return {self._shown.get(p) or _display(p) for p in self.imports_of(os.path.abspath(shown))}

    def may_read(self, shown: str, source: str, names) -> bool:
        """May code in ``shown`` read the value bound in ``source`` under one
        of ``names`` (None: any name)? In Python: ``shown`` is that module,
        or it or a module it imports (transitively) imports that module and
        names one of them; a module that imports the settings for their API
        key does not send their model. A config file's value: ``shown``
        names that file."""
        if not source.endswith(PYTHON_SUFFIXES):
            name = re.escape(os.path.basename(source))
            return re.search(r"(?<![\w.])%s(?![\w.])" % name, self._text(os.path.abspath(shown))) is not None
        key = (os.path.abspath(shown), os.path.abspath(source), None if names is None else frozenset(names))
        if key not in self._reads:
            self._reads[key] = self._reads_value(*key)
        return self._reads[key]

    def _reads_value(self, start: str, target: str, names) -> bool:
        if start == target:
            return True
        below = self._below(start)
        if target not in below:
            return False  # no module below imports it
        words = None if names is None else re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(names))))
        return any(
            node != target and target in self.imports_of(node) and (words is None or words.search(self._text(node)))
            for node in below
        )

    def _below(self, start: str) -> dict[str, None]:
        """``start`` and the project modules it imports, transitively (not
        through tests), in the order found."""
        if start not in self._closures:
            order: dict[str, None] = {}
            stack = [start]
            while stack and len(order) < MAX_GRAPH_FILES:
                node = stack.pop()
                if node in order:
                    continue
                order[node] = None
                stack.extend(p for p in self.imports_of(node) if not self._is_test(p))
            self._closures[start] = order
        return self._closures[start]

    def _text(self, path: str) -> str:
        if path not in self._texts:
            self._texts[path] = _read(path)
        return self._texts[path]

    # -- the graph -----------------------------------------------------------------
    def imports_of(self, path: str) -> set[str]:
        """The files ``path`` imports (absolute paths)."""
        if path not in self._imports:
            self._imports[path] = set()
            text = _read(path)
            found = set()
            for name in imported_modules(text, path):
                found.update(self._resolve(name))
            found.discard(path)
            self._imports[path] = found
        return self._imports[path]

    def _resolve(self, name: str) -> list[str]:
        """The files an import names (a name resolves the same from every
        importer: absolute against the roots, relative with its base)."""
        found = self._resolved.get(name)
        if found is None:
            found = self._resolved[name] = self._look_up(name)
        return found

    def _look_up(self, name: str) -> list[str]:
        if "|" in name:
            base, dotted = name.split("|", 1)
            bases = [base]
        else:
            dotted, bases = name, sorted(self._roots)
        parts = [p for p in dotted.split(".") if p]
        found = []
        for base in bases:
            if parts and "|" not in name and not self._holds(base, parts[0]):
                continue  # most absolute imports name a library: one set lookup per root
            stem = os.path.join(base, *parts) if parts else base
            for candidate in (stem + ".py", stem + ".pyi", os.path.join(stem, "__init__.py")):
                if os.path.isfile(candidate):
                    found.append(os.path.abspath(candidate))
                    break
        return found

    def _holds(self, root: str, head: str) -> bool:
        """Does ``root`` hold a package or module named ``head``?"""
        entries = self._entries.get(root)
        if entries is None:
            try:
                entries = self._entries[root] = frozenset(os.listdir(root))
            except OSError:
                entries = self._entries[root] = frozenset()
        return head in entries or f"{head}.py" in entries or f"{head}.pyi" in entries

    def _all_importers(self) -> dict[str, set[str]] | None:
        """Importer edges among the run's Python files and every file that
        imports one of them, transitively (None: the search did not end)."""
        if self._importers is not None:
            return self._importers
        from ds_migrate.project.flow.search import files_naming

        known = {p for p in self._shown if p.endswith(PYTHON_SUFFIXES)}
        searched: set[str] = set()
        for _ in range(MAX_ROUNDS):
            todo = known - searched
            if not todo:
                break
            searched |= todo
            stems = sorted({_stem(p) for p in todo})
            for found in files_naming(stems, self._folders, self._filter) if self._filter is not None else []:
                known.add(os.path.abspath(found))
            if len(known) > MAX_GRAPH_FILES:
                return None
        else:
            return None
        importers: dict[str, set[str]] = {}
        for path in known:
            for other in self.imports_of(path):
                importers.setdefault(other, set()).add(path)
        self._importers = importers
        return importers


def _stem(path: str) -> str:
    name = os.path.basename(path).rsplit(".", 1)[0]
    return os.path.basename(os.path.dirname(path)) if name == "__init__" else name


def _root_of(path: str, depth: int) -> str:
    root = os.path.dirname(path)
    for _ in range(depth):
        root = os.path.dirname(root)
    return root


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _display(path: str) -> str:
    from ds_migrate.discover.listing import display_path

    return display_path(path)


# Source languages: a value bound in one is read only by code of the same
# family (a Go constant never reaches a Python table). Config files, text
# and anything else may be read by any of them.
_FAMILIES = {
    "js": (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"),
    "py": PYTHON_SUFFIXES + (".ipynb",),
    "go": (".go",),
    "jvm": (".java", ".kt", ".kts", ".scala"),
    "rb": (".rb",),
    "php": (".php",),
    "rs": (".rs",),
    "cs": (".cs",),
}


def _family(path: str) -> str | None:
    lowered = path.lower()
    return next((name for name, suffixes in _FAMILIES.items() if lowered.endswith(suffixes)), None)


class _SameFamily:
    """The files a value bound in source of ``family`` may reach: that
    family's, and every file of no source language."""

    def __init__(self, family: str) -> None:
        self.family = family

    def __contains__(self, path: object) -> bool:
        other = _family(str(path))
        return other is None or other == self.family
