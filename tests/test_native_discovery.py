"""Native discovery (git lists, ripgrep matches, clean files only counted)
considers exactly the files the Python discovery would scan.

For every tree below, with and without git, with and without respecting
.gitignore: the files native discovery leaves to read plus the ones it
counted clean are the files ``discover`` lists, nothing else; every file it
counted clean is one that cannot mention DeepSeek; and the reports of a scan
with native discovery, with the older ripgrep prefilter and without ripgrep
are identical.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.discover import ripgrep

from ds_migrate import pipeline
from ds_migrate.cli.commands import main
from ds_migrate.discover.listing import FileFilter, discover

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
CLEAN = "x = 1\n"

pytestmark = pytest.mark.skipif(ripgrep.find_ripgrep() is None, reason="needs ripgrep (dev extra)")


def _git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@localhost", *args],
        check=True,
        capture_output=True,
    )


def _tree(root, outside):
    """Hits and clean files in every place discovery treats differently."""
    files = {
        "pkg/legacy.py": LEGACY,
        "pkg/clean.py": CLEAN,
        "pkg/deep/er/clean2.py": CLEAN,
        "pkg/MixedCase.py": 'M = "DeepSeek-Reasoner"\n',
        "pkg/name with space.py": LEGACY,
        "pkg/odd\nname.py": LEGACY,
        "pkg/odd\nclean.py": CLEAN,
        ".hidden/h.py": LEGACY,
        ".hidden/hclean.py": CLEAN,
        ".env": "DEEPSEEK_MODEL=deepseek-reasoner\n",
        "notes.md": "We call `deepseek-chat` today.\n",
        "README.txt": "not an included kind of file: deepseek-chat\n",
        "node_modules/dep/index.js": 'model: "deepseek-chat"\n',
        "build/gen.py": LEGACY,
        "vendor/third/x.py": LEGACY,
        "ignored/old.py": LEGACY,
        "ignored/old_clean.py": CLEAN,
        "sub/.gitignore": "*.gen.py\n!keep.gen.py\n",
        "sub/a.gen.py": LEGACY,
        "sub/keep.gen.py": LEGACY,
        "sub/b.py": CLEAN,
        "tracked_ignored.py": LEGACY,
        "tracked_ignored_clean.py": CLEAN,
        "utf16.py": None,
        "blob.py": None,
        # binary kinds are never scanned; ripgrep is told so and must not skip more
        "assets/logo.PNG": LEGACY,
        "assets/odd\nlogo.png": LEGACY,
        "assets/lib.\u017fo": LEGACY,  # long s: a binary kind to Python's re, not to ripgrep
        "assets/data.png.txt": LEGACY,
        ".gitignore": "ignored/\ntracked_ignored*.py\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is not None:
            path.write_text(text)
    (root / "utf16.py").write_bytes(LEGACY.encode("utf-16"))
    (root / "blob.py").write_bytes(b"\x00\x01deepseek-chat")
    (outside / "far.py").write_text(LEGACY)
    os.symlink(root / "pkg" / "clean.py", root / "pkg" / "link_clean.py")
    os.symlink(root / "pkg" / "legacy.py", root / "pkg" / "link.py")
    os.symlink(outside / "far.py", root / "pkg" / "out.py")
    os.symlink(root / "pkg" / "gone.py", root / "pkg" / "broken.py")
    os.symlink(root / "pkg", root / "folder_link")


def _make(tmp_path, kind):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    _tree(root, outside)
    if kind != "plain":
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "add", "-f", "tracked_ignored.py", "tracked_ignored_clean.py")
        _git(root, "commit", "-q", "-m", "tree")
        # after the commit: untracked, deleted, changed in content and in kind
        (root / "pkg" / "untracked.py").write_text(LEGACY)
        (root / "pkg" / "untracked_clean.py").write_text(CLEAN)
        os.symlink(root / "pkg" / "legacy.py", root / "pkg" / "untracked_link.py")
        (root / "pkg" / "deep" / "er" / "clean2.py").unlink()
        (root / "pkg" / "clean.py").write_text(LEGACY + CLEAN)
        if hasattr(os, "mkfifo"):
            (root / "sub" / "b.py").unlink()
            os.mkfifo(root / "sub" / "b.py")
            os.mkfifo(root / "pkg" / "untracked_pipe.py")
    elif hasattr(os, "mkfifo"):
        os.mkfifo(root / "pkg" / "pipe.py")
    return root


FILTERS = {
    "default": FileFilter(),
    "no-gitignore": FileFilter(respect_gitignore=False),
    "extend-exclude": FileFilter(extend_exclude=("vendor", "pkg/deep/*", "*.md")),
    "include": FileFilter(include=("*.py", ".env")),
}


def _mentions(path) -> bool:
    with open(path, "rb") as handle:
        return b"deepseek" in handle.read().lower()


@pytest.mark.parametrize("kind", ["plain", "git"])
@pytest.mark.parametrize("name", sorted(FILTERS))
def test_native_discovery_considers_the_same_files(tmp_path, kind, name):
    root = _make(tmp_path, kind)
    file_filter = FILTERS[name]
    expected = discover([str(root)], file_filter)
    native = ripgrep.native_discover([str(root)], file_filter)
    assert native is not None
    assert native.skipped == expected.skipped
    assert native.missing == expected.missing
    # left to read: files discovery lists; counted clean: all the others
    assert set(native.files) <= set(expected.files)
    assert len(native.files) == len(set(native.files))
    assert native.clean + len(native.files) == len(expected.files)
    # nothing that mentions DeepSeek (or is a link ripgrep did not follow) was counted clean
    for path in set(expected.files) - set(native.files):
        assert not os.path.islink(path) and not _mentions(path), path
    assert native.files == sorted(native.files, key=lambda p: p.replace(os.sep, "/"))


def _report(root, monkeypatch, how: str, *extra) -> dict:
    with monkeypatch.context() as patch:
        patch.delenv("DS_MIGRATE_NO_RIPGREP", raising=False)
        if how == "no ripgrep":
            patch.setenv("DS_MIGRATE_NO_RIPGREP", "1")
        elif how == "prefilter":
            patch.setattr(ripgrep, "native_discover", lambda *a, **k: None)
        result = CliRunner().invoke(main, ["scan", "--format", "json", "--jobs", "1", *extra, str(root)])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("kind", ["plain", "git"])
@pytest.mark.parametrize("extra", [(), ("--no-respect-gitignore",)])
def test_reports_agree_with_and_without_native_discovery(tmp_path, monkeypatch, kind, extra):
    root = _make(tmp_path, kind)
    monkeypatch.chdir(tmp_path)
    native = _report(root, monkeypatch, "native", *extra)
    assert native == _report(root, monkeypatch, "prefilter", *extra)
    assert native == _report(root, monkeypatch, "no ripgrep", *extra)
    assert native["summary"]["files_scanned"] > 10


def test_junit_still_names_every_clean_file(tmp_path, monkeypatch):
    root = _make(tmp_path, "git")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for native in (True, False):
        if not native:
            monkeypatch.setattr(ripgrep, "native_discover", lambda *a, **k: None)
        result = CliRunner().invoke(main, ["scan", "--format", "junit", "--jobs", "1", str(root)])
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert "hclean.py" in outputs[0]


def test_clean_files_are_counted_not_read(tmp_path, monkeypatch):
    root = _make(tmp_path, "git")
    read: list[str] = []
    real = pipeline._process_path

    def spy(path, *args):
        read.append(os.path.basename(path))
        return real(path, *args)

    monkeypatch.setattr(pipeline, "_process_path", spy)
    outcome = pipeline.run([str(root)], pipeline.Options(), FileFilter(), jobs=1)
    assert outcome.discovery.clean > 0
    assert "hclean.py" not in read and "untracked_clean.py" not in read
    assert {"legacy.py", "link.py", "link_clean.py", "untracked.py", "clean.py"} <= set(read)
    assert outcome.clean_unread == [] and len(outcome.clean) < 5


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_falls_back(tmp_path, monkeypatch):
    root = _make(tmp_path, "plain")
    secret = root / "pkg" / "secret.py"
    secret.write_text(CLEAN)
    secret.chmod(0)
    try:
        assert ripgrep.native_discover([str(root)], FileFilter()) is None
        outcome = pipeline.run([str(root)], pipeline.Options(), FileFilter(), jobs=1)
        assert any("secret.py" in e.path for e in outcome.errors)
    finally:
        secret.chmod(0o644)


@pytest.mark.parametrize(
    "paths, why",
    [
        (lambda r: [str(r), str(r / "pkg")], "nested folders"),
        (lambda r: [str(r / "pkg" / "legacy.py")], "a file"),
        (lambda r: [str(r / "folder_link")], "a link to a folder"),
    ],
)
def test_native_discovery_declines_what_it_cannot_count(tmp_path, paths, why):
    root = _make(tmp_path, "plain")
    assert ripgrep.native_discover(paths(root), FileFilter()) is None, why


@pytest.mark.parametrize("pattern", ["[ab]*.py", "{a,b}.py", "a\\b", "[!a].py"])
def test_globs_that_could_mean_something_else_to_ripgrep_decline(tmp_path, pattern):
    root = _make(tmp_path, "plain")
    assert ripgrep.native_discover([str(root)], FileFilter(extend_exclude=(pattern,))) is None
    assert ripgrep.native_discover([str(root)], FileFilter(include=("*.py", pattern))) is None
    assert ripgrep.native_discover([str(root)], FileFilter(include=("*.py", "**/x.py"))) is None


def test_an_exclude_with_a_slash_is_applied_by_python(tmp_path):
    root = _make(tmp_path, "plain")
    file_filter = FileFilter(extend_exclude=("pkg/*.py", "**/h.py"))
    native = ripgrep.native_discover([str(root)], file_filter)
    expected = discover([str(root)], file_filter)
    assert native is not None and native.clean + len(native.files) == len(expected.files)
    assert not any(p.endswith(("legacy.py", "h.py")) for p in native.files)


@pytest.mark.parametrize(
    "body",
    [
        "exit 2",  # an error somewhere (a file it could not read)
        "printf 'x\\000'; exit 0",  # no count of files searched
        "printf '0 files searched\\n'; exit 1",  # searched fewer files than discovery lists
    ],
)
def test_a_ripgrep_that_fails_or_searched_less_is_not_trusted(tmp_path, monkeypatch, body):
    root = _make(tmp_path, "git")
    fake = tmp_path / "fake-rg"
    fake.write_text(f"#!/bin/sh\n{body}\n")
    fake.chmod(0o755)
    monkeypatch.setattr(ripgrep, "find_ripgrep", lambda: str(fake))
    assert ripgrep.native_discover([str(root)], FileFilter()) is None


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_merge_conflict_lists_the_file_once(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    (root / "a.py").write_text("A = 1\n")
    (root / "b.py").write_text(CLEAN)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "one")
    _git(root, "checkout", "-q", "-b", "other")
    (root / "a.py").write_text("A = 2\n")
    _git(root, "commit", "-q", "-am", "two")
    _git(root, "checkout", "-q", "main")
    (root / "a.py").write_text('A = "deepseek-chat"\n')
    _git(root, "commit", "-q", "-am", "three")
    subprocess.run(["git", "-C", str(root), "merge", "other"], capture_output=True)
    native = ripgrep.native_discover([str(root)], FileFilter())
    expected = discover([str(root)], FileFilter())
    assert native is not None
    assert native.files == [str(root / "a.py")]
    assert native.clean + len(native.files) == len(expected.files) == 2


@pytest.mark.parametrize(
    "name, as_text",
    [
        ("mod.py", False), ("stub.pyi", False), ("gui.pyw", False), ("app.ts", False), ("Dockerfile", False),
        ("Dockerfile.dev", False), (".env", False), (".env.local", False), ("prod.env", False),
        ("Gemfile", False), ("setup.cfg", False), ("notes.md", False), ("nb.ipynb", False),
        ("notes.txt", True), ("LICENSE", True), ("data.csv", True), ("Makefile", True),
        ("environment", True), ("py", True), ("x.py.orig", True),
    ],
)
def test_files_counted_as_plain_text_are_those_no_handler_claims(name, as_text):
    """The count of clean files searched as text (one pattern for every handler) agrees
    with the handlers themselves."""
    from pathlib import PurePosixPath

    from ds_migrate.languages import all_handlers, searched_as_text

    python = name.endswith((".py", ".pyi", ".pyw"))
    claimed = python or any(h.claims(PurePosixPath(name)) for h in all_handlers())
    assert searched_as_text(f"some/dir/{name}") is as_text
    assert claimed is not as_text
