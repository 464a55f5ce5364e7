"""Exclude patterns follow gitignore's rules, as ruff's users expect of
``exclude`` / ``extend-exclude`` (docs/configuration-globs.md): a name matches
at any depth, a pattern with a slash is anchored to the project root, ``*``
stops at a slash, ``**`` crosses folders, a trailing slash means folders only,
``!`` re-includes. The same answer with git's listing, the plain walk and
ripgrep's native discovery."""

from __future__ import annotations

import json
import subprocess
from pathlib import PurePosixPath

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.discover.listing import FileFilter

LEGACY = 'MODEL = "deepseek-chat"\n'

TREE = [
    "app.py",
    "pkg/a.py",
    "pkg/sub/b.py",
    "pkg/gen.py",
    "pkg/x/y/gen.py",
    "tests/fixtures/f.py",
    "sub/tests/fixtures/g.py",
    "fixtures/h.py",
    "src/gen/c.py",
    "src/main.py",
    "cache/d.py",
    "lib/cache.py",
    "m.gen.py",
    "keep.gen.py",
]


def _scanned(tmp_path, monkeypatch, excludes: list[str], how: str, *args: str, target: str = ".") -> set[str]:
    root = tmp_path / "proj"
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(LEGACY)
    (root / "pyproject.toml").write_text(f"[tool.ds-migrate]\nextend-exclude = {json.dumps(excludes)}\n")
    if how == "git":
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    if how == "python-search":
        monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1")
    extra = ["--no-respect-gitignore"] if how == "plain" else []
    result = CliRunner().invoke(main, ["scan", "--format", "json", *extra, *args, target])
    assert result.exit_code in (0, 1), result.output
    found = {f["path"].replace("\\", "/") for f in json.loads(result.stdout)["findings"]}
    return {p.removeprefix("./") for p in found}


HOWS = ["git", "plain", "python-search"]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(
    "pattern, excluded",
    [
        # * stops at a slash: pkg/sub/b.py stays
        ("pkg/*.py", {"pkg/a.py", "pkg/gen.py"}),
        # ** crosses folders, and matches none too
        ("pkg/**/gen.py", {"pkg/gen.py", "pkg/x/y/gen.py"}),
        ("**/gen.py", {"pkg/gen.py", "pkg/x/y/gen.py"}),
        # a bare name matches at any depth, a folder with all below it
        ("fixtures", {"tests/fixtures/f.py", "sub/tests/fixtures/g.py", "fixtures/h.py"}),
        # a slash anchors to the project root: sub/tests/fixtures stays
        ("tests/fixtures", {"tests/fixtures/f.py"}),
        ("/fixtures", {"fixtures/h.py"}),
        ("src/gen", {"src/gen/c.py"}),
        # a trailing slash: folders only (lib/cache.py is a file named cache.py, not cache)
        ("cache/", {"cache/d.py"}),
    ],
)
def test_exclude_pattern(tmp_path, monkeypatch, how, pattern, excluded):
    scanned = _scanned(tmp_path, monkeypatch, [pattern], how)
    assert set(TREE) - scanned == excluded


@pytest.mark.parametrize("how", HOWS)
def test_a_bang_re_includes(tmp_path, monkeypatch, how):
    scanned = _scanned(tmp_path, monkeypatch, ["*.gen.py", "!keep.gen.py"], how)
    assert set(TREE) - scanned == {"m.gen.py"}


@pytest.mark.parametrize("how", HOWS)
def test_anchored_pattern_holds_when_a_subfolder_is_scanned(tmp_path, monkeypatch, how):
    scanned = _scanned(tmp_path, monkeypatch, ["src/gen"], how, target="src")
    assert scanned == {"src/main.py"}


def test_force_exclude_judges_a_named_file_from_the_project_root(tmp_path, monkeypatch):
    scanned = _scanned(tmp_path, monkeypatch, ["tests/fixtures"], "git", "--force-exclude", target="tests/fixtures/f.py")
    assert scanned == set()


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("pkg/a.py", True),
        ("pkg/sub/b.py", False),
        ("cache/d.py", True),
        ("lib/cache", False),  # a file named cache: "cache/" means folders only
        ("deep/er/cache/d.py", True),
    ],
)
def test_is_excluded(relative, expected):
    file_filter = FileFilter(exclude=(), extend_exclude=("pkg/*.py", "cache/"))
    assert file_filter.is_excluded(PurePosixPath(relative)) is expected
