"""JUnit agrees with the gate: a file fails only with findings at or above
`--fail-on` (default warning); info findings below it are in the case's
`<system-out>`, not a `<failure>`."""

from xml.etree import ElementTree as ET

from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def junit(tmp_path, *args):
    result = CliRunner().invoke(main, ["scan", "--output-format", "junit", *args, str(tmp_path)], catch_exceptions=False)
    suite = ET.fromstring(result.stdout).find("testsuite")
    return result.exit_code, suite, {case.get("name").rsplit("/", 1)[-1]: case for case in suite.iter("testcase")}


def test_info_only_files_pass_under_the_default_gate(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text("- 1.0: moved to deepseek-reasoner\n")  # DSM108, info
    code, suite, cases = junit(tmp_path)
    assert code == 0 and suite.get("failures") == "0"
    case = cases["CHANGELOG.md"]
    assert case.find("failure") is None
    assert "DSM108 [info]" in case.find("system-out").text


def test_a_file_fails_for_its_findings_at_the_gate_and_lists_the_rest(tmp_path):
    (tmp_path / "app.py").write_text("# was deepseek-chat\n" + LEGACY)
    code, suite, cases = junit(tmp_path)
    assert code == 1 and suite.get("failures") == "1"
    failure = cases["app.py"].find("failure")
    assert "DSM101" in failure.text and "DSM108" not in failure.text
    assert "DSM108" in cases["app.py"].find("system-out").text


def test_fail_on_info_makes_info_findings_failures(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text("- 1.0: moved to deepseek-reasoner\n")
    code, suite, cases = junit(tmp_path, "--fail-on", "info")
    assert code == 1 and suite.get("failures") == "1"
    assert "DSM108" in cases["CHANGELOG.md"].find("failure").text


def test_the_config_gate_counts_too(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text("- 1.0: moved to deepseek-reasoner\n")
    (tmp_path / "ds-migrate.toml").write_text('fail-on = "info"\n')
    code, suite, _ = junit(tmp_path)
    assert code == 1 and suite.get("failures") == "1"
