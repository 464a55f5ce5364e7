"""``[tool.ds-migrate]`` in pyproject.toml, or a ds-migrate.toml.

The closest file above the first path wins. Every key is checked: an
unknown key, a wrong type or a value outside the allowed set is an error
that names the file, the key and what is allowed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ds_migrate.deepseek.mapping import LEGACY_MODES, TARGETS, THINKING_FORMS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 in CI
    import tomli as tomllib

TARGET_ALIASES = {"flash": "deepseek-v4-flash", "pro": "deepseek-v4-pro", "v4.1": "deepseek-flash"}
SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def root(self) -> str:
        """The project root, which exclude patterns with a slash are relative to:
        the configuration file's folder, else the current folder (as ruff does)."""
        import os

        return str(self.path.parent) if self.path is not None else os.getcwd()


def _list_of_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_target(value: Any) -> str | None:
    if isinstance(value, str) and (value in TARGETS or value in TARGET_ALIASES):
        return None
    return f"one of {', '.join(TARGETS + tuple(TARGET_ALIASES))}"


def mapping_value_problem(name: str, model: Any) -> str | None:
    """Why ``model`` cannot replace the retired ``name`` (None when it can):
    the values ``target`` accepts, and no other (a typo or another provider's
    model would be written with DeepSeek's thinking body)."""
    if isinstance(model, str) and (model in TARGETS or model in TARGET_ALIASES):
        return None
    return (f"{model!r} for {name!r} is not a current V4 id; use one of "
            f"{', '.join(TARGETS + tuple(TARGET_ALIASES))}")


def _check_mapping(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "a table of retired name = model id"
    for key, model in value.items():
        if key.lower() not in LEGACY_MODES:
            return f"keys among {', '.join(LEGACY_MODES)} (got {key!r})"
        problem = mapping_value_problem(key, model)
        if problem:
            return f"a table of retired name = V4 id: {problem}"
    return None


def _check_per_file_ignores(value: Any) -> str | None:
    if isinstance(value, dict) and all(_list_of_strings(v) for v in value.values()):
        return None
    return 'a table of glob = ["CODE", ...]'


def _choice(*allowed: str):
    def check(value: Any) -> str | None:
        return None if value in allowed else f"one of {', '.join(allowed)}"

    return check


def _typed(kind: type, description: str):
    def check(value: Any) -> str | None:
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if ok and kind is int and value < 1:
            ok = False
        return None if ok else description

    return check


def _strings(value: Any) -> str | None:
    return None if _list_of_strings(value) else "a list of strings"


def _selectors(value: Any) -> str | None:
    """One code or prefix per string, as ruff's config takes them: a comma
    list in one string is the command line's spelling, refused here."""
    if not _list_of_strings(value):
        return "a list of strings"
    return "one rule code or prefix per string" if any("," in item for item in value) else None


CHECKS = {
    "include": _strings,
    "exclude": _strings,
    "extend-exclude": _strings,
    "respect-gitignore": _typed(bool, "true or false"),
    "include-ignored": _typed(bool, "true or false"),
    "select": _selectors,
    "ignore": _selectors,
    "fail-on": _choice(*SEVERITIES),
    "target": _check_target,
    "mapping": _check_mapping,
    "thinking-form": _choice(*THINKING_FORMS),
    "jobs": _typed(int, "a whole number of at least 1"),
    "per-file-ignores": _check_per_file_ignores,
    "max-file-size": _typed(int, "a size in bytes, at least 1"),
}


def validate(values: dict[str, Any], path: Path) -> dict[str, Any]:
    for key, value in values.items():
        check = CHECKS.get(key)
        if check is None:
            if key == "tool" and Path(path).name == "ds-migrate.toml":
                # the README's [tool.ds-migrate] block pasted as it is
                raise ConfigError(
                    f"{path}: unknown key 'tool': ds-migrate.toml takes its keys at the top level, without "
                    "the [tool.ds-migrate] header that pyproject.toml needs"
                )
            raise ConfigError(f"{path}: unknown key '{key}'; allowed keys: {', '.join(sorted(CHECKS))}")
        problem = check(value)
        if problem:
            raise ConfigError(f"{path}: '{key}' must be {problem}, not {value!r}")
    normalized = dict(values)
    if "target" in normalized:
        normalized["target"] = TARGET_ALIASES.get(normalized["target"], normalized["target"])
    if "mapping" in normalized:
        normalized["mapping"] = {k.lower(): TARGET_ALIASES.get(v, v) for k, v in normalized["mapping"].items()}
    return normalized


def _read(path: Path) -> dict[str, Any] | None:
    """The ds-migrate table of one file, or None when it has none."""
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("ds-migrate") if isinstance(tool, dict) else None
        if table is None:
            _misspelled_table(path, document)
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.ds-migrate] must be a table")
        return table
    return document


