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
about how new the installed version may be.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

Version = tuple[int, ...]


@dataclass(frozen=True)
class Pin:
    package: str  # normalised: lower case, runs of -_. as one -
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
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_version(text: str) -> Version | None:
    """The release numbers of a version: "1.77.7" -> (1, 77, 7); "2.0.0rc1" -> (2, 0, 0)."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", text)
    if not match:
        return None
    return tuple(int(part) for part in match.group(1).split("."))


def _bump(version: Version, index: int) -> Version:
    """The next release at ``index``: (1, 2, 3) bumped at 0 is (2,)."""
    return (*version[:index], version[index] + 1)


def range_of(spec: str) -> tuple[Version | None, Version | None, bool] | None:
    """(low, high, high_inclusive) for a PEP 440, Poetry or npm version spec
    (a bare version is that version exactly); None when unreadable."""
    spec = spec.strip().strip('"').strip("'")
    if not spec or spec in {"*", "latest", "x"}:
        return None, None, False
    if "||" in spec:  # a choice of ranges: too loose to decide on
        return None, None, False
    low: Version | None = None
    high: Version | None = None
    inclusive = False
    spec = re.sub(r"([<>=!~^]=?=?)\s+", r"\1", spec)  # ">= 2.7" -> ">=2.7"
    for part in re.split(r"[,\s]+", spec):
        part = part.strip()
        if not part:
            continue
        if part == "-":  # npm's "1.0 - 2.0": not worth reading
            return None, None, False
        match = re.match(r"(===|==|>=|<=|~=|!=|>|<|\^|~|=)?\s*(.+)", part)
        if not match:
            return None
        op, rest = match.group(1) or "", match.group(2).strip()
        if "*" in rest or rest.endswith(".x"):
            stem = parse_version(rest)
            if stem is None:
                return None
            op, rest = ">=", ".".join(map(str, stem))
            low, high, inclusive = stem, _bump(stem, len(stem) - 1), False
            continue
        version = parse_version(rest)
        if version is None:
            return None
        if op in {"", "==", "===", "="}:
            low, high, inclusive = version, version, True
        elif op == ">=":
            low = version
        elif op == ">":
            low = (*version, 0, 1)  # just above it
        elif op == "<":
            high, inclusive = version, False
        elif op == "<=":
            high, inclusive = version, True
        elif op == "~=":
            low = version
            high, inclusive = _bump(version, max(0, len(version) - 2)), False
        elif op == "^":
            low = version
            first = next((i for i, n in enumerate(version) if n != 0), len(version) - 1)
            high, inclusive = _bump(version, first), False
        elif op == "~":
            low = version
            high, inclusive = _bump(version, 1 if len(version) > 1 else 0), False
        # "!=" excludes one version: it narrows nothing we decide on
    return low, high, inclusive


# -- readers: each returns {package: version spec as written}

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def _requirement(line: str) -> tuple[str, str] | None:
    """(name, version spec) of a PEP 508 line; None for options, URLs and blanks."""
    line = line.split(" #", 1)[0].split(";", 1)[0].strip()
    if not line or line.startswith(("#", "-", "git+", "http:", "https:", "file:", ".", "/")):
        return None
    match = _REQUIREMENT.match(line)
    if not match:
        return None
    name, spec = match.group(1), match.group(3).strip()
    if spec.startswith("@"):
        return None  # a direct URL reference
    return name, spec.strip("()")


def _read_requirements(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parsed = _requirement(line)
        if parsed:
            found[normalise(parsed[0])] = parsed[1]
    return found


def _read_pyproject(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(PEP 508 specs, Poetry specs) from a pyproject.toml."""
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    pep508: dict[str, str] = {}
    project = data.get("project") or {}
    lists = [project.get("dependencies") or []]
    lists.extend((project.get("optional-dependencies") or {}).values())
    lists.extend(v for v in (data.get("dependency-groups") or {}).values())
    for items in lists:
        for item in items if isinstance(items, list) else []:
            parsed = _requirement(item) if isinstance(item, str) else None
            if parsed:
                pep508[normalise(parsed[0])] = parsed[1]
    poetry: dict[str, str] = {}
    tool = (data.get("tool") or {}).get("poetry") or {}
    tables = [tool.get("dependencies") or {}, tool.get("dev-dependencies") or {}]
    tables.extend((group.get("dependencies") or {}) for group in (tool.get("group") or {}).values())
    for table in tables:
        for name, value in table.items():
            if isinstance(value, dict):
                value = value.get("version")
            if isinstance(value, str):
                poetry[normalise(name)] = value
    return pep508, poetry


def _read_toml_lock(path: Path) -> dict[str, str]:
    """poetry.lock and uv.lock: ``[[package]]`` tables with name and version."""
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    return {
        normalise(p["name"]): str(p["version"])
        for p in data.get("package") or []
        if isinstance(p, dict) and "name" in p and "version" in p
    }


