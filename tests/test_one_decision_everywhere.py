"""One decision everywhere (issue 24, item 4): scan's fixable counts, fix,
standard input and pre-commit give the same answer, and the safe tier then
the unsafe one ends where the unsafe tier alone does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from projects import fix_tree, read_tree, write_tree

REPO = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (REPO / "tests" / "realworld").iterdir() if p.is_dir() and p.name[:2].isdigit())

SETTINGS = 'MODEL = "deepseek-chat"\n'
ROUTER = 'from settings import MODEL\n\n\ndef route(model=MODEL):\n    if model == "deepseek-chat":\n        return 1\n'


def _git_project(root: Path, files: dict[str, str]) -> Path:
    write_tree(root, files)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _stdin_fix(root: Path, name: str, monkeypatch) -> str:
    monkeypatch.chdir(root)
    text = (root / name).read_text()
    result = CliRunner().invoke(main, ["fix", "--isolated", "-", "--stdin-filename", name], input=text)
    return result.stdout


def test_stdin_withholds_what_fix_file_withholds(tmp_path, monkeypatch):
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": ROUTER})
    assert _stdin_fix(root, "settings.py", monkeypatch) == SETTINGS  # the router compares it
    assert fix_tree(root) == {}


def test_stdin_applies_what_fix_file_applies(tmp_path, monkeypatch):
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": ROUTER.replace("from settings import MODEL\n\n\n", "MODEL = 'x'\n")})
    assert _stdin_fix(root, "settings.py", monkeypatch) == SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")


def test_pre_commit_hooks_decide_in_one_process():
    text = (REPO / ".pre-commit-hooks.yaml").read_text()
    assert text.count("require_serial: true") == 2 and "require_serial: false" not in text


def _fixable(root: Path) -> tuple[int, int]:
    result = CliRunner().invoke(main, ["scan", "--isolated", "--format", "json", str(root)])
    findings = json.loads(result.stdout)["findings"]
    return sum(f["fix"] == "safe" for f in findings), sum(f["fix"] == "unsafe" for f in findings)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_scan_counts_what_fix_applies_and_safe_then_unsafe_is_unsafe(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    alone = tmp_path / "alone"
    shutil.copytree(case / "before", alone)
    safe, _ = _fixable(alone)
    result = CliRunner().invoke(main, ["fix", "--isolated", "--jobs", "1", "--format", "json", str(alone)])
    assert json.loads(result.stdout)["summary"]["would_fix"] == safe  # a dry run writes nothing: "fixed" is 0
    fix_tree(alone, "--unsafe-fixes", "--jobs", "1")
    stepped = tmp_path / "stepped"
    shutil.copytree(case / "before", stepped)
    fix_tree(stepped, "--jobs", "1")
    fix_tree(stepped, "--unsafe-fixes", "--jobs", "1")
    assert read_tree(stepped) == read_tree(alone)