def _squashed(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _misspelled_table(path: Path, document: dict) -> None:
    """``[tool.ds_migrate]``, ``[tool.dsmigrate]``, ``[ds-migrate]``: meant for
    this tool, and silently read as no settings, a typo would turn a gate
    green (a sixth fresh reader; ruff ignores unknown tool tables too, but
    these can only mean one tool). An error that names the right header."""
    tool = document.get("tool", {})
    names = [f"tool.{k}" for k in (tool if isinstance(tool, dict) else {})] + [k for k in document if k != "tool"]
    for name in names:
        if _squashed(name.rsplit(".", 1)[-1]) == "dsmigrate":
            raise ConfigError(f"{path}: [{name}] is not read: ds-migrate's settings go under [tool.ds-migrate]")


def find_config(start: Path) -> Path | None:
    """The closest ds-migrate.toml or pyproject.toml with a [tool.ds-migrate] table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_folder in (folder, *folder.parents):
        for name in ("ds-migrate.toml", "pyproject.toml"):
            candidate = candidate_folder / name
            if candidate.is_file():
                if name == "ds-migrate.toml":
                    return candidate
                try:
                    if _read(candidate) is not None:
                        return candidate
                except ConfigError:
                    return candidate  # report the broken file rather than skip it
    return None


def load_config(explicit: str | None, first_path: str, isolated: bool) -> Config:
    if isolated:
        return Config()
    path = Path(explicit) if explicit else find_config(Path(first_path) if first_path != "-" else Path.cwd())
    if path is None:
        return Config()
    if explicit and not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    table = _read(path)
    if table is None:
        if explicit:
            raise ConfigError(f"{path}: has no [tool.ds-migrate] table")
        return Config()
    return Config(path, validate(table, path))


_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]")


def settings_lines(path: str, text: str) -> set[int]:
    """The lines (1-based) of ds-migrate's own settings in ``path``: all of a
    ds-migrate.toml, the [tool.ds-migrate] tables of a pyproject.toml. A
    ``mapping`` names retired ids on purpose; they are not findings."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    lines = text.splitlines()
    if name == "ds-migrate.toml":
        return set(range(1, len(lines) + 1))
    if name != "pyproject.toml" or "ds-migrate" not in text:
        return set()
    own, inside = set(), False
    for number, line in enumerate(lines, 1):
        header = _TABLE_HEADER.match(line)
        if header:
            table = header.group(1).replace('"', "").replace(" ", "")
            inside = table == "tool.ds-migrate" or table.startswith("tool.ds-migrate.")
        if inside:
            own.add(number)
    return own


STARTER = """\
[tool.ds-migrate]
# What to skip (globs). exclude replaces the defaults. An include list narrows
# what is read at all: a .env or config file left out can no longer hold back a
# default it would merge with, so prefer excludes.
# extend-exclude = ["tests/fixtures/*"]
# respect-gitignore = true
# Also scan gitignored files that mention DeepSeek (a local .env, say).
# include-ignored = false

# Rules: codes or prefixes (DSM1 = every retired-name rule).
# select = ["DSM"]
# ignore = ["DSM108"]
# per-file-ignores = { "tests/*" = ["DSM106"] }

# Lowest severity that fails the run: error, warning or info.
# fail-on = "warning"

# What the retired names become: deepseek-v4-flash (default), deepseek-flash
# (the V4.1 name) or deepseek-v4-pro. Per-name overrides go in mapping.
# target = "deepseek-v4-flash"
# mapping = { deepseek-reasoner = "deepseek-v4-pro" }

# "object" adds the thinking mode where the request is made; "omit" renames only.
# thinking-form = "object"

# Processes for parsing (default: all cores).
# jobs = 2
"""
