import json
import os
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.rules import all_rules

from conftest import REPO

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\nif m == "deepseek-reasoner":\n    pass\n'


def scan(tmp_path, fmt, *extra):
    (tmp_path / "app.py").write_text(LEGACY)
    (tmp_path / "broken.py").write_text("def f(:\n  'deepseek-chat'\n")
    return CliRunner().invoke(main, ["scan", "--format", fmt, *extra, str(tmp_path)])


SARIF_SCHEMA = REPO / "tests" / "sarif" / "sarif-schema-2.1.0.json"  # vendored: see tests/sarif/README.md


def sarif_schema():
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def test_the_vendored_sarif_schema_is_the_official_one():
    import hashlib

    digest = hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest()
    assert digest == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
    # and it can fail: a result without a message is not SARIF
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "X"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, sarif_schema())


def test_sarif_validates_against_the_2_1_0_schema(tmp_path):
    jsonschema.validate(json.loads(scan(tmp_path, "sarif").output), sarif_schema())


def test_sarif_lists_every_rule_and_result(tmp_path):
    document = json.loads(scan(tmp_path, "sarif").output)
    run = document["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in all_rules()]
    assert all("Why it matters" in r["fullDescription"]["text"] for r in run["tool"]["driver"]["rules"])
    codes = [r["ruleId"] for r in run["results"]]
    assert codes.count("DSM101") == 1 and "DSM105" in codes


def test_sarif_fix_is_the_exact_replacement(tmp_path):
    document = json.loads(scan(tmp_path, "sarif").output)
    (result,) = [r for r in document["runs"][0]["results"] if r["ruleId"] == "DSM101"]
    (change,) = result["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    line = LEGACY.splitlines()[region["startLine"] - 1]
    fixed = line[: region["startColumn"] - 1] + replacement["insertedContent"]["text"] + line[region["endColumn"] - 1 :]
    assert fixed == 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})'


def test_sarif_of_the_examples_validates():
    result = CliRunner().invoke(main, ["scan", "--format", "sarif", str(REPO / "examples")])
    jsonschema.validate(json.loads(result.output), sarif_schema())


def test_github_annotations(tmp_path):
    lines = scan(tmp_path, "github").output.splitlines()
    assert any(line.startswith("::error file=") and ",line=1,col=39," in line and "title=ds-migrate (DSM101 [error])::" in line for line in lines)
    assert any(line.startswith("::warning ") and "DSM105" in line for line in lines)
    assert any("broken.py" in line and "syntax error" in line for line in lines)


def test_github_escapes_newlines_and_percent(tmp_path):
    from ds_migrate.report.github_format import _data, _property

    assert _data("a%b\nc") == "a%25b%0Ac"
    assert _property("x:y,z") == "x%3Ay%2Cz"


def test_junit(tmp_path):
    root = ET.fromstring(scan(tmp_path, "junit").output)
    suite = root.find("testsuite")
    assert suite.get("failures") == "2" and suite.get("errors") == "1"
    assert any("DSM101" in (case.find("failure").text or "") for case in suite.findall("testcase") if case.find("failure") is not None)


def test_markdown(tmp_path):
    output = scan(tmp_path, "markdown").output
    assert output.startswith("## ds-migrate")
    assert "| DSM101 | 1 |" in output


def test_output_file(tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = scan(tmp_path, "json", "--output-file", str(report))
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads(report.read_text())["summary"]["findings"] >= 2


def test_text_to_output_file_is_plain(tmp_path):
    report = tmp_path / "report.txt"
    scan(tmp_path, "text", "--output-file", str(report))
    text = report.read_text()
    assert "DSM101" in text and "\x1b[" not in text


def test_junit_has_a_passing_case_for_every_clean_file(tmp_path, monkeypatch):
    for name in ("a.py", "b.py", "c.ts"):
        (tmp_path / name).write_text("x = 1\n")
    for ripgrep in ("", "1"):
        monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", ripgrep)
        root = ET.fromstring(scan(tmp_path, "junit").output)
        names = sorted(os.path.basename(case.get("name")) for case in root.iter("testcase"))
        assert names == ["a.py", "app.py", "b.py", "broken.py", "c.ts"]
