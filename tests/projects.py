"""Multi-file projects for the tests of project-wide decisions: write a tree,
run the real CLI over it, and see what changed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import CliRunner

from ds_migrate.cli.commands import main


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def read_tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes().decode("utf-8", "replace")
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


def fix_tree(root: Path, *flags: str) -> dict[str, str]:
    """`ds-migrate fix --write` over ``root``; the files that changed, as they are now."""
    before = read_tree(root)
    result = CliRunner().invoke(main, ["fix", "--write", "--isolated", *flags, str(root)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    after = read_tree(root)
    return {name: text for name, text in after.items() if before.get(name) != text}


def scan_tree(root: Path, *flags: str) -> dict:
    result = CliRunner().invoke(main, ["scan", "--isolated", "--format", "json", *flags, str(root)], catch_exceptions=False)
    return json.loads(result.output)


def diff_of(root: Path, *flags: str) -> str:
    """`ds-migrate fix --diff .` run from inside ``root``, as the README shows it."""
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["fix", "--diff", "--isolated", *flags, "."], catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.stdout_bytes.decode("utf-8")  # .stdout would fold CRLF


def assert_diff_applies(root: Path, diff: str) -> None:
    """``git apply --check`` accepts the diff against the tree as it is."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    done = subprocess.run(
        ["git", "apply", "--check", "-p1", "-"], cwd=root, input=diff.encode("utf-8"), capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode() + "\n" + diff


def codes_at(document: dict) -> set[tuple[str, int, str]]:
    return {(f["path"].replace("\\", "/").rsplit("/", 1)[-1], f["line"], f["code"]) for f in document["findings"]}


def project(tmp_path: Path, files: dict[str, str]) -> str:
    """A repository (``.git`` marker: the search for pins stops there) holding the pin
    files ``files``; the path of its ``app.py``, to scan a source as that file."""
    from ds_migrate.deepseek.pins import folder_pins

    (tmp_path / ".git").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    folder_pins.cache_clear()
    return str(tmp_path / "app.py")
