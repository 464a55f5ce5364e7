import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.config import ConfigError, load_config

LEGACY = 'client.chat.completions.create(model="deepseek-reasoner", messages=m)\n'


def scan_json(*args):
    result = CliRunner().invoke(main, ["scan", "--format", "json", *args])
    return result, json.loads(result.output) if result.output.startswith("{") else None


def test_pyproject_section_is_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ds-migrate]\nignore = ["DSM101"]\n')
    sub = tmp_path / "src" / "pkg"
    sub.mkdir(parents=True)
    (sub / "a.py").write_text(LEGACY)
    _, document = scan_json(str(sub))
    assert document["findings"] == []


def test_ds_migrate_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ds-migrate]\nignore = ["DSM101"]\n')
    (tmp_path / "ds-migrate.toml").write_text('select = ["DSM101"]\n')
    (tmp_path / "a.py").write_text(LEGACY)
    _, document = scan_json(str(tmp_path))
    assert [f["code"] for f in document["findings"]] == ["DSM101"]


def test_command_line_wins_over_config(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('fail-on = "error"\ntarget = "pro"\n')
    (tmp_path / "a.py").write_text('if m == "deepseek-chat":\n    pass\n')
    assert CliRunner().invoke(main, ["scan", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(main, ["scan", "--fail-on", "warning", str(tmp_path)]).exit_code == 1


def test_mapping_and_target_from_config(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('target = "deepseek-flash"\n[mapping]\ndeepseek-reasoner = "deepseek-v4-pro"\n')
    path = tmp_path / "a.py"
    path.write_text('A = "deepseek-chat"\nB = "deepseek-reasoner"\n')
    CliRunner().invoke(main, ["fix", "--write", str(tmp_path)])
    assert path.read_text() == 'A = "deepseek-flash"\nB = "deepseek-v4-pro"\n'


def test_thinking_form_omit_from_config(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('thinking-form = "omit"\n')
    path = tmp_path / "a.py"
    path.write_text(LEGACY)
    CliRunner().invoke(main, ["fix", "--write", str(tmp_path)])
    assert path.read_text() == LEGACY.replace("deepseek-reasoner", "deepseek-v4-flash")


def test_per_file_ignores(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('[per-file-ignores]\n"tests/*" = ["DSM101"]\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "t.py").write_text(LEGACY)
    (tmp_path / "a.py").write_text(LEGACY)
    _, document = scan_json(str(tmp_path))
    assert [f["path"].endswith("a.py") for f in document["findings"]] == [True]
    assert document["summary"]["suppressed"] == 1


def test_extend_exclude_and_include_from_config(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text('extend-exclude = ["legacy"]\ninclude = ["*.py", "*.pyw"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text(LEGACY)
    (tmp_path / "gui.pyw").write_text(LEGACY)
    _, document = scan_json(str(tmp_path))
    assert [f["path"].endswith("gui.pyw") for f in document["findings"]] == [True]


@pytest.mark.parametrize(
    "body, words",
    [
        ("colour = 1\n", ["unknown key 'colour'", "allowed keys"]),
        ('fail-on = "sometimes"\n', ["'fail-on'", "error, warning, info"]),
        ("select = \"DSM101\"\n", ["'select'", "list of strings"]),
        ('target = "gpt-5"\n', ["'target'", "deepseek-v4-flash"]),
        ("jobs = 0\n", ["'jobs'", "at least 1"]),
        ('[mapping]\ngpt-4 = "x"\n', ["'mapping'", "deepseek-chat"]),
        ("respect-gitignore = 'yes'\n", ["'respect-gitignore'", "true or false"]),
        ("this is not toml\n", ["not valid TOML"]),
    ],
)
def test_bad_config_exits_2_naming_file_and_key(tmp_path, body, words):
    (tmp_path / "ds-migrate.toml").write_text(body)
    (tmp_path / "a.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert result.exit_code == 2
    assert "ds-migrate.toml" in result.output
    for word in words:
        assert word in result.output


def test_isolated_ignores_config(tmp_path):
    (tmp_path / "ds-migrate.toml").write_text("colour = 1\n")
    (tmp_path / "a.py").write_text(LEGACY)
    assert CliRunner().invoke(main, ["scan", "--isolated", str(tmp_path)]).exit_code == 1


def test_explicit_config_path(tmp_path):
    config = tmp_path / "elsewhere.toml"
    config.write_text('ignore = ["DSM1"]\n')
    (tmp_path / "a.py").write_text(LEGACY)
    result, document = scan_json("--config", str(config), str(tmp_path))
    assert document["findings"] == []
    missing = CliRunner().invoke(main, ["scan", "--config", str(tmp_path / "nope.toml"), str(tmp_path)])
    assert missing.exit_code == 2


def test_pyproject_without_section_is_not_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(None, str(tmp_path), False).path is None
    with pytest.raises(ConfigError):
        load_config(str(tmp_path / "pyproject.toml"), str(tmp_path), False)


def test_init_writes_a_starter_that_loads(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert load_config(None, str(tmp_path), False).path == tmp_path / "pyproject.toml"
    again = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "already has" in again.output


def test_init_without_pyproject_writes_ds_migrate_toml(tmp_path):
    CliRunner().invoke(main, ["init", str(tmp_path)])
    text = (tmp_path / "ds-migrate.toml").read_text()
    assert "[tool.ds-migrate]" not in text and "# fail-on" in text


def test_mapping_on_the_command_line(tmp_path):
    path = tmp_path / "a.py"
    path.write_text('B = "deepseek-reasoner"\n')
    CliRunner().invoke(main, ["fix", "--write", "--mapping", "deepseek-reasoner=deepseek-v4-pro", str(tmp_path)])
    assert path.read_text() == 'B = "deepseek-v4-pro"\n'
    bad = CliRunner().invoke(main, ["scan", "--mapping", "gpt-4=x", str(tmp_path)])
    assert bad.exit_code == 2 and "--mapping" in bad.output


def test_a_pyproject_section_pasted_into_ds_migrate_toml_gets_a_hint(tmp_path):
    """A fourth fresh reader copied the README's [tool.ds-migrate] block into
    ds-migrate.toml and got only "unknown key 'tool'"."""
    (tmp_path / "ds-migrate.toml").write_text('[tool.ds-migrate]\nselect = ["DSM1"]\n')
    (tmp_path / "a.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert result.exit_code == 2 and "without the [tool.ds-migrate] header" in result.output


@pytest.mark.parametrize("header", ["tool.ds_migrate", "tool.dsmigrate", "tool.DS-Migrate", "ds-migrate"])
def test_a_misspelled_table_in_pyproject_is_an_error_that_names_the_right_one(tmp_path, header):
    """Read as no settings, ``[tool.ds_migrate]`` ran every rule and a gate
    meant to select one rule failed or passed by accident (a sixth fresh reader)."""
    (tmp_path / "pyproject.toml").write_text(f'[{header}]\nselect = ["DSM101"]\n')
    (tmp_path / "a.py").write_text('x = "deepseek-chat"\n')
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert result.exit_code == 2
    assert f"[{header}] is not read: ds-migrate's settings go under [tool.ds-migrate]" in result.output
    # other tools' tables are none of ours
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n[tool.migrate]\nx = 1\n')
    assert CliRunner().invoke(main, ["scan", str(tmp_path)]).exit_code == 1
