"""Where a value bound in one JavaScript or TypeScript module can go: the
ES ``import`` / ``export ... from`` / ``require`` graph (coupling.py has
the Python one and the rules both follow).

Without it a JS value was taken to reach every JS file, so one union type
or one test map anywhere held back every default in the project (issue
24). Only what a project without a bundler config resolves is followed:
relative specifiers (with or without their extension, ``.js`` written for
a ``.ts`` file, ``index`` files) and the ``@/`` and ``~/`` aliases most
templates map to the project's root or ``src/``. A bare specifier is a
package: outside the project. When in doubt, every candidate counts, as
in the Python graph: coupling too much holds a rename back, coupling too
little breaks a program.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

JS_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts")
_JS_FOR_TS = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}
GIT_TIMEOUT_SECONDS = 60

# ``... from "x"`` (import and export forms), ``import "x"``, ``require("x")``, ``import("x")``
_SPECIFIER = re.compile(
    r"""(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"\n]{1,300})\1"""
)
_ALIASES = ("@/", "~/")


def specifiers(text: str) -> set[str]:
    """The module specifiers a JS/TS source imports or re-exports."""
    return {match.group(2) for match in _SPECIFIER.finditer(text)}


def resolve(specifier: str, importer: str, roots: list[str]) -> list[str]:
    """Files of the project ``specifier`` (written in ``importer``) may name."""
    if specifier.startswith("."):
        bases = [os.path.normpath(os.path.join(os.path.dirname(importer), specifier))]
    elif specifier.startswith(_ALIASES):
        rest = specifier[2:]
        bases = [os.path.join(root, sub, rest) for root in roots for sub in ("", "src")]
    elif specifier.startswith("src/"):
        bases = [os.path.join(root, specifier) for root in roots]
    else:
        return []  # a package
    found = []
    for base in bases:
        for candidate in _candidates(base):
            if os.path.isfile(candidate):
                found.append(os.path.abspath(candidate))
                break
    return found


def _candidates(base: str):
    stem, suffix = os.path.splitext(base)
    if suffix in JS_SUFFIXES or suffix == ".json":
        yield base
        for other in _JS_FOR_TS.get(suffix, ()):
            yield stem + other  # "./client.js" in TypeScript names client.ts
    for other in JS_SUFFIXES:
        yield base + other
    for other in JS_SUFFIXES:
        yield os.path.join(base, "index" + other)


def module_stem(path: str) -> str:
    """The word an importer writes for ``path``: its name, or its folder's for an index file."""
    name = os.path.basename(path).split(".", 1)[0]
    return os.path.basename(os.path.dirname(path)) if name == "index" else name


class JsGraph:
    """Import edges among a project's JS/TS files, found from the run's own
    files outwards (a file that imports one of them, transitively)."""

    def __init__(self, known: set[str], folders: list[str], roots: list[str], file_filter, rounds: int) -> None:
        self._known = set(known)
        self._folders = folders
        self._roots = roots
        self._filter = file_filter
        self._rounds = rounds
        self._imports: dict[str, set[str]] = {}
        self._importers: dict[str, set[str]] | None = None
        self._complete = True

    def imports_of(self, path: str) -> set[str]:
        if path not in self._imports:
            text = _read(path)
            found: set[str] = set()
            for specifier in specifiers(text):
                found.update(resolve(specifier, path, self._roots))
            found.discard(path)
            self._imports[path] = found
        return self._imports[path]

    def importers(self) -> dict[str, set[str]] | None:
        """file -> the files importing it (None: the search did not end)."""
        if self._importers is not None or not self._complete:
            return self._importers
        known = set(self._known)
        searched: set[str] = set()
        for _ in range(self._rounds):
            todo = known - searched
            if not todo:
                break
            searched |= todo
            stems = sorted({module_stem(p) for p in todo})
            if self._filter is not None:
                for found in files_importing(stems, self._folders, self._filter):
                    known.add(os.path.abspath(found))
            known.update(other for path in todo for other in self.imports_of(path))
        else:
            self._complete = False
            return None
        edges: dict[str, set[str]] = {}
        for path in known:
            for other in self.imports_of(path):
                edges.setdefault(other, set()).add(path)
        self._importers = edges
        return edges


def files_importing(stems: list[str], folders: list[str], file_filter) -> list[str]:
    """JS/TS files below ``folders`` with an import line naming one of ``stems``."""
    from ds_migrate.project.flow.search import search_folders

    return search_folders(stems, folders, file_filter, _git_grep, _walk)


def _git_grep(folder: str, stems: list[str]) -> list[str] | None:
    command = ["git", "-C", folder, "grep", "-l", "-z", "-I", "-F", "--untracked"]
    command += ["(", "-e", "from", "-e", "require", "-e", "import", ")", "--and", "("]
    for stem in stems:
        command += ["-e", stem]
    command += [")", "--", *(f"*{suffix}" for suffix in JS_SUFFIXES)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode not in (0, 1):
        return None  # not a work tree, or git failed: walk instead
    return [os.path.join(folder, os.fsdecode(raw)) for raw in done.stdout.split(b"\0") if raw]


def _walk(folder: str, stems: list[str], file_filter) -> list[str]:
    from ds_migrate.discover.listing import discover

    wanted = set(stems)
    found = []
    for path in discover([folder], file_filter).files:
        if not path.endswith(JS_SUFFIXES):
            continue
        words = {module_stem(s) for s in specifiers(_read(path))}
        if words & wanted:
            found.append(path)
    return found


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
