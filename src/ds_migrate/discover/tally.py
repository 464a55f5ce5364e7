"""Counting the clean files of a folder without keeping them: the git
listing (``git ls-files -z --stage``, read in blocks) or the walk, each with
discovery's rules, beside ripgrep's search (ripgrep.native_discover).
Nothing is kept per clean file; the files ripgrep matched are checked
against the same rules afterwards."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from ds_migrate.discover.listing import Discovery, FileFilter, git_entry, walk_folders
from ds_migrate.languages import parsed_name, searched_as_text

_REGULAR_MODES = ("100644", "100755")  # what git --stage says of a regular file


class GitFailed(Exception):
    pass


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


class GitTally:
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
        # the handlers' names (their first use imports them, libcst with
        # them: a quarter of a second) while git stats every tracked file
        parsed = parsed_name().match
        out, _ = changes.communicate()
        changed_ok = changes.returncode == 0
        self.changed = {os.fsdecode(name) for name in out.split(b"\0") if name}
        seen_any = False
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
                raise GitFailed  # never half a tree
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
                raise GitFailed from None
            try:
                for regular, _careful in self._classified(process.stdout):
                    members += [str(self.root / r) for r in regular if r in wanted]
            finally:
                process.stdout.close()
            if process.wait() != 0:
                raise GitFailed
        return members


class WalkTally:
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
        from ds_migrate.discover.listing import _gitignore_spec, _ignored_by

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
