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
