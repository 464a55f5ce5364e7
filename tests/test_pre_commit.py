"""The hooks in .pre-commit-hooks.yaml, run for real through pre-commit try-repo."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    pytest.skip("pre-commit is not installed (pip install -e '.[dev]' brings it)")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(project, hook, home):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [*pre_commit(), "try-repo", str(REPO), hook, "--all-files"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture
def project(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "t")
    (tmp_path / "app.py").write_text(LEGACY)
    # binary: neither the hook (types: [text]) nor the tool reads it
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00deepseek-chat")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "legacy")
    return tmp_path


def test_scan_hook_fails_then_fix_hook_fixes_then_scan_passes(project, pre_commit_home):
    first = try_repo(project, "ds-migrate", pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "DSM101" in first.stdout

    fixing = try_repo(project, "ds-migrate-fix", pre_commit_home)
    assert "files were modified by this hook" in fixing.stdout or fixing.returncode == 1
    assert "deepseek-v4-flash" in (project / "app.py").read_text()

    git(project, "add", ".")
    last = try_repo(project, "ds-migrate", pre_commit_home)
    assert last.returncode == 0, last.stdout + last.stderr


def test_hook_respects_config_excludes_for_passed_files(project, pre_commit_home):
    (project / "ds-migrate.toml").write_text('extend-exclude = ["app.py"]\n')
    git(project, "add", ".")
    result = try_repo(project, "ds-migrate", pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_reports_what_a_scan_of_the_tree_reports(project, pre_commit_home):
    """Every text file reaches the hook, as a scan of the tree reads it: a
    .env and a Go file too (tests/test_file_kinds.py has every kind)."""
    (project / "app.py").write_text("x = 1\n")
    (project / ".env").write_text("DEEPSEEK_MODEL=deepseek-chat\n")
    (project / "main.go").write_text('package main\n\nconst Model = "deepseek-reasoner"\n')
    git(project, "add", ".")
    result = try_repo(project, "ds-migrate", pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert ".env" in result.stdout and "main.go" in result.stdout
