"""Which files a run looks at.

Inside a git work tree git itself says what is ignored (``git ls-files``,
fast and exactly git's rules); elsewhere ``.gitignore`` files are matched
with pathspec. Files named explicitly are always scanned unless
``--force-exclude`` (ruff's convention, for pre-commit).
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Callable

from ds_migrate.discover.globs import extensions_regex, globs_regex

DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    ".tox",
    ".nox",
    ".eggs",
    "site-packages",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)

_NOT_REGULAR = "not a regular file (pipe, socket or device)"


def _default_include() -> tuple[str, ...]:
    from ds_migrate.languages import default_include

    return default_include()


DEFAULT_INCLUDE = _default_include()


@dataclass
class Discovery:
    # paths as strings (a big tree has tens of thousands; Path objects cost)
    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    missing: list[str] = field(default_factory=list)
    # files scanned and found clean by a native search (ripgrep), counted
    # and not listed: ``files`` then holds only the ones left to read
    clean: int = 0
    clean_as_text: int = 0  # of the clean ones, files of a kind no handler parses


@dataclass(frozen=True)
class FileFilter:
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    include: tuple[str, ...] = DEFAULT_INCLUDE

    @property
    def patterns(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude

    @cached_property
    def _part_pattern(self) -> re.Pattern:
        """Matches one path component against any exclude glob without a slash."""
        globs = [p.rstrip("/") for p in self.patterns if "/" not in p.rstrip("/")]
        return re.compile(globs_regex(globs))

    @cached_property
    def _path_pattern(self) -> re.Pattern:
        """Matches a relative path against any exclude glob with a slash."""
        globs = [p.rstrip("/") for p in self.patterns if "/" in p.rstrip("/")]
        translated = [fnmatch.translate(g) for g in globs] + [fnmatch.translate(f"*/{g}") for g in globs]
        return re.compile("|".join(translated) or r"(?!)")

    @cached_property
    def _include_pattern(self) -> re.Pattern:
        from ds_migrate.languages.base import BINARY_EXTENSIONS

        # a known binary extension is never included, whatever the globs say (a name
        # with a newline too: ripgrep, told the same, skips those as well)
        binary = r"(?!(?si:.*\." + extensions_regex(BINARY_EXTENSIONS) + r")\Z)"
        return re.compile(binary + "(?:" + globs_regex(self.include) + ")")

    @cached_property
    def _regular_pattern(self) -> re.Pattern:
        """Matches the name of a regular file the walk scans: included, and
        not excluded by a glob without a slash."""
        return re.compile(f"(?!(?:{self._part_pattern.pattern})){self._include_pattern.pattern}")

    def is_excluded(self, relative: PurePosixPath) -> bool:
        match_part = self._part_pattern.match
        if any(match_part(part) for part in relative.parts):
            return True
        return bool(self._path_pattern.match(relative.as_posix()))

    def wants(self, path: Path) -> bool:
        return self._include_pattern.match(path.name) is not None


def discover(
    paths: list[str], file_filter: FileFilter, many: tuple[int, Callable[[], None]] | None = None
) -> Discovery:
    """The files to scan, sorted. ``many=(n, call)`` calls ``call`` once, as
    soon as ``n`` files are found (a run forks its workers then, while it is
    still small)."""
    found = Discovery()
    count, call = many if many is not None else (0, None)
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            found.missing.append(raw)
            continue
        if path.is_dir():
            for file in _walk_folder(path, file_filter, found):
                found.files.append(file)
                if call is not None and len(found.files) >= count:
                    call()
                    call = None
        elif path.is_file():
            if file_filter.force_exclude and file_filter.is_excluded(PurePosixPath(path.as_posix())):
                continue
            found.files.append(str(path))
        else:
            found.skipped.append((raw, "not a regular file (broken link or special file)"))
    if len(paths) > 1:  # only overlapping arguments can name a file twice
        unique = {os.path.normpath(p): p for p in reversed(found.files)}
        found.files = list(unique.values())
    found.files.sort(key=_posix)
    found.skipped.sort()
    return found


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _walk_folder(root: Path, file_filter: FileFilter, found: Discovery):
    listed = _git_listing(root) if file_filter.respect_gitignore else None
    if listed is not None:
        for relative in listed:
            posix = PurePosixPath(relative)
            if not file_filter.wants(Path(relative)) or file_filter.is_excluded(posix):
                continue
            path = git_entry(root, relative, found)
            if path is not None:
                yield path
        return
    yield from _walk_plain(root, file_filter, found)


def git_entry(root: Path, relative: str, found: Discovery) -> str | None:
    """The path to scan for a file git lists (None: nothing to scan; a link
    out of the folder or a special file is noted in ``found.skipped``)."""
    path = root / relative
    if path.is_symlink():
        # as the plain walk does: a broken link (or a loop) is reported, not dropped
        if not os.path.exists(path):
            found.skipped.append((str(path), "broken symbolic link"))
            return None
        if not _inside(path, root):
            found.skipped.append((str(path), "symbolic link out of the scanned folder"))
            return None
    if path.is_file():
        return str(path)
    if os.path.exists(path) and not path.is_dir():
        found.skipped.append((str(path), _NOT_REGULAR))
    return None


def _git_listing(root: Path) -> list[str] | None:
    """Files git does not ignore below ``root``, or None outside a work tree."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted({name for name in names if name})


