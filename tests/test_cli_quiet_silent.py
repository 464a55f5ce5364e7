"""`-q` and `-s` mean what they mean in ruff: `-q` prints the findings and
nothing else (no plan, summary, hints or warnings); `-s` prints nothing and
lets the exit code speak (errors still on standard error, report files still
written)."""

import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_quiet_prints_the_findings_without_the_summary(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "-q", "--output-format", "concise", tmp_path)
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{tmp_path / 'app.py'}:1:") and ": DSM101 [error] [*] " in line
    assert "Found" not in result.stdout and "fixable" not in result.stdout


def test_quiet_full_shows_each_finding_and_no_plan_or_summary(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--quiet", tmp_path)
    assert "DSM101" in result.stdout and "^^^" in result.stdout
    assert "Found 1 finding" not in result.stdout and "Migration plan" not in result.stdout


@pytest.mark.parametrize("option", ["-s", "--silent"])
def test_silent_prints_nothing_and_exits_by_the_findings(tmp_path, option):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", option, tmp_path)
    assert result.exit_code == 1 and result.stdout == "" and result.stderr == ""
    (tmp_path / "app.py").write_text('MODEL = "deepseek-v4-flash"\n')
    assert invoke("scan", option, tmp_path).exit_code == 0


def test_silent_still_writes_the_report_files_and_the_errors(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("scan", "-s", "--output-format", "json", "-o", out / "r.json", "--sarif-file", out / "r.sarif",
                    tmp_path / "app.py", tmp_path / "missing")
    assert result.exit_code == 2 and result.stdout == ""
    assert "missing: no such file or folder" in result.stderr
    assert json.loads((out / "r.json").read_text())["summary"]["findings"] == 1
    assert (out / "r.sarif").exists()


def test_fix_quiet_and_silent(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + "x = f'deepseek-{kind}'\n")  # DSM107 stays
    quiet = invoke("fix", "--write", "-q", "--output-format", "concise", tmp_path)
    (line,) = quiet.stdout.splitlines()  # what is left, nothing else
    assert ": DSM107 " in line
    assert "Fixed" not in quiet.stdout and quiet.exit_code == 1
    (tmp_path / "app.py").write_text(LEGACY)
    silent = invoke("fix", "-s", tmp_path)
    assert silent.stdout == "" and silent.exit_code == 1  # a fix is pending
