"""The files a pre-commit run is about when it names none.

The hooks pass pre-commit's own selection (``pass_filenames: true``): the
staged files, ``--files``, ``--all-files`` or a push's range. A hook set up
with ``pass_filenames: false`` names no file; then ds-migrate reads them from
git: the range a push or ``pre-commit run --from-ref/--to-ref`` names, else
the staged files, else (nothing staged) the whole repository."""

from __future__ import annotations

import os
import subprocess

from ds_migrate.discover.elsewhere import GIT_TIMEOUT_SECONDS, repository_root

# added, copied, modified, renamed, type changed: files that exist to be read
_PRESENT = "--diff-filter=ACMRT"


class NotARepository(Exception):
    pass


def pre_commit_paths(folder: str = ".") -> list[str]:
    """Paths relative to ``folder`` (pre-commit runs hooks at the repository's
    root), or the root itself when nothing is staged."""
    root = repository_root(folder)
    if root is None:
        raise NotARepository(f"{os.path.abspath(folder)} is not in a git repository")
    start, end = os.environ.get("PRE_COMMIT_FROM_REF"), os.environ.get("PRE_COMMIT_TO_REF")
    if start and end:
        names = _git(root, "diff", "--name-only", "-z", _PRESENT, f"{start}...{end}")
    else:
        names = _git(root, "diff", "--cached", "--name-only", "-z", _PRESENT)
    if not names:
        return [os.path.relpath(root, folder)]
    return [os.path.relpath(os.path.join(root, name), folder) for name in names]


def _git(root: str, *args: str) -> list[str]:
    done = subprocess.run(["git", "-C", root, *args], capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False)
    if done.returncode != 0:
        raise NotARepository(f"git {args[0]} failed: {os.fsdecode(done.stderr).strip()}")
    return [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]
