"""The real command line, through click's runner and as a subprocess."""

import json
import shutil
import subprocess

from click.testing import CliRunner

from ds_migrate.cli.commands import main, scan as scan_command

from conftest import REPO

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
CLEAN = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_scan_reports_and_exits_1(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", str(tmp_path))
    assert result.exit_code == 1
    assert "DSM101" in result.output
    assert "^^^^^^^^^^^^^" in result.output
    assert "Found 1 finding" in result.output


def test_scan_clean_tree_exits_0(tmp_path):
    (tmp_path / "app.py").write_text(CLEAN)
    result = invoke("scan", str(tmp_path))
    assert result.exit_code == 0, result.output


def test_exit_zero(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    assert invoke("scan", "--exit-zero", str(tmp_path)).exit_code == 0


def test_fail_on_error_ignores_warnings(tmp_path):
    (tmp_path / "app.py").write_text('if m == "deepseek-chat":\n    pass\n')
    assert invoke("scan", str(tmp_path)).exit_code == 1
    assert invoke("scan", "--fail-on", "error", str(tmp_path)).exit_code == 0


def test_info_findings_do_not_fail_by_default(tmp_path):
    (tmp_path / "app.py").write_text("# we used deepseek-chat once\n")
    assert invoke("scan", str(tmp_path)).exit_code == 0
    assert invoke("scan", "--fail-on", "info", str(tmp_path)).exit_code == 1


def test_missing_path_exits_2(tmp_path):
    result = invoke("scan", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_unknown_option_exits_2():
    assert CliRunner().invoke(main, ["scan", "--bogus"]).exit_code == 2


def test_json_format_has_the_documented_shape(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("scan", "--format", "json", str(tmp_path))
    document = json.loads(result.output)
    assert document["version"] == 1
    (finding,) = document["findings"]
    assert set(finding) >= {
        "path", "line", "column", "end_line", "end_column", "code", "name",
        "severity", "message", "legacy_name", "fix",
    }
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 39, 52)
    assert finding["legacy_name"] == "deepseek-chat" and finding["fix"] == "safe"
    assert document["summary"]["findings"] == 1
    assert document["summary"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}


def test_select_and_ignore(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + "# deepseek-chat\n")
    only = json.loads(invoke("scan", "--format", "json", "--select", "DSM108", str(tmp_path)).output)
    assert [f["code"] for f in only["findings"]] == ["DSM108"]
    rest = json.loads(invoke("scan", "--format", "json", "--ignore", "DSM108,DSM2", str(tmp_path)).output)
    assert [f["code"] for f in rest["findings"]] == ["DSM101"]


def test_suppression_comments(tmp_path):
    (tmp_path / "app.py").write_text(
        'a = "deepseek-chat"  # ds-migrate: ignore\n'
        'b = "deepseek-chat"  # ds-migrate: ignore[DSM103]\n'
        'c = "deepseek-chat"  # noqa: DSM103\n'
        'd = "deepseek-chat"  # ds-migrate: ignore[DSM101]\n'
    )
    document = json.loads(invoke("scan", "--format", "json", str(tmp_path)).output)
    assert [f["line"] for f in document["findings"]] == [4]
    assert document["summary"]["suppressed"] == 3


def test_fix_without_write_shows_diff_and_writes_nothing(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    result = invoke("fix", str(tmp_path))
    assert result.exit_code == 1
    assert "deepseek-v4-flash" in result.output
    assert path.read_text() == LEGACY


def test_fix_diff_is_plain_and_applies(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    result = CliRunner().invoke(main, ["fix", "--diff", str(tmp_path)])
    assert result.output.startswith("--- a/")
    assert "\x1b[" not in result.output
    assert f"+{CLEAN}" in result.output


def test_fix_write_then_nothing_left(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    result = invoke("fix", "--write", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert path.read_text() == CLEAN
    assert "Fixed 1 finding" in result.output
    again = invoke("fix", "--write", str(tmp_path))
    assert again.exit_code == 0 and path.read_text() == CLEAN


def test_fix_write_exits_1_when_unsafe_findings_remain(tmp_path):
    path = tmp_path / "app.py"
    path.write_text('MODEL = "deepseek-chat"\nif m == "deepseek-chat":\n    pass\n')
    result = invoke("fix", "--write", str(tmp_path))
    assert result.exit_code == 1
    assert "need --unsafe-fixes" in result.output
    assert invoke("fix", "--write", "--unsafe-fixes", str(tmp_path)).exit_code == 0


def test_fix_stdin_prints_fixed_source():
    result = CliRunner().invoke(main, ["fix", "-", "--stdin-filename", "app.py"], input=LEGACY)
    assert result.stdout == CLEAN


def test_scan_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a name inside this repository would take its other files into the decision (30 s)
    result = CliRunner().invoke(main, ["scan", "-", "--stdin-filename", "app.py"], input=LEGACY)
    assert result.exit_code == 1 and "app.py" in result.output


def test_rules_lists_every_rule():
    from ds_migrate.rules import all_rules

    output = invoke("rules").output
    for rule in all_rules():
        assert rule.code in output and rule.name in output


def test_explain():
    result = invoke("explain", "DSM101")
    assert "legacy-model-argument" in result.output and "Why it matters" in result.output
    assert CliRunner().invoke(main, ["explain", "NOPE"]).exit_code == 2


def test_subprocess_scan_of_examples(ds_migrate_exe):
    completed = subprocess.run(
        [ds_migrate_exe, "scan", "examples", "--format", "json"], cwd=REPO, capture_output=True, text=True
    )
    assert completed.returncode == 1, completed.stderr
    document = json.loads(completed.stdout)
    assert document["summary"]["findings"] > 20
    assert any(e["path"].endswith("half_edited.py") for e in document["errors"])


def test_subprocess_fix_write_on_a_copy_of_examples(ds_migrate_exe, tmp_path):
    tree = tmp_path / "examples"
    shutil.copytree(REPO / "examples", tree)
    first = subprocess.run([ds_migrate_exe, "fix", "--write", str(tree)], capture_output=True, text=True)
    assert first.returncode == 1  # review-only findings remain
    snapshot = {p: p.read_bytes() for p in tree.rglob("*.py")}
    second = subprocess.run([ds_migrate_exe, "fix", "--write", str(tree)], capture_output=True, text=True)
    assert "Fixed 0 findings" in second.stdout
    assert snapshot == {p: p.read_bytes() for p in tree.rglob("*.py")}
    scan = subprocess.run([ds_migrate_exe, "scan", "--format", "json", str(tree)], capture_output=True, text=True)
    remaining = json.loads(scan.stdout)["findings"]
    assert not [f for f in remaining if f["fix"] == "safe"]


def test_webapp_example_is_held_back_by_its_frontend_union_until_a_person_decides(tmp_path):
    tree = tmp_path / "webapp"
    shutil.copytree(REPO / "examples" / "webapp", tree)
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    first = CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", str(tree)])
    # the TypeScript union and label map tell the two ids apart: they and the
    # config values that may reach them stay; the requests (their own literals,
    # and the backend's Python values, which cannot reach the settings page) are migrated
    changed = {p.relative_to(tree).as_posix() for p in before if p.read_bytes() != before[p]}
    assert changed == {"backend/app.py", "frontend/src/api.ts", "notebooks/tone.ipynb"}
    assert (tree / "frontend" / "src" / "models.ts").read_bytes() == before[tree / "frontend" / "src" / "models.ts"]
    assert "Migration plan" in first.output and "models.ts:2" in first.output
    document = json.loads(CliRunner().invoke(main, ["scan", "--format", "json", str(tree)]).output)
    assert {g["legacy_id"] for g in document["plan"]} == {"deepseek-chat", "deepseek-reasoner"}
    # the person's decision: one V4 model, told apart by the thinking mode
    (tree / "frontend" / "src" / "models.ts").write_text(
        'export type DeepSeekMode = "fast" | "careful";\n\n'
        'export const MODE_LABELS: Record<DeepSeekMode, string> = { fast: "Fast", careful: "Careful" };\n'
    )
    second = CliRunner().invoke(main, ["fix", "--write", str(tree)])
    assert "Fixed" in second.output
    document = json.loads(CliRunner().invoke(main, ["scan", "--format", "json", str(tree)]).output)
    remaining = document["findings"]
    assert not [f for f in remaining if f["severity"] == "error"], remaining
    assert not [f for f in remaining if f["fix"] == "safe"]
    assert "py" not in {f["path"].rsplit(".", 1)[-1] for f in remaining}  # the backend is fully migrated
    assert "thinking: { type: \"disabled\" }" in (tree / "frontend" / "src" / "api.ts").read_text()
    assert "deepseek-v4-flash" in (tree / ".env.example").read_text()
    assert "${DEEPSEEK_MODEL:-deepseek-v4-flash}" in (tree / "docker-compose.yml").read_text()
    assert "deepseek-chat" in (tree / "tests" / "cassettes" / "test_answer.yaml").read_text()  # recorded, untouched


def test_explicit_file_of_unknown_kind_is_searched_as_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("we still call deepseek-chat\n")
    document = json.loads(invoke("scan", "--format", "json", str(path)).output)
    assert [(f["code"], f["fix"]) for f in document["findings"]] == [("DSM109", "none")]
    assert document["errors"] == []


def test_show_files_lists_every_kind():
    output = invoke("scan", "--show-files", str(REPO / "examples" / "webapp")).output
    for name in (".env.example", "docker-compose.yml", "Dockerfile", "app.py", "api.ts", "tone.ipynb", "README.md", "test_answer.yaml"):
        assert name in output, name


def test_stdin_filename_picks_the_file_kind(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside this repository, whose other files would take part in the decision
    source = 'const r = await openai.chat.completions.create({ model: "deepseek-chat", messages });\n'
    result = CliRunner().invoke(main, ["fix", "-", "--stdin-filename", "src/api.js"], input=source)
    assert result.stdout == source.replace('"deepseek-chat", messages', '"deepseek-v4-flash", messages, thinking: { type: "disabled" }')


def test_include_help_says_what_the_default_takes():
    from ds_migrate.discover.listing import DEFAULT_INCLUDE

    (option,) = [p for p in scan_command.params if p.name == "include"]
    assert DEFAULT_INCLUDE == ("*",)  # every text file is searched (binary kinds are skipped)
    assert "every file but known binary kinds" in option.help


def test_output_file_of_the_text_report_is_closed(tmp_path):
    import gc
    import warnings

    (tmp_path / "app.py").write_text(LEGACY)
    report = tmp_path / "report.txt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for command, expected in (("scan", "DSM101"), ("fix", "Would fix 1 finding in 1 file.")):
            invoke(command, "-o", str(report), str(tmp_path / "app.py"))
            gc.collect()
            assert expected in report.read_text()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_remaining_is_what_was_not_applied_by_identity():
    from types import SimpleNamespace

    from ds_migrate.cli.commands import _remaining
    from ds_migrate.findings import Finding, Severity

    def finding():
        return Finding("a.py", 1, 1, 1, 5, "DSM101", "legacy-model-argument", Severity.ERROR, "m")

    applied, twin = finding(), finding()
    assert applied == twin  # equal, yet only one of them was fixed
    run = SimpleNamespace(findings=[applied, twin], processed=[SimpleNamespace(applied=[applied])])
    remaining = _remaining(run)
    assert len(remaining) == 1 and remaining[0] is twin
