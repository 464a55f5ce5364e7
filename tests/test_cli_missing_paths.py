"""A path that does not exist (ruff's E902): an error on standard error in
every format, an entry in the machine reports, and exit 2 (never a silent
"0 files scanned" that a CI job or code scanning could take as clean)."""

import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "sarif", "github", "junit", "markdown"])
def test_the_error_is_on_stderr_in_every_format(tmp_path, output_format):
    result = invoke("scan", "--output-format", output_format, tmp_path / "nonexistent")
    assert result.exit_code == 2
    assert f"error: {tmp_path / 'nonexistent'}: no such file or folder" in result.stderr
    if output_format in ("full", "concise"):
        assert "no such file" not in result.stdout
        assert "1 path not found" in result.stdout


def test_json_lists_the_missing_path_as_an_error(tmp_path):
    result = invoke("scan", "--output-format", "json", tmp_path / "nonexistent")
    document = json.loads(result.stdout)
    assert document["errors"] == [{"path": str(tmp_path / "nonexistent"), "message": "no such file or folder", "line": None}]
    assert document["summary"]["paths_missing"] == 1


def test_sarif_says_the_run_failed(tmp_path):
    result = invoke("scan", "--output-format", "sarif", tmp_path / "nonexistent")
    (invocation,) = json.loads(result.stdout)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "nonexistent: no such file or folder" in note["message"]["text"]


def test_sarif_file_beside_another_format_says_so_too(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    sarif = tmp_path / "out.sarif"
    result = invoke("scan", "--output-format", "json", "--sarif-file", sarif, tmp_path / "app.py", tmp_path / "missing")
    assert result.exit_code == 2
    document = json.loads(sarif.read_text())
    assert document["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["DSM101"]


def test_a_clean_run_is_successful_in_sarif(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--output-format", "sarif", tmp_path)
    assert json.loads(result.stdout)["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_github_annotates_the_missing_path_beside_the_findings(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--output-format", "github", tmp_path, "missing")
    assert result.exit_code == 2
    assert "::error title=ds-migrate::missing: no such file or folder" in result.stdout
    assert "DSM101" in result.stdout
    assert "error: missing: no such file or folder" in result.stderr


def test_fix_reports_the_missing_path_on_stderr(tmp_path):
    result = invoke("fix", "--diff", tmp_path / "nonexistent")
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_markdown_of_a_failed_run_does_not_read_as_a_clean_one(tmp_path):
    """The Action's step summary said "No retired model names in 0 files
    scanned." under the failure line (a sixth fresh reader)."""
    result = invoke("scan", "--output-format", "markdown", tmp_path / "nonexistent")
    assert "**The scan failed:**" in result.stdout
    assert "No retired model names in 0 files scanned" not in result.stdout
    assert "No retired model names in the 0 files that could be scanned." in result.stdout
