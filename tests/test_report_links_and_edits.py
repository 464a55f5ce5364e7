"""The machine reports carry what ruff's do: each fix's edits (JSON), and a
link to each rule's page (JSON `url`, SARIF `helpUri` and `informationUri`),
at the repository pyproject.toml names, or none while it names none."""

import json

import jsonschema
import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

from conftest import REPO

SARIF_SCHEMA = REPO / "tests" / "sarif" / "sarif-schema-2.1.0.json"
HOME = "https://github.com/example-owner/ds-migrate"
LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
TREE = {
    "app.py": LEGACY + "# deepseek-chat was our model\n",
    "config.yaml": "llm:\n  base_url: https://api.deepseek.com\n  model: deepseek-chat\n",
}


def write(tmp_path):
    for name, text in TREE.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def scan(*args):
    return CliRunner().invoke(main, ["scan", "--isolated", *map(str, args)])


def apply(text: str, edits: list[dict]) -> str:
    lines = text.splitlines(keepends=True)

    def offset(location):
        return sum(len(line) for line in lines[: location["row"] - 1]) + location["column"] - 1

    for edit in sorted(edits, key=lambda e: offset(e["location"]), reverse=True):
        text = text[: offset(edit["location"])] + edit["content"] + text[offset(edit["end_location"]):]
    return text


@pytest.fixture
def with_home(monkeypatch):
    from ds_migrate.report import links

    monkeypatch.setattr(links, "home_url", lambda: HOME)


def test_json_findings_carry_their_fix_edits(tmp_path):
    write(tmp_path)
    document = json.loads(scan("--output-format", "json", tmp_path).stdout)
    by_code = {(f["path"].rsplit("/", 1)[-1], f["code"]): f for f in document["findings"]}
    request = by_code[("app.py", "DSM101")]
    assert request["fix"] == "safe" and len(request["edits"]) == 1
    assert set(request["edits"][0]) == {"content", "location", "end_location"}
    assert set(request["edits"][0]["location"]) == {"row", "column"}
    comment = by_code[("app.py", "DSM108")]
    assert comment["fix"] == "unsafe" and len(comment["edits"]) == 1
    # a kind other than Python: its edit too
    assert by_code[("config.yaml", "DSM103")]["edits"]


def test_json_edits_make_what_fix_writes(tmp_path):
    """Applying the safe findings' edits gives the file `fix --write` writes."""
    write(tmp_path)
    document = json.loads(scan("--output-format", "json", tmp_path).stdout)
    safe = {}
    for finding in document["findings"]:
        if finding["fix"] == "safe":
            safe.setdefault(finding["path"], []).extend(finding["edits"])
    expected = {path: apply((tmp_path / path).read_text() if not path.startswith("/") else open(path).read(), edits)
                for path, edits in safe.items()}
    CliRunner().invoke(main, ["fix", "--write", "--isolated", str(tmp_path)])
    assert len(expected) == 2
    for path, text in expected.items():
        assert open(path).read() == text


def test_a_finding_without_fix_has_no_edits(tmp_path):
    (tmp_path / "app.py").write_text("x = f'deepseek-{kind}'\n")
    finding = json.loads(scan("--output-format", "json", tmp_path).stdout)["findings"][0]
    assert finding["fix"] == "none" and finding["edits"] == []


def test_no_repository_named_means_no_address(tmp_path):
    """pyproject.toml names no repository yet: null, never a guessed address."""
    from ds_migrate.report.links import home_url

    (tmp_path / "app.py").write_text(LEGACY)
    if home_url() is None:
        finding = json.loads(scan("--output-format", "json", tmp_path).stdout)["findings"][0]
        assert finding["url"] is None
        driver = json.loads(scan("--output-format", "sarif", tmp_path).stdout)["runs"][0]["tool"]["driver"]
        assert "informationUri" not in driver and all("helpUri" not in rule for rule in driver["rules"])
    else:
        assert home_url().startswith("https://")


def test_json_url_is_the_rule_page_in_the_repository(tmp_path, with_home):
    (tmp_path / "app.py").write_text(LEGACY)
    finding = json.loads(scan("--output-format", "json", tmp_path).stdout)["findings"][0]
    assert finding["url"] == f"{HOME}/blob/main/docs/rules/DSM101.md"
    assert (REPO / "docs" / "rules" / "DSM101.md").is_file()


def test_sarif_rules_link_their_page_and_validate(tmp_path, with_home):
    write(tmp_path)
    document = json.loads(scan("--output-format", "sarif", tmp_path).stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text()))
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == HOME
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"{HOME}/blob/main/docs/rules/{rule['id']}.md"
        assert (REPO / "docs" / "rules" / f"{rule['id']}.md").is_file()


def test_sarif_carries_fixes_for_every_file_kind(tmp_path):
    write(tmp_path)
    document = json.loads(scan("--output-format", "sarif", tmp_path).stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text()))
    fixed = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]
             for r in document["runs"][0]["results"] if r.get("fixes")}
    assert fixed == {"app.py", "config.yaml"}


def test_home_url_reads_the_repository_from_the_package_metadata(monkeypatch):
    from ds_migrate.report import links

    class Meta:
        def get_all(self, key):
            assert key == "Project-URL"
            return ["Changelog, https://example.org/changes", f"Repository, {HOME}/"]

    monkeypatch.setattr("importlib.metadata.metadata", lambda name: Meta())
    links.home_url.cache_clear()
    try:
        assert links.home_url() == HOME
        assert links.rule_url("DSM203") == f"{HOME}/blob/main/docs/rules/DSM203.md"
    finally:
        links.home_url.cache_clear()
