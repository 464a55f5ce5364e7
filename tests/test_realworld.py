"""The real-world regression set (issue 13): tests/realworld/<NN>_<slug>/.

Each case is a small project modelled on public code that names the retired
DeepSeek ids (see its CASE.toml for the source and the reason). ``before/`` is
the project; ``after/`` holds, byte for byte, the files that ``fix --write``
must change (a file absent there must stay as it was); ``after-unsafe/`` the
same for ``fix --write --unsafe-fixes`` (absent: same as ``after/``).

A case whose expected outcome today's code does not meet carries
``xfail = "why"`` in its CASE.toml; it is marked xfail(strict=True), so it
turns red the moment it starts passing and the mark must go. ``xfail_diff``
does the same for the check that ``fix --diff`` applies with git apply.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CASES_DIR = Path(__file__).resolve().parent / "realworld"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.is_dir() and p.name[:2].isdigit())


def _meta(case: Path) -> dict:
    return tomllib.loads((case / "CASE.toml").read_text(encoding="utf-8"))


def _params(xfail_key: str | None = "xfail"):
    params = []
    for case in CASES:
        meta = _meta(case)
        marks = []
        if xfail_key and meta.get(xfail_key):
            marks.append(pytest.mark.xfail(strict=True, reason=meta[xfail_key]))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def _tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _expected(case: Path, unsafe: bool) -> dict[str, bytes]:
    tree = _tree(case / "before")
    after = case / "after"
    if unsafe and (case / "after-unsafe").is_dir():
        after = case / "after-unsafe"
    for name, data in _tree(after).items():
        assert name in tree, f"{after.name}/{name} has no counterpart in before/"
        tree[name] = data
    return tree


def _copy(case: Path, dest: Path) -> Path:
    shutil.copytree(case / "before", dest)
    return dest


def _run(project: Path, monkeypatch, *args: str):
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, [*args, "--isolated", "--jobs", "1", "."], catch_exceptions=False)


def _show(expected: dict[str, bytes], got: dict[str, bytes]) -> str:
    lines = []
    for name in sorted(set(expected) | set(got)):
        if expected.get(name) != got.get(name):
            lines.append(f"--- {name} expected:\n{(expected.get(name) or b'<absent>').decode(errors='replace')}")
            lines.append(f"+++ {name} got:\n{(got.get(name) or b'<absent>').decode(errors='replace')}")
    return "\n".join(lines)


def _check_tier(case: Path, tmp_path: Path, monkeypatch, unsafe: bool) -> None:
    project = _copy(case, tmp_path / ("unsafe" if unsafe else "safe"))
    args = ["fix", "--write", *(["--unsafe-fixes"] if unsafe else [])]
    result = _run(project, monkeypatch, *args)
    assert result.exit_code in (0, 1), result.output
    expected = _expected(case, unsafe)
    got = _tree(project)
    assert got == expected, _show(expected, got)
    again = _run(project, monkeypatch, *args)
    assert again.exit_code in (0, 1), again.output
    assert _tree(project) == got, "a second fix run changed the tree again"


@pytest.mark.parametrize("case", _params())
def test_case_outcome(case, tmp_path, monkeypatch):
    """Safe tier, unsafe tier (each idempotent) and the findings the case names."""
    _check_tier(case, tmp_path, monkeypatch, unsafe=False)
    _check_tier(case, tmp_path, monkeypatch, unsafe=True)
    wanted = _meta(case).get("must_report", [])
    if wanted:
        project = _copy(case, tmp_path / "scan")
        result = _run(project, monkeypatch, "scan", "--format", "json")
        findings = json.loads(result.stdout)["findings"]
        got = {(f["path"], f["line"], f["code"]) for f in findings}
        for item in wanted:
            assert (item["file"], item["line"], item["code"]) in got, (item, sorted(got))


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("case", _params(xfail_key="xfail_diff"))
def test_case_diff_applies(case, unsafe, tmp_path, monkeypatch):
    """`fix --diff` applies with git apply to a fresh copy and gives what --write gives."""
    tier = ["--unsafe-fixes"] if unsafe else []
    written = _copy(case, tmp_path / "written")
    _run(written, monkeypatch, "fix", "--write", *tier)
    fresh = _copy(case, tmp_path / "fresh")
    diff = _run(fresh, monkeypatch, "fix", "--diff", *tier).stdout_bytes
    assert _tree(fresh) == _tree(case / "before"), "fix --diff wrote to the tree"
    if not diff.strip():
        assert _tree(written) == _tree(case / "before"), "--write changed files that --diff did not show"
        return
    assert _git(fresh, "init", "-q").returncode == 0
    check = _git(fresh, "apply", "--check", "-", stdin=diff)
    assert check.returncode == 0, check.stderr.decode() + "\n" + diff.decode(errors="replace")
    assert _git(fresh, "apply", "-", stdin=diff).returncode == 0
    shutil.rmtree(fresh / ".git")
    assert _tree(fresh) == _tree(written), _show(_tree(written), _tree(fresh))


def test_every_case_is_complete():
    """Each case says where it comes from, which pattern, why; after/ only holds changed files."""
    assert len(CASES) >= 35
    for case in CASES:
        meta = _meta(case)
        for key in ("source", "pattern", "why"):
            assert meta.get(key), f"{case.name}: CASE.toml lacks {key}"
        before = _tree(case / "before")
        assert before, f"{case.name}: empty before/"
        for folder in ("after", "after-unsafe"):
            for name, data in _tree(case / folder).items():
                assert name in before, f"{case.name}: {folder}/{name} is not in before/"
                assert data != before[name], f"{case.name}: {folder}/{name} is identical to before/"
        for item in meta.get("must_report", []):
            assert item["file"] in before, f"{case.name}: must_report names a missing file {item['file']}"
