"""Side by side with ruff (issue 25, a fresh reader's second pass): the tool
names itself in annotations, the concise format stays one line per finding,
`--statistics` answers in the chosen format, ruff's habits get working
commands or pointed hints, and a bad configuration reads as one error."""

import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
API_ERROR = "The supported API model names"


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


# --- annotations and the footer ------------------------------------------------


def test_github_annotation_titles_name_the_tool_and_the_code(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    lines = invoke("scan", "--output-format", "github", tmp_path).stdout.splitlines()
    assert len(lines) == 1
    assert ",title=ds-migrate (DSM101 [error])::" in lines[0]


@pytest.mark.parametrize("command", [["scan"], ["fix", "--write"]])
def test_concise_has_no_api_error_footer(tmp_path, command):
    (tmp_path / "app.py").write_text(LEGACY + 'MODEL = "deepseek-chat"\nif model == "deepseek-chat":\n    pass\n')
    result = invoke(*command, "--output-format", "concise", tmp_path)
    assert "DSM105" in result.output, result.output  # something is still reported
    assert API_ERROR not in result.output


@pytest.mark.parametrize("command", [["scan"], ["fix", "--write"]])
def test_full_text_keeps_the_api_error_once(tmp_path, command):
    # a constant held back with the comparison: a refused request remains after the fix
    (tmp_path / "app.py").write_text('MODEL = "deepseek-chat"\nif MODEL == "deepseek-chat":\n    pass\n')
    assert invoke(*command, tmp_path).output.count(API_ERROR) == 1


# --- ruff's habits ------------------------------------------------------------


def test_check_is_scan(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    scan = invoke("scan", "--output-format", "json", tmp_path)
    check = invoke("check", "--output-format", "json", tmp_path)
    assert check.exit_code == scan.exit_code == 1
    assert json.loads(check.stdout)["findings"] == json.loads(scan.stdout)["findings"]


def test_check_is_not_listed_twice_but_scan_says_it(tmp_path):
    listing = invoke("--help").stdout
    assert " scan " in listing and " check " not in listing
    assert "ds-migrate check" in invoke("scan", "--help").stdout


@pytest.mark.parametrize("command, option, points_to", [
    ("scan", "--fix", "`ds-migrate fix --write`"),
    ("check", "--fix", "`ds-migrate fix --write`"),
    ("scan", "--unsafe-fixes", "`ds-migrate fix --write --unsafe-fixes`"),
    ("scan", "--diff", "`ds-migrate fix --diff`"),
    ("fix", "--fix", "`ds-migrate fix --write`"),
])
def test_ruff_options_point_to_the_command_that_does_it(tmp_path, command, option, points_to):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke(command, option, tmp_path)
    assert result.exit_code == 2
    assert points_to in result.output
    assert "Did you mean" not in result.output
    assert LEGACY in (tmp_path / "app.py").read_text()  # nothing was written


def test_check_fix_names_the_command_as_typed(tmp_path):
    assert "check only reports" in invoke("check", "--fix", tmp_path).output


@pytest.mark.parametrize("typo, meant", [("--selct", "--select"), ("--statistic", "--statistics"), ("--confg", "--config")])
def test_a_typo_is_offered_the_option_it_resembles(tmp_path, typo, meant):
    result = invoke("scan", typo, tmp_path)
    assert result.exit_code == 2
    assert f"Did you mean '{meant}'?" in result.output


def test_an_unknown_option_is_not_offered_a_far_fetched_one(tmp_path):
    result = invoke("scan", "--bogus", tmp_path)
    assert result.exit_code == 2
    assert "No such option '--bogus'." in result.output and "Did you mean" not in result.output


# --- configuration errors ------------------------------------------------------


@pytest.mark.parametrize("toml, says", [
    ("bogus = 1\n", "unknown key 'bogus'"),
    ('target = "gpt"\n', "'target' must be one of"),
    ('select = ["FOO"]\n', "unknown rule selector 'FOO'"),
    ('fail-on = "never"\n', "'fail-on' must be one of"),
    ("[broken\n", "not valid TOML"),
])
def test_a_bad_configuration_is_one_error_without_the_usage_block(tmp_path, toml, says):
    (tmp_path / "ds-migrate.toml").write_text(toml)
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", tmp_path)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and says in result.output, result.output
    assert "Usage:" not in result.output and "--help" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_bad_command_line_still_shows_the_usage(tmp_path):
    result = invoke("scan", "--select", "FOO", tmp_path)
    assert result.exit_code == 2 and "Usage:" in result.output


# --- --statistics ----------------------------------------------------------------

# one safe fix (the request), one unsafe fix (the comment), one without (the dynamic name)
MIXED = LEGACY + "# deepseek-chat was our model\nx = f'deepseek-{kind}'\n# and deepseek-reasoner too\n"


@pytest.mark.parametrize("option", ["--output-format", "--format"])
def test_statistics_in_json_is_ruffs_list_of_counts(tmp_path, option):
    (tmp_path / "app.py").write_text(MIXED)
    result = invoke("scan", "--statistics", option, "json", tmp_path)
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)  # the counts, not the findings document
    assert rows == [  # the most frequent first, ties by code (ruff's order)
        {"code": "DSM108", "name": "legacy-name-in-comment", "severity": "info", "count": 2,
         "fixable": False, "fixable_count": 0, "unsafe_fixable_count": 2},
        {"code": "DSM101", "name": "legacy-model-argument", "severity": "error", "count": 1,
         "fixable": True, "fixable_count": 1, "unsafe_fixable_count": 0},
        {"code": "DSM107", "name": "dynamic-model-name", "severity": "warning", "count": 1,
         "fixable": False, "fixable_count": 0, "unsafe_fixable_count": 0},
    ]


def test_statistics_table_counts_unsafe_fixes_apart(tmp_path):
    (tmp_path / "app.py").write_text(MIXED)
    lines = invoke("scan", "--statistics", tmp_path).stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "count", "fixable", "unsafe"]
    assert lines[1].split() == ["DSM108", "legacy-name-in-comment", "info", "2", "0", "2"]  # most frequent first
    assert [line.split()[0] for line in lines[2:4]] == ["DSM101", "DSM107"]  # ties by code
    # the same split as the closing summary
    assert "1 fixable with `ds-migrate fix --write` (preview: `ds-migrate fix`); 2 more with `--unsafe-fixes`." in lines


def test_fix_statistics_counts_what_remains(tmp_path):
    (tmp_path / "app.py").write_text(MIXED)
    rows = json.loads(invoke("fix", "--statistics", "--format", "json", tmp_path).stdout)
    assert [row["code"] for row in rows] == ["DSM108", "DSM107"]  # the request would be fixed; most frequent first


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "markdown"])
def test_statistics_in_a_format_without_counts_is_a_usage_error(tmp_path, fmt):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--statistics", "--output-format", fmt, tmp_path)
    assert result.exit_code == 2
    assert "--statistics prints counts per rule in full, concise or json" in result.output


def test_rule_is_explain():
    """``ruff rule E501`` is ``ds-migrate explain DSM101``: a ruff user's
    ``rule`` was told "did you mean 'rules'?", which takes no code."""
    rule = invoke("rule", "DSM101")
    assert rule.exit_code == 0 and rule.stdout == invoke("explain", "DSM101").stdout
    assert " rule " not in invoke("--help").stdout
