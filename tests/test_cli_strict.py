"""A typo must not turn a gate green (issue 25): unknown selectors, values the
config accepts but the command line refused, --diff that wrote, a dry run
that said "fixed", an empty folder, the starter config, piped `rules`."""

import json
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
CLEAN = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'


def invoke(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# --- unknown rule selectors ---------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("command", ["scan", "fix"])
def test_unknown_selector_on_the_command_line_exits_2(tmp_path, command, option):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke(command, option, "FOO", tmp_path)
    assert result.exit_code == 2
    assert "unknown rule selector 'FOO'" in result.output


def test_one_unknown_selector_among_known_ones_is_named(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--select", "DSM101,DSM999", tmp_path)
    assert result.exit_code == 2
    assert "'DSM999'" in result.output and "'DSM101'" not in result.output


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_unknown_selector_in_the_config_exits_2_and_names_the_file(tmp_path, key):
    (tmp_path / "app.py").write_text(LEGACY)
    (tmp_path / "ds-migrate.toml").write_text(f'{key} = ["DSM999"]\n')
    result = invoke("scan", tmp_path)
    assert result.exit_code == 2
    assert "unknown rule selector 'DSM999'" in result.output and "ds-migrate.toml" in result.output


def test_unknown_code_in_per_file_ignores_exits_2(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    assert invoke("scan", "--per-file-ignores", "tests/*:DSM10X", tmp_path).exit_code == 2
    (tmp_path / "ds-migrate.toml").write_text('per-file-ignores = { "tests/*" = ["NOPE"] }\n')
    assert invoke("scan", tmp_path).exit_code == 2


@pytest.mark.parametrize("selector", ["DSM", "DSM1", "DSM10", "DSM101", "DSM115", "dsm2", " DSM203 "])
def test_codes_and_prefixes_are_known_selectors(tmp_path, selector):
    (tmp_path / "app.py").write_text(LEGACY)
    assert invoke("scan", "--select", selector, tmp_path).exit_code in (0, 1)


def test_the_selector_list_is_the_rule_list():
    from ds_migrate.rules import all_rules
    from ds_migrate.cli.selectors import RULE_CODES

    assert RULE_CODES == tuple(rule.code for rule in all_rules())


# --- every config key and its command-line twin accept the same values ---------

# (config key, TOML value, command-line arguments); each row must be accepted
# by both or refused by both
SAME_VALUES = [
    *[("target", f'"{v}"', ["--target", v]) for v in ("deepseek-v4-flash", "deepseek-flash", "deepseek-v4-pro", "flash", "pro", "v4.1")],
    ("target", '"deepseek-chat"', ["--target", "deepseek-chat"]),
    ("target", '"turbo"', ["--target", "turbo"]),
    *[("fail-on", f'"{v}"', ["--fail-on", v]) for v in ("error", "warning", "info", "fatal")],
    *[("thinking-form", f'"{v}"', ["--thinking-form", v]) for v in ("object", "omit", "boolean")],
    ("jobs", "2", ["--jobs", "2"]),
    ("jobs", "0", ["--jobs", "0"]),
    ("max-file-size", "1000", ["--max-file-size", "1000"]),
    ("max-file-size", "0", ["--max-file-size", "0"]),
    ("respect-gitignore", "false", ["--no-respect-gitignore"]),
    ("include-ignored", "true", ["--include-ignored"]),
    ("select", '["DSM1"]', ["--select", "DSM1"]),
    ("select", '["DSM999"]', ["--select", "DSM999"]),
    ("ignore", '["DSM108"]', ["--ignore", "DSM108"]),
    ("ignore", '["XYZ"]', ["--ignore", "XYZ"]),
    ("mapping", '{ deepseek-reasoner = "deepseek-v4-pro" }', ["--mapping", "deepseek-reasoner=deepseek-v4-pro"]),
    ("mapping", '{ DeepSeek-Reasoner = "deepseek-v4-pro" }', ["--mapping", "DeepSeek-Reasoner=deepseek-v4-pro"]),
    ("mapping", '{ gpt-4 = "deepseek-v4-pro" }', ["--mapping", "gpt-4=deepseek-v4-pro"]),
    ("per-file-ignores", '{ "tests/*" = ["DSM106"] }', ["--per-file-ignores", "tests/*:DSM106"]),
    ("include", '["*.py"]', ["--include", "*.py"]),
    ("exclude", '["build"]', ["--exclude", "build"]),
    ("extend-exclude", '["gen"]', ["--extend-exclude", "gen"]),
]


@pytest.mark.parametrize("key, toml, args", SAME_VALUES, ids=[f"{k}={t}" for k, t, _ in SAME_VALUES])
def test_config_key_and_its_command_line_twin_accept_the_same_values(tmp_path, key, toml, args):
    (tmp_path / "app.py").write_text(CLEAN)
    from_config = tmp_path / "with-config"
    from_config.mkdir()
    (from_config / "app.py").write_text(CLEAN)
    (from_config / "ds-migrate.toml").write_text(f"{key} = {toml}\n")
    by_config = invoke("scan", from_config)
    by_flag = invoke("scan", "--isolated", *args, tmp_path)
    assert (by_config.exit_code == 2) == (by_flag.exit_code == 2), (by_config.output, by_flag.output)


def test_every_config_key_has_a_row_above():
    from ds_migrate.config import CHECKS

    assert {key for key, _, _ in SAME_VALUES} == set(CHECKS)


def test_target_pro_on_the_command_line_renames_to_pro(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("fix", "--diff", "--target", "pro", tmp_path)
    assert result.exit_code == 1
    assert '+client.chat.completions.create(model="deepseek-v4-pro"' in result.output


# --- fix --write --diff never writes ------------------------------------------


def test_fix_write_diff_shows_the_diff_and_writes_nothing(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    result = invoke("fix", "--write", "--diff", tmp_path)
    assert path.read_text() == LEGACY
    assert result.exit_code == 1  # as a dry run: something would change
    assert result.stdout.startswith("--- a/") and f"+{CLEAN}" in result.stdout
    assert "--diff shows the changes and writes nothing" in result.stderr


# --- a dry run does not say "fixed" -------------------------------------------


def test_fix_json_dry_run_reports_would_fix_not_fixed(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    dry = json.loads(invoke("fix", "--output-format", "json", tmp_path).stdout)
    assert dry["summary"]["fixed"] == 0 and dry["summary"]["would_fix"] == 1
    assert path.read_text() == LEGACY
    written = json.loads(invoke("fix", "--write", "--output-format", "json", tmp_path).stdout)
    assert written["summary"]["fixed"] == 1 and written["summary"]["would_fix"] == 0
    assert path.read_text() == CLEAN


def test_fix_text_dry_run_says_would_fix_and_what_to_run(tmp_path):
    # the request and, with --unsafe-fixes, the comparison of the same id: the
    # request's own literal is contained, so its new id holds the branch back nowhere
    (tmp_path / "app.py").write_text(LEGACY + 'if m == "deepseek-chat":\n    pass\n')
    result = invoke("fix", "--unsafe-fixes", tmp_path)
    assert "Would fix 2 findings in 1 file." in result.stdout
    assert "Run `ds-migrate fix --write --unsafe-fixes` to apply them." in result.stdout


# --- an empty folder ----------------------------------------------------------


@pytest.mark.parametrize("command", ["scan", "fix"])
def test_empty_folder_exits_0_with_a_warning_on_stderr(tmp_path, command):
    result = invoke(command, "--output-format", "json", tmp_path)
    assert result.exit_code == 0
    assert "warning: No files found under the given path(s)" in result.stderr
    assert json.loads(result.stdout)["summary"]["files_scanned"] == 0  # stdout stays a JSON document


def test_folder_with_files_gives_no_such_warning(tmp_path):
    (tmp_path / "app.py").write_text(CLEAN)
    result = invoke("scan", tmp_path)
    assert result.exit_code == 0 and "No files found" not in result.output


def test_missing_folder_still_exits_2(tmp_path):
    assert invoke("scan", tmp_path / "nope").exit_code == 2


# --- the starter configuration ------------------------------------------------


@pytest.mark.parametrize("existing", [None, "[project]\nname = \"demo\"\n"])
def test_init_writes_a_starter_that_ds_migrate_does_not_flag(tmp_path, existing):
    if existing:
        (tmp_path / "pyproject.toml").write_text(existing)
    assert invoke("init", tmp_path).exit_code == 0
    result = invoke("scan", "--fail-on", "info", "--output-format", "json", tmp_path)
    document = json.loads(result.stdout)
    assert document["findings"] == [], document["findings"]
    # nor counted as suppressed: every later run said "1 suppressed" (a fresh reader)
    assert document["summary"]["suppressed"] == 0
    assert result.exit_code == 0


def test_the_starter_mapping_line_works_uncommented(tmp_path):
    from ds_migrate.config import STARTER

    text = STARTER.replace("# mapping = ", "mapping = ")
    (tmp_path / "pyproject.toml").write_text(text)
    (tmp_path / "app.py").write_text('MODEL = "deepseek-reasoner"\n')
    result = invoke("fix", "--diff", tmp_path)
    assert '+MODEL = "deepseek-v4-pro"' in result.stdout
    # the mapping itself is ds-migrate's own setting: not a finding, and not rewritten
    assert "pyproject.toml" not in result.stdout


def test_no_starter_line_uncommented_stops_env_files_from_holding_a_merge(tmp_path):
    """Its include example (only *.py) left .env.example unread once
    uncommented: a chat default was then renamed with thinking disabled
    although the env file deploys the reasoner (a fifth fresh reader)."""
    from ds_migrate.config import STARTER

    import re

    # every setting line uncommented, as a user trying each would (the mapping aside)
    text = "\n".join(line[2:] if re.match(r"# [\w-]+ = ", line) else line for line in STARTER.splitlines())
    (tmp_path / "pyproject.toml").write_text(text.replace("\nmapping = ", "\n# mapping = "))
    (tmp_path / ".env.example").write_text("MODEL=deepseek-reasoner\n")
    (tmp_path / "app.py").write_text(
        'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = os.getenv("MODEL", "deepseek-chat")\n'
        "client.chat.completions.create(model=MODEL, messages=[])\n"
    )
    assert "include" not in [line.split(" = ")[0] for line in text.splitlines()]
    result = invoke("fix", "--diff", tmp_path)
    assert result.exit_code in (0, 1), result.output  # the settings load; the default waits
    assert "+MODEL" not in result.stdout


def test_a_retired_id_elsewhere_in_pyproject_is_still_found(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ds-migrate]\nmapping = { deepseek-chat = "deepseek-v4-pro" }\n\n[tool.app]\nmodel = "deepseek-chat"\n'
    )
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    assert [(f["line"], f["code"]) for f in document["findings"]] == [(5, "DSM103")]


# --- piped `rules` ------------------------------------------------------------


def test_piped_rules_prints_one_line_per_rule(ds_migrate_exe):
    from ds_migrate.rules import all_rules

    completed = subprocess.run([ds_migrate_exe, "rules"], capture_output=True, text=True, env={"COLUMNS": "40", "PATH": ""})
    lines = completed.stdout.splitlines()
    assert completed.returncode == 0
    assert len(lines) == 1 + len(all_rules())
    for line, rule in zip(lines[1:], all_rules()):
        assert line.startswith(rule.code) and line.endswith(rule.doc().summary)


def test_a_listing_read_only_in_part_exits_0_as_ruffs_does(ds_migrate_exe):
    """``ds-migrate rules | head -1``: the reader closes the pipe early. A
    listing is no failure (click answered the broken pipe with exit 1, about
    two runs in three: a fifth fresh reader); scan keeps its findings' 1."""
    for command in (["rules"], ["explain", "DSM101"]) * 4:
        reader = subprocess.Popen([ds_migrate_exe, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        reader.stdout.read(1)
        reader.stdout.close()
        assert reader.wait(timeout=60) == 0, command
        assert reader.stderr.read() == b""
        reader.stderr.close()


def test_rules_takes_output_format_as_scan_does():
    listed = json.loads(invoke("rules", "--output-format", "json").stdout)
    assert listed == json.loads(invoke("rules", "--format", "json").stdout)
    assert listed[0]["code"] == "DSM101"


def test_init_twice_refuses_to_append_a_second_starter_to_ds_migrate_toml(tmp_path):
    assert invoke("init", tmp_path).exit_code == 0
    first = (tmp_path / "ds-migrate.toml").read_text()
    again = invoke("init", tmp_path)
    assert again.exit_code == 2 and "ds-migrate.toml already exists" in again.output
    assert (tmp_path / "ds-migrate.toml").read_text() == first


def test_init_refuses_a_ds_migrate_toml_with_settings_of_its_own(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('fail-on = "error"\n')
    assert invoke("init", tmp_path).exit_code == 2
    assert (tmp_path / "ds-migrate.toml").read_text() == 'fail-on = "error"\n'


def test_init_and_target_help_say_what_they_do():
    """A fresh reader: init's help named only the pyproject section, and
    --target's help left 'v4.1' unexplained."""
    init = invoke("init", "--help").output
    assert "ds-migrate.toml" in init and "pyproject.toml" in init
    scan = invoke("scan", "--help").output
    assert "deepseek-flash" in scan and "V4.1" in scan


def test_a_comma_list_inside_one_config_string_is_refused(tmp_path):
    """ruff refuses select = ["E501,F401"]; ds-migrate split it silently (a
    fourth fresh reader). The command line keeps its comma lists."""
    (tmp_path / "ds-migrate.toml").write_text('select = ["DSM101,DSM103"]\n')
    (tmp_path / "a.py").write_text('MODEL = "deepseek-chat"\n')
    result = invoke("scan", tmp_path)
    assert result.exit_code == 2 and "one rule code or prefix per string" in result.output
    assert invoke("scan", "--isolated", "--select", "DSM101,DSM103", tmp_path).exit_code == 1
