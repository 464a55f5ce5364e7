"""The package versions a project pins, read from the files nearest to a source file.

Pure and cheap: no network, no imports of the packages themselves. Each
folder's pin files are read once (cached); for a source file the folders from
its own up to the repository root (the first folder holding ``.git``) are
searched, and for each package the nearest folder that names it decides.
Within one folder a lock file (the exact version installed) wins over a
requirements or constraints line, which wins over a manifest's range.

A pin is a version range: ``litellm==1.77.7`` is [1.77.7, 1.77.7];
``agno>=2.7,<3`` is [2.7, 3); ``"ai": "^6.0.1"`` is [6.0.1, 7). A bound the
file does not give is None (unknown), so ``litellm>=1.80`` says nothing
about how new the installed version may be. Bounds are ``packaging`` Versions,
so a pre-release sorts before its release (``1.93.0rc1`` < ``1.93.0``). The
files are read by pin_files.py (Python) and node_locks.py (npm).
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ds_migrate.deepseek import node_locks
from ds_migrate.deepseek.pin_files import (
    read_pipfile,
    read_pipfile_lock,
    read_pyproject,
    read_requirements,
    read_setup_cfg,
    read_toml_lock,
)

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["Pin", "Version", "folder_pins", "parse_version", "pin_for", "range_of"]


@dataclass(frozen=True)
class Pin:
    package: str  # normalised (PEP 503 for Python names; npm names in lower case)
    low: Version | None  # inclusive
    high: Version | None  # inclusive when ``high_inclusive``, else exclusive
    high_inclusive: bool
    source: str  # the file that says so
    text: str  # the version as written there ("1.77.7", ">=2.7,<3", "^6.0.1")

    @property
    def exact(self) -> Version | None:
        return self.low if self.low is not None and self.low == self.high and self.high_inclusive else None

    def describe(self) -> str:
        return f"{self.package} {self.text} (pinned in {self.source})"


def normalise(name: str) -> str:
    return canonicalize_name(name)


_SEMVER_PRE = re.compile(r"v?(\d+(?:\.\d+)*)-[0-9A-Za-z.-]+(?:\+.*)?")


def parse_version(text: str) -> Version | None:
    """The version ``text`` names, pre-releases kept: "2.0.0rc1" is before 2.0.0.
    An npm pre-release tag PEP 440 has no word for ("1.0.0-canary.3") reads
    as the earliest pre-release of its release (1.0.0.dev0); None when unreadable."""
    text = text.strip()
    try:
        return Version(text)
    except InvalidVersion:
        pass
    semver = _SEMVER_PRE.fullmatch(text)
    return Version(f"{semver.group(1)}.dev0") if semver else None


def _bump(version: Version, index: int) -> Version:
    """The next release at ``index``: 1.2.3 bumped at 0 is 2."""
    release = version.release
    return Version(".".join(map(str, (*release[:index], release[index] + 1))))


class _Bounds:
    """The tightest [low, high] the parts of one spec allow."""

    def __init__(self) -> None:
        self.low: Version | None = None
        self.high: Version | None = None
        self.inclusive = False

    def at_least(self, version: Version) -> None:
        if self.low is None or version > self.low:
            self.low = version

    def below(self, version: Version, inclusive: bool) -> None:
        if self.high is None or version < self.high or (version == self.high and not inclusive):
            self.high, self.inclusive = version, inclusive

    def exactly(self, version: Version) -> None:
        self.at_least(version)
        self.below(version, True)

    def add(self, op: str, version: Version) -> None:
        if op in {"", "==", "===", "="}:
            self.exactly(version)
        elif op in {">=", ">"}:
            # ">1.2" allows only later versions: 1.2 is still a lower bound we may decide on
            self.at_least(version)
        elif op == "<":
            self.below(version, False)
        elif op == "<=":
            self.below(version, True)
        elif op == "~=":
            self.at_least(version)
            self.below(_bump(version, max(0, len(version.release) - 2)), False)
        elif op == "^":
            release = version.release
            self.at_least(version)
            self.below(_bump(version, next((i for i, n in enumerate(release) if n != 0), len(release) - 1)), False)
        elif op == "~":
            self.at_least(version)
            self.below(_bump(version, 1 if len(version.release) > 1 else 0), False)
        # "!=" excludes one version: it narrows nothing we decide on


def _pep440_bounds(spec: str) -> tuple[Version | None, Version | None, bool] | None:
    """Bounds of a PEP 440 specifier set, read by ``packaging``; None when it is not one."""
    text = spec if spec[:1] in "<>=!~" else f"=={spec}"
    try:
        specifiers = SpecifierSet(text)
    except InvalidSpecifier:
        return None
    bounds = _Bounds()
    for specifier in specifiers:
        op, written = specifier.operator, specifier.version
        if written.endswith(".*"):  # ==1.2.* is [1.2, 1.3); !=1.2.* narrows nothing
            if op == "==":
                stem = Version(written[:-2])
                bounds.at_least(stem)
                bounds.below(_bump(stem, len(stem.release) - 1), False)
            continue
        version = parse_version(written)
        if version is None:
            return None  # "===foo": arbitrary equality with a non-version
        bounds.add(op, version)
    return bounds.low, bounds.high, bounds.inclusive


_OTHER_PART = re.compile(r"(===|==|>=|<=|~=|!=|>|<|\^|~|=)?\s*(.+)")


def range_of(spec: str) -> tuple[Version | None, Version | None, bool] | None:
    """(low, high, high_inclusive) for a PEP 440, Poetry or npm version spec
    (a bare version is that version exactly); None when unreadable. PEP 440
    specs are read with ``packaging``; Poetry's and npm's ``^``, ``~``, ``1.2.x``
    and space-separated parts are read here."""
    spec = spec.strip().strip('"').strip("'").strip()
    if not spec or spec in {"*", "latest", "x", "X"}:
        return None, None, False
    if "||" in spec:  # a choice of ranges: too loose to decide on
        return None, None, False
    pep440 = _pep440_bounds(spec)
    if pep440 is not None:
        return pep440
    bounds = _Bounds()
    spec = re.sub(r"([<>=!~^]=?=?)\s+", r"\1", spec)  # ">= 2.7" -> ">=2.7"
    for part in re.split(r"[,\s]+", spec):
        if not part:
            continue
        if part == "-":  # npm's "1.0 - 2.0": not worth reading
            return None, None, False
        match = _OTHER_PART.fullmatch(part)
        if not match:
            return None
        op, rest = match.group(1) or "", match.group(2).strip()
        if rest in {"*", "x", "X"}:
            continue
        if rest.endswith((".*", ".x", ".X")):
            stem = parse_version(rest[:-2])
            if stem is None:
                return None
            bounds.at_least(stem)
            bounds.below(_bump(stem, len(stem.release) - 1), False)
            continue
        version = parse_version(rest)
        if version is None:
            return None
        bounds.add(op, version)
    return bounds.low, bounds.high, bounds.inclusive


def _pin(package: str, spec: str, source: str) -> Pin | None:
    bounds = range_of(spec)
    if bounds is None:
        return None
    low, high, inclusive = bounds
    return Pin(package, low, high, inclusive, source, spec.strip() or "*")


def _safe(reader, path: Path):
    try:
        return reader(path)
    except (OSError, ValueError, tomllib.TOMLDecodeError, UnicodeError, AttributeError, TypeError, KeyError,
            configparser.Error, RecursionError, _yaml_error()):
        return {}


def _yaml_error() -> type[Exception]:
    import yaml

    return yaml.YAMLError


def _is_requirements_file(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith((".txt", ".in")) and lowered.startswith(("requirements", "constraints"))


# (file name, reader), strongest first: lock files (the exact version
# installed), then requirement and constraint files, then manifests' ranges
_PYTHON_LOCKS = (("poetry.lock", read_toml_lock), ("uv.lock", read_toml_lock), ("Pipfile.lock", read_pipfile_lock))
_PYTHON_MANIFESTS = (("setup.cfg", read_setup_cfg), ("Pipfile", read_pipfile))
_NODE_FILES = (
    ("package-lock.json", node_locks.read_package_lock),
    ("pnpm-lock.yaml", node_locks.read_pnpm_lock),
    ("yarn.lock", node_locks.read_yarn_lock),
    ("package.json", node_locks.read_package_json),
)


@lru_cache(maxsize=4096)
def _file_names(folder: str) -> frozenset[str]:
    try:
        return frozenset(p.name for p in Path(folder).iterdir() if p.is_file())
    except OSError:
        return frozenset()


@lru_cache(maxsize=4096)
def folder_pins(folder: str, ecosystem: str = "python") -> dict[str, Pin]:
    """The pins the files directly in ``folder`` give for ``ecosystem``
    ("python" or "node"), strongest source first. The two are read apart, so
    a Python file's question never parses a big JavaScript lock."""
    base = Path(folder)
    names = _file_names(folder)
    pins: dict[str, Pin] = {}

    def add(found: dict[str, str], filename: str) -> None:
        for package, spec in found.items():
            if package not in pins:
                pin = _pin(package, spec, filename)
                if pin is not None:
                    pins[package] = pin

    if ecosystem == "node":
        for filename, reader in _NODE_FILES:
            if filename in names:
                add(_safe(reader, base / filename), filename)
        return pins
    for filename, reader in _PYTHON_LOCKS:
        if filename in names:
            add(_safe(reader, base / filename), filename)
    for filename in sorted(n for n in names if _is_requirements_file(n)):
        add(_safe(read_requirements, base / filename), filename)
    if "pyproject.toml" in names:
        found = _safe(read_pyproject, base / "pyproject.toml")
        if found:
            pep508, poetry = found
            add(pep508, "pyproject.toml")
            add(poetry, "pyproject.toml")
    for filename, reader in _PYTHON_MANIFESTS:
        if filename in names:
            add(_safe(reader, base / filename), filename)
    return pins


@lru_cache(maxsize=4096)
def _folders_up(folder: str) -> tuple[str, ...]:
    """``folder`` and its parents up to the repository root (the first holding .git)."""
    chain = []
    current = Path(folder)
    while True:
        chain.append(str(current))
        if (current / ".git").exists() or current.parent == current:
            break
        current = current.parent
    return tuple(chain)


def pin_for(path: str | None, package: str, ecosystem: str | None = None) -> Pin | None:
    """The pin of ``package`` nearest to the source file ``path``; None when no
    file names it. ``ecosystem`` ("python", "node") says whose files to read;
    None reads Python's, then npm's for a name Python's files do not give."""
    if not path or path.startswith("<"):
        return None
    try:
        folder = str(Path(path).resolve().parent)
    except (OSError, RuntimeError):
        return None
    ecosystems = (ecosystem,) if ecosystem else ("node",) if package.startswith("@") else ("python", "node")
    for kind in ecosystems:
        wanted = normalise(package) if kind == "python" else package.lower()
        for candidate in _folders_up(folder):
            pin = folder_pins(candidate, kind).get(wanted)
            if pin is not None:
                return pin
    return None
