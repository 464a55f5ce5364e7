"""examples/polyglot: every legacy name reported at its line, fixed where a form is verified, once."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.deepseek.names import find_legacy_names, find_provider_slugs

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "polyglot"


def scan_json(path: Path) -> dict:
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--exit-zero", str(path)])
    return json.loads(result.output)


def lines_with(text: str, finder) -> list[int]:
    return sorted(text.count("\n", 0, found.start) + 1 for found in finder(text))


def test_every_legacy_name_and_slug_is_reported_at_its_line():
    document = scan_json(EXAMPLE)
    by_file: dict[str, list[dict]] = {}
    for finding in document["findings"]:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    files = [p for p in EXAMPLE.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".go", ".java", ".rb", ".php", ".sh", ".csv"}
    for path in files:
        text = path.read_text()
        found = by_file.get(path.name, [])
        legacy = sorted(f["line"] for f in found if f["legacy_name"])
        assert legacy == lines_with(text, find_legacy_names), path.name
        slugs = sorted(f["line"] for f in found if f["code"] == "DSM110")
        assert slugs == lines_with(text, find_provider_slugs), path.name
    assert document["summary"]["files_as_text"] == 1  # models.csv


def test_fix_adds_each_verified_toggle_and_a_second_run_changes_nothing(tmp_path):
    tree = tmp_path / "polyglot"
    shutil.copytree(EXAMPLE, tree)
    apps = [str(tree / app) for app in ("go-service", "java-client", "ruby-script", "php-app", "scripts")]
    first = CliRunner().invoke(main, ["fix", "--write", *[a for a in apps[:1]]])
    assert "Fixed" in first.output
    for app in apps[1:]:  # each folder is an app of its own: decided on its own
        CliRunner().invoke(main, ["fix", "--write", app])
    go = (tree / "go-service" / "main.go").read_text()
    assert '}, option.WithJSONSet("thinking", map[string]string{"type": "disabled"}))' in go
    # the route branches on 'deepseek-reasoner', which the renamed chat model would match: left for review
    assert 'if model == "deepseek-reasoner"' in go
    java = (tree / "java-client" / "src" / "main" / "java" / "demo" / "Reviewer.java").read_text()
    assert '.putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(java.util.Collections.singletonMap("type", "enabled")))' in java
    assert 'thinking: { type: "disabled" },' in (tree / "ruby-script" / "translate.rb").read_text()
    assert "'thinking' => ['type' => 'enabled']," in (tree / "php-app" / "ask.php").read_text()
    assert (tree / "models.csv").read_bytes() == (EXAMPLE / "models.csv").read_bytes()  # plain text: report only

    snapshot = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    for app in apps:
        second = CliRunner().invoke(main, ["fix", "--write", app])
        assert "Fixed 0 findings" in second.output
    assert snapshot == {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    for app in apps:
        remaining = scan_json(Path(app))["findings"]
        assert not [f for f in remaining if f["fix"] == "safe"]
        assert not [f for f in remaining if f["severity"] == "error"], remaining
