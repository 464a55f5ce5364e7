"""Which files to follow: the ones that import an exporting module (git grep,
ripgrep or a walk), the cheap text tests before a parse, and the ids the
run's config files give environment variables."""

from __future__ import annotations

import os
import re
import subprocess
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ds_migrate.discover.listing import FileFilter, discover

if TYPE_CHECKING:
    from ds_migrate.project.flow.modules import Module

GIT_TIMEOUT_SECONDS = 60
PYTHON_SUFFIXES = (".py", ".pyi")

_WORD = re.compile(r"\w+")
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t][^\n]*", re.M)


def worth_tracing(text: str, names_of: dict[str, list["Module"]], own: "Module | None") -> bool:
    """Cheap test before a parse: the file imports an exporting module and
    names what it exports, or reads one of its own exported names in a way
    the module's own rules do not follow (a parameter default, an attribute
    of a settings instance, a table lookup, ``self.x = NAME``)."""
    stems = _imported_words(text).intersection(names_of)
    if stems:
        words = set(_WORD.findall(text))
        for stem in stems:
            if any(words & {name.split(".")[0] for name in module.sources} for module in names_of[stem]):
                return True
    return own is not None and _reads_own_sources(text, own)


def _imported_words(text: str) -> set[str]:
    return {word for line in _IMPORT_LINE.findall(text) for word in _WORD.findall(line)}


def _reads_own_sources(text: str, own: "Module") -> bool:
    names = {n.split(".")[0] for n, s in own.sources.items() if s.model or s.models or s.instance_of or s.env}
    names = {name for name in names if text.count(name) > 1}  # defined once, read again
    if not names:
        return False
    alternatives = "|".join(map(re.escape, sorted(names)))
    classes = "|".join(sorted({re.escape(n.split(".")[0]) for n in own.sources if "." in n})) or "(?!)"
    pattern = (
        rf"(?:\bdef\s+\w+\s*\([^)]*=\s*(?:{alternatives})\b"  # a parameter default
        rf"|\bself\.\w+\s*=\s*(?:{alternatives})\b"  # kept on the instance
        rf"|\b(?:{alternatives})\.\w+"  # settings.model
        rf"|\b(?:{classes})\("  # Settings(), Settings().model
        rf"|\b(?:{alternatives})\s*\[)"  # MODELS["chat"]
    )
    return re.search(pattern, text) is not None


# NAME=value, NAME: value, "NAME": "value" (dotenv, compose, YAML, JSON, Dockerfile ENV)
# (the variable in upper case, as environment variables are: a JS ``model:``
# property is no variable; the id in any case)
_ENV_SETTING = re.compile(r"\b([A-Z][A-Z0-9_]*)\b[\"']?[ \t]*[:=][ \t]*[\"']?((?:[\w.-]+[/:])?(?i:deepseek)-[\w.-]+)")
# source files: their properties and constants are not environment settings
_NOT_ENV_FILES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".go", ".java", ".rb", ".php", ".rs", ".kt", ".cs")


def env_values(outcome, context=()) -> dict[str, list[tuple[str, int, str]]]:
    """VAR -> (file, line, value) for every DeepSeek model id a config file
    of the run (``.env``, compose, YAML, Dockerfile...), or of its context
    ((path, result) pairs), gives a variable."""
    found: dict[str, list[tuple[str, int, str]]] = {}
    for path, result in (*zip(outcome.paths, outcome.results), *context):
        if path.endswith(PYTHON_SUFFIXES + _NOT_ENV_FILES) or not (result.findings or result.suppressed or result.current_ids):
            continue
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            for match in _ENV_SETTING.finditer(line):
                found.setdefault(match.group(1), []).append((result.path, number, match.group(2)))
    return found


def reads_env(text: str, env: dict) -> bool:
    return bool(env) and ("getenv" in text or "environ" in text) and any(name in text for name in env)


def files_naming(stems: list[str], paths: list[str], file_filter: FileFilter, words=None) -> list[str]:
    """Python files below the folder arguments that name one of ``stems`` on
    an import line. Given ``words`` (what the modules of those stems export),
    in a work tree only the files that also name one of them as a word:
    ``worth_tracing`` asks both of a file no worker read, and the exported
    names are rare where the stems are not ("transformation", "utils")."""
    if not stems:
        return []
    git_grep = _git_grep if words is None else partial(_git_grep, words=sorted(words))
    return search_folders(stems, paths, file_filter, git_grep, _walk_grep)


