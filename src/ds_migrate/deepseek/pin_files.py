"""The Python package versions a folder's pin files give.

Each reader returns ``{package: version spec as written}``, names normalised
as PEP 503 says. Requirements are read by ``packaging`` (PEP 508: extras,
markers, direct references), requirement files the way pip reads them
(comments, continuations, ``-r``/``-c`` includes), TOML with tomllib and
setup.cfg with configparser.
"""

from __future__ import annotations

import configparser
import json
import os
import re
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name as normalise

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _requirement(text: str) -> tuple[str, str] | None:
    """(name, version spec) of a PEP 508 requirement; None for URLs and what
    is not one."""
    try:
        requirement = Requirement(text.strip())
    except InvalidRequirement:
        return None
    if requirement.url:
        return None  # a direct reference: no version to read
    return requirement.name, str(requirement.specifier)


_COMMENT = re.compile(r"(^|\s)#.*$")
_INCLUDE = re.compile(r"(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=-[rc]))(\S.*)")


def _requirement_lines(text: str):
    """The logical lines of a requirements file: comments dropped,
    backslash continuations joined."""
    pending = ""
    for raw in text.splitlines():
        line = _COMMENT.sub("", raw).rstrip()
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = (pending + line).strip(), ""
        if line:
            yield line
    if pending.strip():
        yield pending.strip()


def read_requirements(path: Path, seen: frozenset[str] = frozenset()) -> dict[str, str]:
    """The specs of a requirements or constraints file and of the files it
    includes (``-r``/``--requirement``, ``-c``/``--constraint``, relative to the
    including file). A package named in several gets every spec, joined: pip
    installs a version that satisfies them all (``litellm>=1.80`` here and
    ``litellm==1.85.7`` in an included constraints file read as 1.85.7). An
    include already being read (a cycle) or unreadable is skipped."""
    key = os.path.realpath(path)
    if key in seen:
        return {}
    seen = seen | {key}
    found: dict[str, list[str]] = {}

    def merge(name: str, spec: str) -> None:
        specs = found.setdefault(normalise(name), [])
        if spec and spec not in specs:
            specs.append(spec)

    for line in _requirement_lines(path.read_text(encoding="utf-8", errors="replace")):
        include = _INCLUDE.fullmatch(line)
        if include is not None:
            target = path.parent / include.group(1).strip().strip("'\"")
            try:
                included = read_requirements(target, seen)
            except (OSError, UnicodeError):
                continue
            for name, spec in included.items():
                merge(name, spec)
            continue
        if line.startswith("-"):
            continue  # -e, --index-url, --hash on its own line, ...
        parsed = _requirement(re.split(r"\s--?\w", line, maxsplit=1)[0])  # "x==1 --hash=..."
        if parsed:
            merge(*parsed)
    return {name: ",".join(specs) for name, specs in found.items()}


def _pep508(items) -> dict[str, str]:
    found = {}
    for item in items if isinstance(items, list) else []:
        parsed = _requirement(item) if isinstance(item, str) else None
        if parsed:
            found.setdefault(normalise(parsed[0]), parsed[1])
    return found


def read_pyproject(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(PEP 508 specs, Poetry specs) from a pyproject.toml."""
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    pep508: dict[str, str] = {}
    project = data.get("project") or {}
    lists = [project.get("dependencies") or []]
    lists.extend((project.get("optional-dependencies") or {}).values())
    lists.extend(v for v in (data.get("dependency-groups") or {}).values())
    for items in lists:
        for name, spec in _pep508(items).items():
            pep508.setdefault(name, spec)
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


def read_setup_cfg(path: Path) -> dict[str, str]:
    """``[options] install_requires`` and ``[options.extras_require]``: one
    PEP 508 requirement a line."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
    lines = []
    if parser.has_option("options", "install_requires"):
        lines.extend(parser.get("options", "install_requires").splitlines())
    if parser.has_section("options.extras_require"):
        for _, value in parser.items("options.extras_require"):
            lines.extend(value.splitlines())
    return _pep508([line.split(" #", 1)[0].strip() for line in lines if line.strip()])


def read_toml_lock(path: Path) -> dict[str, str]:
    """poetry.lock and uv.lock: ``[[package]]`` tables with name and version."""
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    return {
        normalise(p["name"]): str(p["version"])
        for p in data.get("package") or []
        if isinstance(p, dict) and "name" in p and "version" in p
    }


def read_pipfile(path: Path) -> dict[str, str]:
    data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("packages", "dev-packages"):
        for name, value in (data.get(section) or {}).items():
            if isinstance(value, dict):
                value = value.get("version")
            if isinstance(value, str):
                found[normalise(name)] = value
    return found


def read_pipfile_lock(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("default", "develop"):
        for name, entry in (data.get(section) or {}).items():
            if isinstance(entry, dict) and isinstance(entry.get("version"), str):
                found[normalise(name)] = entry["version"].lstrip("=")
    return found
