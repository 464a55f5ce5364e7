"""Which files a run looks at.

Inside a git work tree git itself says what is ignored (``git ls-files``,
fast and exactly git's rules); elsewhere ``.gitignore`` files are matched
with pathspec. Files named explicitly are always scanned unless
``--force-exclude`` (ruff's convention, for pre-commit).

A link to a file inside the scanned folder is not a file of its own: its
target is scanned (and fixed, once) in its place, and the writer writes
through links, so no link ever becomes a regular file. A link out of the
folder is skipped and reported.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Callable

from ds_migrate.discover.globs import extensions_regex, gitignore_regex, gitignore_spec, globs_regex, is_name_pattern, name_pattern_regexes

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
    # gitignored files that mention DeepSeek, when a native search saw them
    # anyway (ignored.py); None: not known
    ignored: list[str] | None = None


@dataclass(frozen=True)
class FileFilter:
    """What to scan. ``exclude``/``extend-exclude`` follow gitignore's rules
    (docs/configuration-globs.md): a name pattern matches at any depth, a
    pattern with a slash is anchored to ``root`` (the project root; None: each
    scanned folder), ``**`` crosses folders and ``*`` does not. ``include``
    globs match file names."""

    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    include: tuple[str, ...] = DEFAULT_INCLUDE
    # scan the gitignored files that mention DeepSeek too (ignored.py)
    include_ignored: bool = False
    root: str | None = None

    @property
    def patterns(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude

    @cached_property
    def _reincludes(self) -> bool:
        """A ``!`` pattern: then every pattern is matched on the path, in order."""
        return any(p.startswith("!") for p in self.patterns)

    @cached_property
    def name_patterns(self) -> tuple[str, ...]:
        """The patterns matched on a name alone (and so told to ripgrep), ``**/x`` as ``x``."""
        if self._reincludes:
            return ()
        return tuple(p.removeprefix("**/") for p in self.patterns if is_name_pattern(p))

    @cached_property
    def _name_regexes(self) -> tuple[re.Pattern, re.Pattern]:
        names, folders = name_pattern_regexes(self.name_patterns)
        return re.compile(names or r"(?!)"), re.compile(folders or r"(?!)")

    @property
    def _part_pattern(self) -> re.Pattern:
        """Matches a name (of a file or a folder) a name pattern excludes."""
        return self._name_regexes[0]

    @property
    def _folder_pattern(self) -> re.Pattern:
        """Matches ``name/`` of a folder a name pattern excludes (``cache/`` too)."""
        return self._name_regexes[1]

    @cached_property
    def _anchored(self) -> Callable[[str], object] | None:
        """Matches (truthy) a path from the anchor (folders end in "/") against
        the patterns with a slash; None when there are none. A bound method,
        not a closure, so the filter still pickles."""
        anchored = [p for p in self.patterns if self._reincludes or not is_name_pattern(p)]
        if not anchored:
            return None
        if self._reincludes:
            return gitignore_spec(anchored).match_file
        return re.compile(gitignore_regex(anchored) or r"(?!)").match

    def path_matcher(self, base: str) -> Callable[[str, bool], bool] | None:
        """``excluded(relative, is_dir)`` for paths relative to the folder
        ``base``, by the anchored patterns; None when there are none. A
        folder outside ``root`` anchors them itself."""
        anchored = self._anchored
        if anchored is None:
            return None
        prefix = ""
        if self.root is not None:
            inside = os.path.relpath(os.path.abspath(base), os.path.abspath(self.root)).replace(os.sep, "/")
            if inside != "." and inside != ".." and not inside.startswith("../"):
                prefix = inside + "/"
        return lambda relative, is_dir=False: bool(anchored(prefix + relative + ("/" if is_dir else "")))

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
        not excluded by a name pattern."""
        return re.compile(f"(?!(?:{self._part_pattern.pattern})){self._include_pattern.pattern}")

    def is_excluded(self, relative: PurePosixPath, base: str | None = None) -> bool:
        """Is the file at ``relative`` (to the folder ``base``; None: to the
        anchor itself) excluded?"""
        *folders, name = relative.parts or ("",)
        folder_excluded = self._folder_pattern.match
        if self._part_pattern.match(name) or any(folder_excluded(f + "/") for f in folders):
            return True
        matcher = self.path_matcher(base if base is not None else (self.root or "."))
        return bool(matcher and matcher(relative.as_posix()))

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
            if file_filter.force_exclude and _named_file_excluded(path, file_filter):
                continue
            found.files.append(str(path))
        else:
            found.skipped.append((raw, "not a regular file (broken link or special file)"))
    if len(paths) > 1:  # only overlapping arguments can name a file twice
        unique = {os.path.normpath(p): p for p in reversed(found.files)}
        found.files = list(unique.values())
        found.files = _without_links_to_listed_files(found.files, paths)
    found.files.sort(key=_posix)
    found.skipped.sort()
    return found