def search_folders(stems: list[str], paths: list[str], file_filter: FileFilter, git_grep, walk_grep) -> list[str]:
    """The files ``git_grep(folder, stems)`` finds below each folder argument
    (then filtered by the run's excludes), or ``walk_grep(folder, stems,
    file_filter)`` outside a work tree (it returns None there)."""
    found: list[str] = []
    for folder in (p for p in paths if os.path.isdir(p)):
        listed = git_grep(folder, stems)
        if listed is None:
            listed = walk_grep(folder, stems, file_filter)
        else:
            listed = [p for p in listed if not file_filter.is_excluded(PurePosixPath(os.path.relpath(p, folder)), folder)]
        found.extend(listed)
    return found


def _git_grep(folder: str, stems: list[str], words: list[str] | None = None) -> list[str] | None:
    """The files with a line naming ``import`` and a stem, as words (what
    ``_imported_words`` looks for, a superset of it). Not the stem alone:
    a short stem ("nn", "validate") is a word in thousands of files of a
    monorepo, and git's word search slows down sharply on a common string.
    With ``words``, only among the files naming one of them as a word (git's
    word characters are ASCII ones, so it finds every word ``\\w+`` finds)."""
    where: list[str] = ["*.py", "*.pyi"]
    if words is not None:
        naming = _git_grep_lines(folder, _either(words), where)
        if not naming:
            return naming  # None: not a work tree; []: no file names them
        where = [":(literal)" + name for name in naming]
    command = ["-e", "import", "--and", "(", *_either(stems), ")"]
    found: list[str] = []
    for at in range(0, len(where), 500):
        listed = _git_grep_lines(folder, command, where[at : at + 500])
        if listed is None:
            return None
        found += listed
    return [os.path.join(folder, name) for name in found]


def _either(words: list[str]) -> list[str]:
    return [part for word in words for part in ("-e", word)]


def _git_grep_lines(folder: str, patterns: list[str], pathspecs: list[str]) -> list[str] | None:
    """The files (relative to ``folder``) ``git grep`` finds with ``patterns``
    as fixed words; None outside a work tree or when git failed."""
    command = ["git", "-C", folder, "grep", "-l", "-z", "-I", "-w", "-F", "--untracked", *patterns, "--", *pathspecs]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode not in (0, 1):
        return None  # not a work tree (128) or git failed: walk instead
    return [os.fsdecode(raw) for raw in done.stdout.split(b"\0") if raw]


def _walk_grep(folder: str, stems: list[str], file_filter: FileFilter) -> list[str]:
    """Outside a work tree: the Python files discovery lists whose import
    lines name a stem (ripgrep, when there, rules most of them out first)."""
    wanted = set(stems)
    found = []
    listed = [p for p in discover([folder], file_filter).files if p.endswith(PYTHON_SUFFIXES)]
    for path in _importing_any(listed, stems):
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if wanted & _imported_words(text):
            found.append(path)
    return found


def _importing_any(paths: list[str], words: list[str], chunk: int = 2000) -> list[str]:
    """The paths with an import line that names one of ``words`` (what
    ``_imported_words`` looks for: ``from a.word import x``, ``import a, word``),
    by ripgrep when it is installed (all of them otherwise: the caller checks
    each). Not the word alone: stems such as "utils" or "types" are words in
    most files of a big tree, and each match is read again here."""
    from ds_migrate.discover.ripgrep import find_ripgrep

    binary = find_ripgrep()
    if binary is None or not paths:
        return paths
    found: list[str] = []
    either = "|".join(re.escape(word) for word in sorted(set(words)))
    pattern = (
        rf"^[ \t]*from[ \t]+[\w.]*\b(?:{either})\b"  # the module named after from
        rf"|^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t].*\b(?:{either})\b"  # or after import
    )
    command = [binary, "--no-config", "--files-with-matches", "--null", "--no-messages", "-e", pattern]
    for start in range(0, len(paths), chunk):
        try:
            done = subprocess.run(
                [*command, "--", *paths[start : start + chunk]], capture_output=True, timeout=GIT_TIMEOUT_SECONDS
            )
        except (OSError, subprocess.SubprocessError):
            return paths
        if done.returncode not in (0, 1):
            return paths  # could not read some: let the caller read them all
        found += [os.fsdecode(raw) for raw in done.stdout.split(b"\0") if raw]
    return found


