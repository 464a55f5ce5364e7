"""Symbolic links: a link to a file in the tree is read, reported and fixed
once, through its target, and stays a link; a link out of the tree is left
alone (tests/test_hostile_input.py)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
FIXED = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'


def _tree(tmp_path, git: bool):
    tree = tmp_path / "tree"
    (tree / "real").mkdir(parents=True)
    (tree / "real" / "a.py").write_text(LEGACY)
    (tree / "link.py").symlink_to(os.path.join("real", "a.py"))
    if git:
        subprocess.run(["git", "init", "-q", str(tree)], check=True)
    return tree


def _run(*args):
    return CliRunner().invoke(main, [*args])


@pytest.mark.parametrize("git", [False, True], ids=["plain", "git"])
@pytest.mark.parametrize("ripgrep", [False, True], ids=["python-search", "ripgrep"])
def test_fix_writes_through_the_link_once_and_keeps_it_a_link(tmp_path, monkeypatch, git, ripgrep):
    if not ripgrep:
        monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1")
    tree = _tree(tmp_path, git)
    result = _run("fix", "--write", str(tree))
    assert result.exit_code == 0, result.output
    assert os.path.islink(tree / "link.py") and os.readlink(tree / "link.py") == os.path.join("real", "a.py")
    assert (tree / "real" / "a.py").read_text() == FIXED
    assert "changed on disk" not in result.output


@pytest.mark.parametrize("git", [False, True], ids=["plain", "git"])
def test_link_in_the_tree_is_reported_once_under_its_target(tmp_path, git):
    tree = _tree(tmp_path, git)
    document = json.loads(_run("scan", "--format", "json", str(tree)).output)
    assert [os.path.basename(f["path"]) for f in document["findings"]] == ["a.py"]


def test_a_named_link_is_fixed_through_its_target(tmp_path):
    tree = _tree(tmp_path, False)
    result = _run("fix", "--write", str(tree / "link.py"))
    assert result.exit_code == 0, result.output
    assert os.path.islink(tree / "link.py")
    assert (tree / "real" / "a.py").read_text() == FIXED


def test_a_named_link_and_its_named_target_are_fixed_once(tmp_path):
    tree = _tree(tmp_path, False)
    document = json.loads(_run("scan", "--format", "json", str(tree / "link.py"), str(tree / "real" / "a.py")).output)
    assert [os.path.basename(f["path"]) for f in document["findings"]] == ["a.py"]
    result = _run("fix", "--write", str(tree / "link.py"), str(tree / "real" / "a.py"))
    assert result.exit_code == 0 and "changed on disk" not in result.output, result.output
    assert os.path.islink(tree / "link.py") and (tree / "real" / "a.py").read_text() == FIXED


def test_fix_of_a_clean_target_leaves_link_and_target_alone(tmp_path):
    tree = _tree(tmp_path, False)
    (tree / "real" / "a.py").write_text("x = 1\n")
    result = _run("fix", "--write", str(tree))
    assert result.exit_code == 0
    assert os.path.islink(tree / "link.py") and (tree / "real" / "a.py").read_text() == "x = 1\n"