def _read_pipfile(path: Path) -> dict[str, str]:
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("packages", "dev-packages"):
        for name, value in (data.get(section) or {}).items():
            if isinstance(value, dict):
                value = value.get("version")
            if isinstance(value, str):
                found[normalise(name)] = value
    return found


def _read_pipfile_lock(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("default", "develop"):
        for name, entry in (data.get(section) or {}).items():
            if isinstance(entry, dict) and isinstance(entry.get("version"), str):
                found[normalise(name)] = entry["version"].lstrip("=")
    return found


def _read_package_json(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        for name, spec in (data.get(section) or {}).items():
            if isinstance(spec, str) and not spec.startswith(("workspace:", "file:", "git", "http", "npm:", "link:")):
                found.setdefault(name.lower(), spec)
    return found


def _read_package_lock(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for key, entry in (data.get("packages") or {}).items():
        # only the project's own direct installs: node_modules/NAME, not nested copies
        if key.count("node_modules/") == 1 and isinstance(entry, dict) and "version" in entry:
            found[key.split("node_modules/", 1)[1].lower()] = str(entry["version"])
    for name, entry in (data.get("dependencies") or {}).items():  # lockfile version 1
        if isinstance(entry, dict) and "version" in entry:
            found.setdefault(name.lower(), str(entry["version"]))
    return found


_PNPM_KEY = re.compile(r"^\s{2,4}'?/?((?:@[^/@\s]+/)?[^@/\s:']+)@(\d[^:('\s]*)")


def _read_pnpm_lock(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _PNPM_KEY.match(line)
        if match:
            found.setdefault(match.group(1).lower(), match.group(2))
    return found


_YARN_HEAD = re.compile(r'^"?((?:@[^/@\s]+/)?[^@\s"]+)@')
_YARN_VERSION = re.compile(r'^\s+version:?\s+"?([^"\s]+)"?')


def _read_yarn_lock(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    name = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            match = _YARN_HEAD.match(line)
            name = match.group(1).lower() if match else None
        elif name:
            match = _YARN_VERSION.match(line)
            if match:
                found.setdefault(name, match.group(1))
                name = None
    return found


def _pin(package: str, spec: str, source: str) -> Pin | None:
    bounds = range_of(spec)
    if bounds is None:
        return None
    low, high, inclusive = bounds
    return Pin(package, low, high, inclusive, source, spec.strip() or "*")


def _safe(reader, path: Path):
    try:
        return reader(path)
    except (OSError, ValueError, tomllib.TOMLDecodeError, UnicodeError, AttributeError, TypeError, KeyError):
        return {}


@lru_cache(maxsize=4096)
def folder_pins(folder: str) -> dict[str, Pin]:
    """The pins the files directly in ``folder`` give, strongest source first."""
    base = Path(folder)
    try:
        names = {p.name for p in base.iterdir() if p.is_file()}
    except OSError:
        return {}
    pins: dict[str, Pin] = {}

    def add(found: dict[str, str], filename: str) -> None:
        for package, spec in found.items():
            if package not in pins:
                pin = _pin(package, spec, filename)
                if pin is not None:
                    pins[package] = pin

    # exact versions installed: the lock files
    for filename, reader in (
        ("poetry.lock", _read_toml_lock),
        ("uv.lock", _read_toml_lock),
        ("Pipfile.lock", _read_pipfile_lock),
        ("package-lock.json", _read_package_lock),
        ("pnpm-lock.yaml", _read_pnpm_lock),
        ("yarn.lock", _read_yarn_lock),
    ):
        if filename in names:
            add(_safe(reader, base / filename), filename)
    # requirement and constraint files
    for filename in sorted(names):
        lowered = filename.lower()
        if lowered.endswith((".txt", ".in")) and lowered.startswith(("requirements", "constraints")):
            add(_safe(_read_requirements, base / filename), filename)
    # manifests: ranges
    if "pyproject.toml" in names:
        found = _safe(_read_pyproject, base / "pyproject.toml")
        if found:
            pep508, poetry = found
            add(pep508, "pyproject.toml")
            add(poetry, "pyproject.toml")
    if "Pipfile" in names:
        add(_safe(_read_pipfile, base / "Pipfile"), "Pipfile")
    if "package.json" in names:
        add(_safe(_read_package_json, base / "package.json"), "package.json")
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


def pin_for(path: str | None, package: str) -> Pin | None:
    """The pin of ``package`` nearest to the source file ``path``; None when no file names it."""
    if not path or path.startswith("<"):
        return None
    try:
        folder = str(Path(path).resolve().parent)
    except (OSError, RuntimeError):
        return None
    wanted = normalise(package) if not package.startswith("@") else package.lower()
    for candidate in _folders_up(folder):
        pin = folder_pins(candidate).get(wanted)
        if pin is not None:
            return pin
    return None
