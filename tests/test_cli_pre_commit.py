"""`--pre-commit`: the hooks pass pre-commit's selection (the files named are
checked, the rest of the repository is context); a hook that names none
(pass_filenames: false) has ds-migrate take them from git."""

import json
import os
import subprocess

from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'MODEL = "deepseek-chat"\n'
ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=ENV).stdout


def repository(tmp_path):
    for name in ("a.py", "b.py", "sub/c.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(LEGACY)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "legacy")
    return tmp_path


def reported(monkeypatch, root, *args):
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["scan", "--pre-commit", "--isolated", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return sorted({f["path"] for f in json.loads(result.stdout)["findings"]})


def test_the_staged_files(tmp_path, monkeypatch):
    root = repository(tmp_path)
    (root / "b.py").write_text(LEGACY + "X = 1\n")
    (root / "sub/c.py").write_text(LEGACY + "X = 1\n")
    git(root, "add", "b.py")  # c.py changed, not staged
    assert reported(monkeypatch, root) == ["b.py"]


def test_nothing_staged_is_the_whole_repository(tmp_path, monkeypatch):
    root = repository(tmp_path)
    assert reported(monkeypatch, root) == ["a.py", "b.py", "sub/c.py"]


def test_a_pushed_range(tmp_path, monkeypatch):
    root = repository(tmp_path)
    start = git(root, "rev-parse", "HEAD").strip()
    (root / "sub/c.py").write_text(LEGACY + "X = 1\n")
    git(root, "commit", "-qam", "c")
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", start)
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    assert reported(monkeypatch, root) == [os.path.join("sub", "c.py")]


def test_a_deleted_file_is_not_read(tmp_path, monkeypatch):
    root = repository(tmp_path)
    git(root, "rm", "-q", "a.py")
    (root / "b.py").write_text(LEGACY + "X = 1\n")
    git(root, "add", "b.py")
    assert reported(monkeypatch, root) == ["b.py"]


def test_fix_writes_the_staged_files_only(tmp_path, monkeypatch):
    root = repository(tmp_path)
    (root / "b.py").write_text(LEGACY + "X = 1\n")
    git(root, "add", "b.py")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["fix", "--write", "--pre-commit", "--isolated"])
    assert result.exit_code == 0, result.output
    assert "deepseek-v4-flash" in (root / "b.py").read_text()
    assert (root / "a.py").read_text() == LEGACY


def test_the_files_pre_commit_names_are_checked_whatever_is_staged(tmp_path, monkeypatch):
    """`pre-commit run --files a.py` (or --all-files) names the files: they
    are what is checked, not the staged ones (b.py here)."""
    root = repository(tmp_path)
    (root / "b.py").write_text(LEGACY + "X = 1\n")
    git(root, "add", "b.py")
    assert reported(monkeypatch, root, "a.py") == ["a.py"]
    assert reported(monkeypatch, root, "a.py", "b.py", "sub/c.py") == ["a.py", "b.py", os.path.join("sub", "c.py")]


COUPLED_SETTINGS = 'DEFAULT_MODEL = "deepseek-chat"\n'
COUPLED_HANDLER = 'from settings import DEFAULT_MODEL\n\n\ndef show(model=DEFAULT_MODEL):\n    if model == "deepseek-chat":\n        print("plain")\n'


def test_a_named_file_is_decided_with_the_rest_of_the_repository(tmp_path, monkeypatch):
    """The fix hook given settings.py alone does not rename it away from the
    comparison in handler.py, which pre-commit did not name."""
    (tmp_path / "settings.py").write_text(COUPLED_SETTINGS)
    (tmp_path / "handler.py").write_text(COUPLED_HANDLER)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "legacy")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", "--pre-commit", "--isolated", "settings.py"])
    assert result.exit_code == 1, result.output
    assert (tmp_path / "settings.py").read_text() == COUPLED_SETTINGS
    assert "handler.py" in result.output


def test_outside_a_repository_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = CliRunner().invoke(main, ["scan", "--pre-commit"])
    assert result.exit_code == 2 and "not in a git repository" in result.output
