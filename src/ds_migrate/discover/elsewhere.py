"""When only some files are named (pre-commit, an editor on stdin), find
the other files of the repository that name the same legacy ids.

The decision must see them: a rename in a named file that would decouple
it from a comparison in an unnamed one is withheld. Git lists and searches
the tracked and untracked (not ignored) files, so this costs one ``git
grep`` and only runs when a named file mentions a legacy id.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

from ds_migrate.discover.listing import FileFilter
from ds_migrate.deepseek.names import LEGACY_BASE_NAMES

GIT_TIMEOUT_SECONDS = 30


def repository_root(path: str) -> str | None:
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)) or "."
    try:
        done = subprocess.run(
            ["git", "-C", folder, "rev-parse", "--show-toplevel"],
            capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return os.fsdecode(done.stdout).strip() or None


def files_naming(ids: set[str], named: list[str], file_filter: FileFilter) -> list[str]:
    """Files of the named files' repository, other than them, that mention one of ``ids``.

    Paths come back absolute. Excluded files (``exclude``, ``extend-exclude``)
    stay out, as they would in a run over the whole tree.
    """
    wanted = sorted({i for i in ids if i in LEGACY_BASE_NAMES})
    if not wanted or not named:
        return []
    root = repository_root(named[0])
    if root is None:
        return []
    command = ["git", "-C", root, "grep", "-l", "-z", "-I", "-i", "-F", "--untracked"]
    for legacy in wanted:
        command += ["-e", legacy]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode not in (0, 1):
        return []
    mine = {os.path.realpath(p) for p in named}
    found = []
    for raw in done.stdout.split(b"\0"):
        if not raw:
            continue
        relative = os.fsdecode(raw)
        path = os.path.join(root, relative)
        if os.path.realpath(path) in mine or file_filter.is_excluded(PurePosixPath(relative)):
            continue
        if not file_filter.wants(Path(path)) and not _is_text_kind(relative):
            continue
        found.append(path)
    return found


def _is_text_kind(relative: str) -> bool:
    from ds_migrate.languages import handler_for

    return handler_for(relative) is not None