def _inside(path: Path, root: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(root)))
    except OSError:
        return False


def _walk_plain(root: Path, file_filter: FileFilter, found: Discovery):
    for path, _link in walk_entries(root, file_filter, found):
        yield path


def walk_entries(root: Path, file_filter: FileFilter, found: Discovery):
    """Walk with os.scandir (one stat per entry at most), pruning excluded
    folders; yields ``(path, is_link)``.

    Folder links are never followed (no loops, no escaping the tree); file
    links are followed only to targets inside the tree.
    """
    for folder, names, others in walk_folders(root, file_filter, found):
        for name in names:
            yield os.path.join(folder, name), False
        yield from others


def walk_folders(root: Path, file_filter: FileFilter, found: Discovery):
    """The walk of ``walk_entries``, one folder at a time: yields ``(folder,
    names, others)``, the names of the regular files to scan in that folder
    and the ``(path, is_link)`` of the other files to scan (links). A big
    tree is mostly regular files, so they are filtered a folder at a time."""
    part_excluded = file_filter._part_pattern.match
    path_excluded = file_filter._path_pattern.match if any("/" in p.rstrip("/") for p in file_filter.patterns) else None
    included = file_filter._include_pattern.match
    wanted = file_filter._regular_pattern.match
    real_root = os.path.realpath(root)
    root_text = str(root)
    stack: list[tuple[str, tuple]] = [(root_text, ())]
    while stack:
        folder, specs = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)  # the files are sorted once, at the end
        except OSError as error:
            found.skipped.append((folder, f"cannot list: {error.strerror or error}"))
            continue
        if file_filter.respect_gitignore and any(e.name == ".gitignore" for e in entries):
            specs = specs + (_gitignore_spec(folder),)
        names: list[str] = []
        if not (path_excluded or specs):
            # regular files (no link: is_file(follow_symlinks=False) says both) by name alone
            try:
                regular = [e.is_file(follow_symlinks=False) for e in entries]
            except OSError:
                regular = [False] * len(entries)  # each entry the careful way
            names = list(filter(wanted, [e.name for e, plain in zip(entries, regular) if plain]))
            entries = [e for e, plain in zip(entries, regular) if not plain]
        folders = []
        others = []
        for entry in entries:
            name = entry.name
            if part_excluded(name):
                continue
            relative = None
            if path_excluded or specs:
                relative = os.path.relpath(entry.path, root_text).replace(os.sep, "/")
                if path_excluded and path_excluded(relative):
                    continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if specs and _ignored_by(specs, entry.path, is_dir):
                continue
            if is_dir:
                folders.append(entry.path)
                continue
            if not included(name):
                continue
            link = entry.is_symlink()
            if link:
                target = os.path.realpath(entry.path)
                if not os.path.exists(target):
                    found.skipped.append((entry.path, "broken symbolic link"))
                    continue
                if not target.startswith(real_root + os.sep):
                    found.skipped.append((entry.path, "symbolic link out of the scanned folder"))
                    continue
            # a pipe or a device would block the read (or never end)
            if not entry.is_file():
                found.skipped.append((entry.path, _NOT_REGULAR))
                continue
            others.append((entry.path, link))
        yield folder, names, others
        stack.extend((path, specs) for path in reversed(folders))


def _gitignore_spec(folder: str):
    import pathspec

    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            return folder, pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except OSError:
        return folder, pathspec.GitIgnoreSpec.from_lines([])


def _ignored_by(specs: tuple, path: str, is_dir: bool) -> bool:
    for base, spec in specs:
        text = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
        if spec.match_file(text):
            return True
    return False
