"""`--mapping` and the config's `mapping` take the values `target` takes:
keys are retired ids, values current V4 ids (or their short names). A typo
or another provider's model stops the run (exit 2) and is named, instead of
being written into the code with DeepSeek's thinking body."""

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("value", ["gpt-4o", "deepseek-v9", "deepseek-chat", ""])
def test_a_bad_value_on_the_command_line_exits_2_and_is_named(tmp_path, value):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("fix", "--write", "--mapping", f"deepseek-chat={value}", tmp_path)
    assert result.exit_code == 2
    assert "--mapping" in result.output
    if value:
        assert f"'{value}' for 'deepseek-chat' is not a current V4 id" in result.output
    assert (tmp_path / "app.py").read_text() == LEGACY


@pytest.mark.parametrize("value", ["gpt-4o", "deepseek-v9"])
def test_a_bad_value_in_the_config_exits_2_and_is_named(tmp_path, value):
    (tmp_path / "app.py").write_text(LEGACY)
    (tmp_path / "ds-migrate.toml").write_text(f'mapping = {{ deepseek-chat = "{value}" }}\n')
    result = invoke("fix", "--write", tmp_path)
    assert result.exit_code == 2
    assert "ds-migrate.toml" in result.output and f"'{value}' for 'deepseek-chat' is not a current V4 id" in result.output
    assert (tmp_path / "app.py").read_text() == LEGACY


@pytest.mark.parametrize("where", ["cli", "config"])
@pytest.mark.parametrize("value, written", [("deepseek-v4-pro", "deepseek-v4-pro"), ("pro", "deepseek-v4-pro")])
def test_a_v4_id_or_its_short_name_is_taken_alike(tmp_path, where, value, written):
    (tmp_path / "app.py").write_text(LEGACY)
    args = ["fix", "--write", tmp_path]
    if where == "cli":
        args[2:2] = ["--mapping", f"deepseek-chat={value}"]
    else:
        (tmp_path / "ds-migrate.toml").write_text(f'mapping = {{ deepseek-chat = "{value}" }}\n')
    assert invoke(*args).exit_code == 0
    assert f'model="{written}"' in (tmp_path / "app.py").read_text()


SETTINGS = 'CHAT_MODEL = "deepseek-chat"\nREASONING_MODEL = "deepseek-reasoner"\n'
HANDLER = (
    "from settings import CHAT_MODEL, REASONING_MODEL\n\n\n"
    "def budget(model):\n    if model == \"deepseek-reasoner\":\n        return 4000\n    return 800\n"
)


@pytest.mark.parametrize("config", ["pyproject.toml", "ds-migrate.toml"])
def test_a_mapping_kept_in_the_config_decides_as_on_the_command_line(tmp_path, config):
    """The plan says to keep --mapping in the config; the config's own line
    naming 'deepseek-v4-pro' is no use of that id that holds the group back
    (a fresh reader: 'already used (in pyproject.toml)')."""
    import json

    (tmp_path / "settings.py").write_text(SETTINGS)
    (tmp_path / "handler.py").write_text(HANDLER)
    on_cli = json.loads(invoke("scan", "--output-format", "json", "--mapping", "deepseek-reasoner=deepseek-v4-pro", tmp_path).output)
    header = "[tool.ds-migrate]\n" if config == "pyproject.toml" else ""
    (tmp_path / config).write_text(header + 'mapping = { deepseek-reasoner = "deepseek-v4-pro" }\n')
    in_config = json.loads(invoke("scan", "--output-format", "json", tmp_path).output)
    assert in_config["plan"] == on_cli["plan"]
    assert not any("already used" in why for entry in in_config["plan"] for why in entry["why"])
    assert [(f["path"], f["line"], f["fix"]) for f in in_config["findings"]] == [
        (f["path"], f["line"], f["fix"]) for f in on_cli["findings"]
    ]
    assert in_config["plan"][0]["renamed_with_unsafe_fixes"]
