"""The npm package versions a folder's manifest and lock files give.

Each reader returns ``{package: version spec as written}`` (names in lower
case, scopes kept: ``@ai-sdk/deepseek``). The lock files are parsed, not
scanned line by line: package-lock.json as JSON, pnpm-lock.yaml and yarn berry's
yarn.lock as YAML, yarn v1's own format by ``read_yarn_v1``. A lock that holds
several versions of one package (a nested dependency's copy) gives the range
they span, since any of them may be the one a file imports.
"""

from __future__ import annotations

import json
from pathlib import Path

_NOT_A_VERSION = ("workspace:", "file:", "git", "http", "npm:", "link:", "portal:", "patch:")


def read_package_json(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    found = {}
    for section in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        for name, spec in (data.get(section) or {}).items():
            if isinstance(spec, str) and not spec.startswith(_NOT_A_VERSION):
                found.setdefault(name.lower(), spec)
    return found


def read_package_lock(path: Path) -> dict[str, str]:
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


def _load_yaml(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # big locks: libyaml when there
    return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)


def _spanned(versions: dict[str, list[str]]) -> dict[str, str]:
    """One spec per package: its version, or the range its versions span."""
    from packaging.version import InvalidVersion, Version

    found = {}
    for name, listed in versions.items():
        unique = list(dict.fromkeys(listed))
        if len(unique) == 1:
            found[name] = unique[0]
            continue
        try:
            ordered = sorted(unique, key=Version)
        except InvalidVersion:
            continue  # versions we cannot order: no pin rather than a wrong one
        found[name] = f">={ordered[0]},<={ordered[-1]}"
    return found


def _pnpm_version(value) -> str | None:
    """``6.0.12(zod@3.25.0)`` (v6+) or ``6.0.12_zod@3.25.0`` (v5) -> ``6.0.12``."""
    if isinstance(value, dict):
        value = value.get("version")
    if not isinstance(value, (str, int, float)):
        return None
    text = str(value).split("(", 1)[0]
    if text.startswith(_NOT_A_VERSION) or "/" in text:
        return None  # link:../x, or a v5 path to another registry's copy
    return text.split("_", 1)[0] or None


def _pnpm_key(key: str, v5: bool) -> tuple[str, str] | None:
    """(name, version) of a ``packages:`` key: ``ai@6.0.12`` (v9),
    ``/ai@6.0.12(peer@1.0.0)`` (v6), ``/ai/6.0.12_peer@1.0.0`` (v5)."""
    key = key.lstrip("/").split("(", 1)[0]
    if v5:
        name, _, version = key.rpartition("/")
        version = version.split("_", 1)[0]  # names may hold "_"; the peer suffix follows the version
    else:
        name, _, version = key.rpartition("@")
    if not name or not version or name.startswith("@") and "/" not in name:
        return None
    return name.lower(), version


def read_pnpm_lock(path: Path) -> dict[str, str]:
    """The project's direct dependencies (the root importer) first, then
    every package the lock installs."""
    data = _load_yaml(path.read_text(encoding="utf-8", errors="replace"))
    if not isinstance(data, dict):
        return {}
    try:
        v5 = float(str(data.get("lockfileVersion", "9")).strip("'\"")) < 6
    except ValueError:
        v5 = False
    direct: dict[str, str] = {}
    root = (data.get("importers") or {}).get(".") if isinstance(data.get("importers"), dict) else data
    for section in ("dependencies", "devDependencies", "optionalDependencies"):
        table = (root or {}).get(section) if isinstance(root, dict) else None
        for name, value in (table or {}).items() if isinstance(table, dict) else ():
            version = _pnpm_version(value)
            if version:
                direct.setdefault(str(name).lower(), version)
    installed: dict[str, list[str]] = {}
    for table in (data.get("packages"), data.get("snapshots")):
        for key in table or {} if isinstance(table, dict) else ():
            parsed = _pnpm_key(str(key), v5)
            if parsed:
                installed.setdefault(parsed[0], []).append(parsed[1])
    return {**_spanned(installed), **direct}


def read_yarn_lock(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if any(line.startswith(("__metadata:", '"__metadata":')) for line in text.splitlines()):
        return _read_yarn_berry(text)
    return _spanned(read_yarn_v1(text))


def _read_yarn_berry(text: str) -> dict[str, str]:
    """Yarn 2+ writes YAML: ``"ai@npm:^6.0.0": {version: 6.0.7, resolution: "ai@npm:6.0.7"}``."""
    data = _load_yaml(text)
    installed: dict[str, list[str]] = {}
    for key, entry in (data or {}).items() if isinstance(data, dict) else ():
        if key == "__metadata" or not isinstance(entry, dict) or "version" not in entry:
            continue
        resolution = str(entry.get("resolution") or str(key).split(",", 1)[0])
        name = _selector_name(resolution)
        if name and "@npm:" in resolution:  # workspace:, patch:, link: entries are not registry versions
            installed.setdefault(name, []).append(str(entry["version"]))
    return _spanned(installed)


def _selector_name(selector: str) -> str | None:
    """``@scope/name@^1.0`` -> ``@scope/name``; ``alias@npm:real@^1`` -> ``alias``."""
    selector = selector.strip().strip('"')
    at = selector.find("@", 1)
    return selector[:at].lower() if at > 0 else None


def read_yarn_v1(text: str) -> dict[str, list[str]]:
    """Yarn 1's lock format: unindented entry headers (``a@^1, "@s/b@^2":``,
    selectors quoted or not) and, two spaces in, ``version "1.2.3"``. Deeper
    lines (an entry's own dependencies) are not versions of the entry."""
    versions: dict[str, list[str]] = {}
    names: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            names = []
            if line.rstrip().endswith(":"):
                for selector in _split_selectors(line.rstrip()[:-1]):
                    name = _selector_name(selector)
                    if name and name not in names:
                        names.append(name)
            continue
        if not names or line.startswith("   ") or not line.startswith("  "):
            continue
        key, _, value = line.strip().partition(" ")
        if key in ("version", '"version"') and value:
            version = _unquote(value.strip())
            for name in names:
                versions.setdefault(name, []).append(version)
    return versions


def _split_selectors(header: str) -> list[str]:
    """The comma-separated selectors of a header, each unquoted."""
    selectors, current, quoted, escaped = [], [], False, False
    for char in header:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            selectors.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    selectors.append("".join(current).strip())
    return [s for s in selectors if s]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value) if "\\" in value else value[1:-1]
    return value
