"""The README and docs/ say what the code does, and point where they say they point."""

from __future__ import annotations

import json
import re
import sys

import pytest
from click.testing import CliRunner

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
        for path in [REPO / "README.md", REPO / "CHANGELOG.md", *sorted((REPO / "docs").glob("*.md"))]}


def doc(name: str) -> str:
    return (REPO / "docs" / name).read_text(encoding="utf-8")


# -- the README ----------------------------------------------------------------------------


def test_readme_is_at_most_200_lines():
    assert len(README.splitlines()) <= 200


def test_readme_has_the_two_setup_commands():
    assert "\n```\npip install -e '.[dev]' && ds-migrate scan examples/\n```\n" in README
    assert "\n```\npytest\n```\n" in README


def test_readme_says_the_examples_scan_exits_1_and_the_suite_takes_minutes():
    develop = README[README.index("## Develop"):]
    before_scan, _, after_scan = develop.partition("ds-migrate scan examples/")
    assert "exits 1" in before_scan[-200:]
    assert "minutes" in after_scan[:after_scan.index("```\npytest")]


def test_the_examples_scan_exits_1_as_the_readme_says():
    from ds_migrate.cli.commands import main

    result = CliRunner().invoke(main, ["scan", "--quiet", str(REPO / "examples")])
    assert result.exit_code == 1, result.output


def test_readme_first_screen_installs_then_scans_then_fixes_then_explains_the_plan():
    """What a new user needs, in the order they need it, near the top."""
    steps = [
        "pipx install ./ds-migrate",  # from a clone: no placeholder to fill in
        # uvx runs in the folder that holds the clone: it names the project, not "."
        "uvx --from ./ds-migrate ds-migrate scan my-project/",
        "pipx install ds-migrate",  # from the index, once released
        "pipx install git+https://github.com/<owner>/ds-migrate@<commit-sha>",
        "ds-migrate scan .",
        "ds-migrate fix .",
        "ds-migrate fix --write .",
        "ds-migrate fix --write --unsafe-fixes .",
        "### The migration plan",
    ]
    at = 0
    for step in steps:
        found = README.find(step, at)
        assert found != -1, f"{step!r} is not in the README after {README[max(0, at - 80):at]!r}"
        at = found + len(step)
    assert README[:at].count("\n") < 70, "the plan is explained below the first screens"
    commands = re.findall(r"```\n(.*?)```", README, re.S)
    assert "<owner>" not in commands[0] and "<owner>" not in commands[1], "the first commands run as they are"


def test_readme_has_no_changelog_jargon_and_says_what_statistics_does():
    assert "before this release" not in README and "an earlier version" not in README
    assert "*instead of* the findings" in README


def test_every_relative_link_resolves():
    broken = []
    for name, text in DOCS.items():
        base = (REPO / name).parent
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" not in target and not (base / target).exists():
                broken.append(f"{name}: {target}")
    assert not broken


def test_every_doc_page_is_linked_from_the_readme_or_another_page():
    linked = {re.sub(r"^docs/", "", target) for text in DOCS.values()
              for target in re.findall(r"\]\((?:docs/)?([\w-]+\.md)", text)}
    assert {path.name for path in (REPO / "docs").glob("*.md")} <= linked


def test_the_repository_address_is_one_placeholder_everywhere():
    """The project has no public address yet: `<owner>` cannot be mistaken for
    (or typosquatted as) a real account, and fails loudly when pasted as is."""
    for name, text in DOCS.items():
        for owner in re.findall(r"github\.com/([^/\s]+)/ds-migrate", text):
            assert owner == "<owner>", name
        for owner in re.findall(r"uses: ([^/\s]+)/ds-migrate@", text):
            assert owner == "<owner>", name


def _released_versions() -> set[str]:
    return set(re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", DOCS["CHANGELOG.md"], re.M))


def test_pinned_revisions_name_a_released_tag_or_a_commit():
    """`rev: v0.1.0` or `@v0.1.0` must not be offered before v0.1.0 is released."""
    released = _released_versions()
    for name, text in DOCS.items():
        for rev in re.findall(r"^\s*rev: (\S+)", text, re.M) + re.findall(r"uses: \S+/ds-migrate@(\S+)", text):
            if rev.startswith("v"):
                assert rev[1:] in released, f"{name} pins {rev}, which the CHANGELOG does not list as released"
            else:
                assert rev == "<commit-sha>" or re.fullmatch(r"[0-9a-f]{40}", rev), f"{name}: {rev}"
    if not released:
        assert "pin a commit" in README and "40-character sha" in README


# -- tables in docs/ checked against the code ----------------------------------------------


def test_version_forms_table_matches_forms_py():
    from ds_migrate.deepseek.forms import FORMS

    rows = re.findall(r"^\| (litellm|dspy|agno|anthropic-sdk|autogen|camel) \| `(\w+)=` \| (enabled|disabled) \| ([\w.]+) \|",
                      doc("contexts.md"), re.M)
    expected = sorted(
        (context, form, mode, since)
        for context, entry in FORMS.items()
        for (form, mode), (since, _) in entry["works"].items()
    )
    assert sorted(rows) == expected


def test_wire_environments_table_matches_the_matrix():
    matrix = tomllib.loads((REPO / "tests" / "wire" / "matrix.toml").read_text())["env"]
    rows = re.findall(r"^\| ([\w-]+) \| (.*?) \| (.*?) \|$", doc("wire.md"), re.M)
    documented = {name: (re.findall(r"`([^`]+==[^`]+)`", pins), re.findall(r"`([^`]+)`", modules))
                  for name, pins, modules in rows if name != "environment"}
    expected = {name: (env["pins"], list(dict.fromkeys(t.split("::")[0] for t in env["tests"])))
                for name, env in matrix.items()}
    assert documented == expected


def test_json_example_has_the_keys_a_real_run_writes():
    from ds_migrate.cli.commands import main

    text = doc("output.md")
    statistics, schema = text.split("## JSON schema")
    example = json.loads(re.search(r"```json\n(.*?)```", schema, re.S).group(1))
    counts = json.loads(re.search(r"```json\n(.*?)```", statistics, re.S).group(1))
    result = CliRunner().invoke(main, ["scan", "--statistics", "--format", "json", str(REPO / "examples" / "billing")])
    assert list(counts[0]) == list(json.loads(result.output)[0])
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(REPO / "examples" / "billing")])
    real = json.loads(result.output)
    assert list(example) == list(real)
    assert list(example["summary"]) == list(real["summary"])
    assert list(example["findings"][0]) == list(real["findings"][0])
    assert list(example["errors"][0]) == ["path", "message", "line"]
    assert list(example["plan"][0]) == list(real["plan"][0])
    assert list(example["plan"][0]["sites"][0]) == list(real["plan"][0]["sites"][0])


