"""Gitignored files that name a retired id: the deployed model often lives in
a local ``.env`` that .gitignore hides. A run says how many there are, and
``--include-ignored`` (config ``include-ignored``) scans them.

Cheap by design: only ignored files outside the excludes are looked at, and
only those that hold the bytes ``deepseek`` are searched for a retired id.
With ripgrep (native discovery) the list is free: ripgrep already searched
every file, ignored ones included (``Discovery.ignored``). Otherwise git
lists the ignored entries (collapsed to folders, so ``.venv/`` is one entry
that the excludes prune); outside git, a second walk without the ignore
files runs only when the folder has a ``.gitignore`` at its top.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ds_migrate.deepseek.mentions import mentions
from ds_migrate.discover.listing import Discovery, FileFilter, walk_entries


def ignored_mentions(paths: list[str], file_filter: FileFilter, discovery: Discovery, max_size: int) -> list[str]:
    """Ignored files below the folders of ``paths`` that mention DeepSeek."""
    if not file_filter.respect_gitignore:
        return []  # nothing was left out for being ignored
    if discovery.ignored is not None:
        return list(discovery.ignored)  # ripgrep searched them already
    found: list[str] = []
    for raw in paths:
        if not os.path.isdir(raw):
            continue
        listed = _git_ignored(raw, file_filter)
        if listed is None:
            listed = _walk_ignored(raw, file_filter, discovery)
        found += [path for path in listed if _mentions(path, max_size)]
    return sorted(set(found))


def naming_retired(candidates: list[str], max_size: int, reported=None) -> list[str]:
    """Of ``candidates``, the files that name a retired id; with ``reported``
    (path, bytes -> bool), only those a scan would report (``--select``,
    ``--ignore``, suppressions)."""
    from ds_migrate.deepseek.names import find_legacy_names

    named = []
    for path in candidates:
        data = _read(path, max_size)
        if data is not None and mentions(data) and find_legacy_names(data.decode("utf-8", "replace")):
            if reported is None or reported(path, data):
                named.append(path)
    return named


def _read(path: str, max_size: int) -> bytes | None:
    try:
        if os.path.getsize(path) > max_size:
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _mentions(path: str, max_size: int) -> bool:
    data = _read(path, max_size)
    return data is not None and b"\0" not in data and mentions(data)


def _wanted(file_filter: FileFilter, relative: str) -> bool:
    return file_filter.wants(Path(relative)) and not file_filter.is_excluded(PurePosixPath(relative))


def _git_ignored(root: str, file_filter: FileFilter) -> list[str] | None:
    """Ignored files below ``root`` as git sees them; None outside a work tree."""
    try:
        completed = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--", "."],
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    everything = replace(file_filter, respect_gitignore=False)
    files = []
    for entry in completed.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        relative = entry.rstrip("/")
        if file_filter.is_excluded(PurePosixPath(relative)):
            continue  # .venv/, node_modules/, build/ ...
        path = os.path.join(root, relative)
        if entry.endswith("/"):
            for inner, _link in walk_entries(Path(path), everything, Discovery()):
                if _wanted(file_filter, os.path.relpath(inner, root).replace(os.sep, "/")):
                    files.append(inner)
        elif os.path.isfile(path) and _wanted(file_filter, relative):
            files.append(path)
    return files


def _walk_ignored(root: str, file_filter: FileFilter, discovery: Discovery) -> list[str]:
    if not os.path.isfile(os.path.join(root, ".gitignore")):
        return []
    seen = {os.path.normpath(p) for p in discovery.files}
    everything = replace(file_filter, respect_gitignore=False)
    return [
        path
        for path, _link in walk_entries(Path(root), everything, Discovery())
        if os.path.normpath(path) not in seen
    ]