def _named_file_excluded(path: Path, file_filter: FileFilter) -> bool:
    """``--force-exclude``: a named file as the walk would judge it, its path
    taken from the project root (from the current folder with none)."""
    anchor = os.path.abspath(file_filter.root or ".")
    relative = os.path.relpath(os.path.abspath(path), anchor)
    if relative == ".." or relative.startswith(".." + os.sep):
        relative = path.as_posix()  # outside the project: as given
    return file_filter.is_excluded(PurePosixPath(relative.replace(os.sep, "/")), anchor)


def _without_links_to_listed_files(files: list[str], paths: list[str]) -> list[str]:
    """``files`` without the named links whose target is listed too (by name
    or in a folder): the target is read and fixed once, in their place."""
    links = {str(Path(p)) for p in paths if os.path.islink(p) and os.path.isfile(p)}
    if not links:
        return files
    targets = {link: os.path.realpath(link) for link in links}
    names = {os.path.basename(target) for target in targets.values()}
    # the real path of each other listed file that could be one of those targets (same name)
    listed = {os.path.realpath(f) for f in files if os.path.basename(f) in names and f not in links}
    return [f for f in files if f not in links or targets[f] not in listed]


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _walk_folder(root: Path, file_filter: FileFilter, found: Discovery):
    listed = _git_listing(root) if file_filter.respect_gitignore else None
    if listed is not None:
        for relative in listed:
            posix = PurePosixPath(relative)
            if not file_filter.wants(Path(relative)) or file_filter.is_excluded(posix, str(root)):
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
        # a link to a file in the folder: its target is scanned in its place
        return None if path.is_symlink() else str(path)
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

    Folder links are never followed (no loops, no escaping the tree). A
    file link is never yielded: its target, when inside the tree, is scanned
    in its place (so it is read and fixed once); one out of the tree is
    skipped and reported.
    """
    for folder, names, others in walk_folders(root, file_filter, found):
        for name in names:
            yield os.path.join(folder, name), False
        yield from others


def walk_folders(root: Path, file_filter: FileFilter, found: Discovery):
    """The walk of ``walk_entries``, one folder at a time: yields ``(folder,
    names, others)``, the names of the regular files to scan in that folder
    and the ``(path, is_link)`` of the others to scan (regular files seen
    the careful way: below a .gitignore or a glob with a slash). A big
    tree is mostly regular files, so they are filtered a folder at a time."""
    part_excluded = file_filter._part_pattern.match
    folder_excluded = file_filter._folder_pattern.match
    path_excluded = file_filter.path_matcher(str(root))
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
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir and folder_excluded(name + "/"):
                continue
            if path_excluded is not None:
                relative = os.path.relpath(entry.path, root_text).replace(os.sep, "/")
                if path_excluded(relative, is_dir):
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
            if link:
                continue  # a link to a file in the folder: its target is scanned in its place
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


def display_path(path: str | Path, cwd: str | None = None) -> str:
    """``path`` relative to the working directory when it lies below it,
    else as given. ``cwd`` saves asking for it once per file."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        if not text.startswith(".."):
            return os.path.normpath(text)  # already relative to here
    else:
        prefix = (cwd or os.getcwd()).rstrip(os.sep) + os.sep
        if text.startswith(prefix):
            # the common case of an absolute path below here, without relpath's cost
            relative = os.path.normpath(text[len(prefix) :])
            if not relative.startswith("..") and not os.path.isabs(relative):
                return relative
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
