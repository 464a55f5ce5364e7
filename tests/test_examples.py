"""The examples/ folder shows every rule."""

from conftest import REPO


def test_examples_show_every_rule():
    from click.testing import CliRunner
    import json

    from ds_migrate.cli.commands import main
    from ds_migrate.rules import all_rules

    result = CliRunner().invoke(main, ["scan", "--format", "json", str(REPO / "examples")])
    seen = {f["code"] for f in json.loads(result.output)["findings"]}
    assert seen == {rule.code for rule in all_rules()}
