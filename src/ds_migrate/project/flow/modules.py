"""The modules that export model ids, URLs and settings (python/model_sources.py),
by every dotted name they may be imported as; modules no worker read are
found below the run's folders and read on demand."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ds_migrate.python.model_sources import Source


@dataclass
class Module:
    path: str  # on disk
    shown: str  # as reported
    _sources: dict[str, Source] | None = None

    @property
    def known_empty(self) -> bool:
        """Known to export nothing (a worker read it), without reading it here."""
        return self._sources is not None and not self._sources

    @property
    def sources(self) -> dict[str, Source]:
        """What the module exports, read the first time someone asks."""
        if self._sources is None:
            from ds_migrate.python.model_sources import extract

            try:
                text = Path(self.path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._sources = {s.name: s for s in extract(text)}
        return self._sources


    def may_give_a_model(self, env: dict) -> bool:
        """Could an importer read a model id here? Only through a source
        that holds a retired or a V4 id (a literal, a table, an env default)
        or reads a variable the run's config files set: a request reading any other
        name gets no hint (resolve._Resolver._values), so its importers are
        not searched. A base URL alone is looked up, never followed to."""
        return any(
            (s.env and s.env in env) or any(map(_names_a_request_model, (s.model,) if s.model else s.models))
            for s in self.sources.values()
        )


def _names_a_request_model(model_id: str) -> bool:
    """A retired or a V4 id: the only values a hint is made of."""
    from ds_migrate.deepseek.mapping import names_a_v4_model
    from ds_migrate.deepseek.names import find_legacy_names

    return names_a_v4_model(model_id) or bool(find_legacy_names(model_id))


class ModuleIndex:
    """The modules that export sources, by every dotted name they may be imported as."""

    def __init__(self, modules: list[Module], roots: list[str], display) -> None:
        self.by_path = {canonical(m.path): m for m in modules}
        self.by_dotted: dict[str, list[Module]] = {}
        for module in modules:
            self._add(module)
        self.roots = sorted({os.path.abspath(r) for r in roots})
        self.display = display
        self.listings: dict[str, set[str]] = {}

    def _add(self, module: Module) -> None:
        self.by_path[canonical(module.path)] = module
        for dotted in dotted_names(module.path):
            self.by_dotted.setdefault(dotted, []).append(module)

    def module(self, dotted: str) -> Module | None:
        found = self.by_dotted.get(dotted)
        if found is None:
            found = self._load(dotted)
        return found[0] if len(found) == 1 else None  # two files could be meant: not certain

    def _load(self, dotted: str) -> list[Module]:
        """A module no worker read (it never mentions DeepSeek: a client
        module, a settings module reading the environment), found below the
        run's folders and read once."""
        found = []
        head = dotted.split(".")[0]
        for root in self.roots:
            if head not in self._entries(root) and f"{head}.py" not in self._entries(root):
                continue  # most imports name a library: one set lookup per root
            base = os.path.join(root, *dotted.split("."))
            for path in (base + ".py", os.path.join(base, "__init__.py")):
                if os.path.isfile(path) and canonical(path) not in self.by_path:
                    found.append(self._read(path))
        self.by_dotted[dotted] = [m for m in found if m is not None]
        return self.by_dotted[dotted]

    def _entries(self, root: str) -> set[str]:
        if root not in self.listings:
            try:
                self.listings[root] = set(os.listdir(root))
            except OSError:
                self.listings[root] = set()
        return self.listings[root]

    def _read(self, path: str) -> Module | None:
        module = Module(path, self.display(path))  # its sources are read when asked for
        self.by_path[canonical(path)] = module
        return module

    def qualified(self, name: str, from_path: str):
        """(module, source) for an import-qualified name as written in the
        module at ``from_path`` ("app.config.URL", or ".config.URL")."""
        if name.startswith("."):
            level = len(name) - len(name.lstrip("."))
            base = os.path.dirname(os.path.abspath(from_path))
            for _ in range(level - 1):
                base = os.path.dirname(base)
            parts = name[level:].split(".")
            for cut in range(len(parts) - 1, 0, -1):
                module = self.at_path(os.path.join(base, *parts[:cut]))
                if module is not None:
                    return lookup(module, ".".join(parts[cut:]))
            return None
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:cut]))
            if module is not None:
                return lookup(module, ".".join(parts[cut:]))
        return None

    def at_path(self, path: str) -> Module | None:
        for candidate in (path + ".py", os.path.join(path, "__init__.py")):
            module = self.by_path.get(canonical(candidate))
            if module is None and os.path.isfile(candidate):
                module = self._read(candidate)
            if module is not None:
                return module
        return None


def root_of(path: str, depth: int) -> str:
    """The folder ``path`` is imported from with ``depth`` packages above
    it (``app.config`` is depth 1)."""
    root = os.path.dirname(os.path.abspath(path))
    depth += 1 if os.path.basename(path).startswith("__init__.") else 0
    for _ in range(depth):
        root = os.path.dirname(root)
    return root


def canonical(path: str) -> str:
    """One spelling per file (no ``realpath``: a stat per folder per file)."""
    return os.path.abspath(path)


def dotted_names(path: str, depth: int = 6) -> list[str]:
    """``config``, ``app.config``, ``src.app.config``...: the names a file
    may be imported as, shortest first."""
    parts = os.path.abspath(path).split(os.sep)[1:]
    if not parts:
        return []
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    if parts[-1] == "__init__":
        parts.pop()
    return [".".join(parts[-k:]) for k in range(1, min(depth, len(parts)) + 1)]



def lookup(module: Module | None, name: str):
    if module is None or not name:
        return None
    source = module.sources.get(name)
    if source is None:
        head, _, rest = name.partition(".")
        owner = module.sources.get(head)
        if owner is not None and owner.instance_of and rest:
            source = module.sources.get(f"{owner.instance_of}.{rest}")
    return (module, source) if source is not None else None