def test_every_configuration_key_is_documented_with_its_twin():
    from ds_migrate.config import CHECKS

    text = doc("configuration.md")
    rows = dict(re.findall(r"^\| `([\w-]+)` \| (.*?) \|", text, re.M))
    for key in CHECKS:
        assert key in rows, f"configuration key {key!r} is not in docs/configuration.md"
        assert f"`--{key}" in rows[key], key


@pytest.mark.parametrize("command", ["scan", "fix"])
def test_every_command_line_option_is_documented(command):
    from ds_migrate.cli.commands import main

    text = doc("configuration.md")
    for param in main.commands[command].params:
        for option in [*param.opts, *param.secondary_opts]:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in text, f"{command} {option} is not in docs/configuration.md"


# -- the changelog -------------------------------------------------------------------------


def test_changelog_keeps_an_unreleased_section_that_says_what_the_tool_does():
    text = DOCS["CHANGELOG.md"]
    assert "keepachangelog.com" in text
    unreleased = text.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    for heading in re.findall(r"^### (.+)$", unreleased, re.M):
        assert heading in {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}, heading
    for word in ("scan", "fix", "pre-commit", "DSM101", "thinking"):
        assert word in unreleased, word


def test_every_test_the_docs_cite_exists():
    """docs/reliability.md proves each guarantee by naming a test: the name must stay true."""
    tests = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in (REPO / "tests").rglob("test_*.py")}
    stale = []
    for name, text in DOCS.items():
        for path, function in re.findall(r"((?:tests/)?[\w/]*test_\w+\.py)(?:::(\w+))?", text):
            files = [f for f in tests if f == path or f.endswith("/" + path.removeprefix("tests/"))]
            if not files:
                stale.append(f"{name}: {path}")
            elif function and not any(re.search(rf"^\s*(?:async )?def {function}\(", tests[f], re.M) for f in files):
                stale.append(f"{name}: {path}::{function}")
    assert not stale


def test_the_examples_numbers_in_the_readme_are_a_real_run(tmp_path):
    """`fix --write` fixes N of the M findings of examples/, as the README says."""
    import shutil

    from ds_migrate.cli.commands import main

    fixed, total = map(int, re.search(r"fixes (\d+) of the (\d+) findings", README).groups())
    # examples/README.md tells the same run (it once said `fix` renamed nothing there)
    examples = " ".join((REPO / "examples" / "README.md").read_text().split())
    assert re.search(r"fixes (\d+) of the (\d+) findings", examples).groups() == (str(fixed), str(total))
    scan = CliRunner().invoke(main, ["scan", "--format", "json", str(REPO / "examples")])
    assert json.loads(scan.stdout)["summary"]["findings"] == total
    copy = tmp_path / "examples"
    shutil.copytree(REPO / "examples", copy)
    fix = CliRunner().invoke(main, ["fix", "--write", "--format", "json", str(copy)])
    assert json.loads(fix.stdout)["summary"]["fixed"] == fixed


def test_readme_says_what_a_new_user_trips_on():
    from ds_migrate.cli.commands import main

    assert "`--assume-mode chat|reasoner`" in README and "DSM201" in README
    assert "a path that does not exist" in README.split("## Exit codes and output")[1].split("##")[0]
    assert CliRunner().invoke(main, ["scan", "no-such-folder"]).exit_code == 2
    # uvx runs where the clone is (./ds-migrate): "." there would scan the clone's parent
    assert "uvx --from ./ds-migrate ds-migrate scan .  " not in README


def test_action_description_names_every_retired_id():
    import yaml

    from ds_migrate.deepseek.mapping import LEGACY_MODES

    description = yaml.safe_load((REPO / "action.yml").read_text())["description"]
    assert all(name in description for name in LEGACY_MODES)
    assert len(description) <= 125  # what the Marketplace shows in full


def test_the_readme_plan_sample_is_what_scan_prints(tmp_path, monkeypatch):
    """The README's two-file example (a settings constant, a handler that
    branches on it): its plan sample is the tool's output, word for word
    (it had lost a step the tool prints)."""
    from ds_migrate.cli.commands import main

    sample = README.split("Migration plan: what is left for a person\n", 1)[1].split("```", 1)[0]
    (tmp_path / "settings.py").write_text('MODEL = "deepseek-chat"\n')
    (tmp_path / "handler.py").write_text('from settings import MODEL\nif MODEL == "deepseek-chat":\n    pass\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scan", "--isolated", "."], catch_exceptions=False)
    printed = result.output.split("Migration plan: what is left for a person\n", 1)[1]
    assert printed.startswith(sample), printed
