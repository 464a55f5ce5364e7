"""What the reports say and how long they are (issue 25): the concise format,
one-line messages with the API's error once, short coupling notes that point
to numbered plan entries, the plan in `scan`, statistics on request, a
closing summary, and several reports from one run."""

import json
import re
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

from conftest import REPO

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
API_ERROR = '400 "The supported API model names are deepseek-v4-pro or deepseek-v4-flash, but you passed deepseek-chat."'
# a default coupled with a comparison: one plan entry
SETTINGS = 'DEFAULT_MODEL = "deepseek-chat"\n'
HANDLER = 'from settings import DEFAULT_MODEL\n\n\ndef pick(model):\n    if model == "deepseek-chat":\n        return 1\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def coupled_tree(tmp_path):
    (tmp_path / "settings.py").write_text(SETTINGS)
    (tmp_path / "handler.py").write_text(HANDLER)
    return tmp_path


# --- concise ------------------------------------------------------------------


def test_the_concise_fix_preview_lists_what_it_would_fix(tmp_path):
    """It printed only "Would fix 1 finding in 1 file.": no diff, no list (a
    sixth fresh reader). One concise line per finding the fix would change."""
    (tmp_path / "app.py").write_text(LEGACY + "# deepseek-chat was our model\n")
    result = invoke("fix", "--output-format", "concise", tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'app.py'}:1:39: DSM101 [error] [*] Model of OpenAI SDK")
    assert "Would fix 1 finding in 1 file." in lines and not any("DSM108" in line for line in lines)
    assert not (tmp_path / "app.py").read_text().count("v4")  # a preview writes nothing


def test_concise_is_one_line_per_finding(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + "# deepseek-chat was our model\n")
    result = invoke("scan", "--output-format", "concise", tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = str(tmp_path / "app.py")
    assert lines[0] == (
        f"{path}:1:39: DSM101 [error] [*] Model of OpenAI SDK chat.completions call 'deepseek-chat' is retired: "
        "use 'deepseek-v4-flash' with thinking disabled"
    )
    assert lines[1].startswith(f"{path}:2:3: DSM108 [info] comment mentions retired model 'deepseek-chat'")
    assert "[*]" not in lines[1]  # an unsafe fix is not applied by `fix --write`
    assert not any(line.startswith(" ") for line in lines)  # no source excerpts, no carets
    assert "Found 2 findings (1 error, 1 info) in 1 file scanned." in lines


def test_concise_lines_are_never_wrapped(tmp_path, ds_migrate_exe):
    (tmp_path / "app.py").write_text(LEGACY)
    completed = subprocess.run(
        [ds_migrate_exe, "scan", "--output-format", "concise", str(tmp_path)],
        capture_output=True, text=True, env={"COLUMNS": "30", "PATH": ""},
    )
    assert completed.returncode == 1
    first = completed.stdout.splitlines()[0]
    assert re.fullmatch(r".+/app\.py:1:39: DSM101 \[error\] \[\*\] .+ with thinking disabled", first)


def test_format_is_an_alias_and_text_is_full(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    full = invoke("scan", "--output-format", "full", tmp_path).stdout
    assert invoke("scan", "--format", "full", tmp_path).stdout == full
    assert invoke("scan", "--format", "text", tmp_path).stdout == full
    assert invoke("scan", "--format", "concise", tmp_path).stdout == invoke("scan", "--output-format", "concise", tmp_path).stdout
    assert invoke("scan", "--output-format", "fancy", tmp_path).exit_code == 2


# --- messages, footer, notes --------------------------------------------------


@pytest.mark.parametrize("fmt", ["full", "markdown"])
def test_the_api_error_is_said_once_per_run(tmp_path, fmt):
    (tmp_path / "app.py").write_text(LEGACY * 3 + 'MODEL = "deepseek-chat"\n')
    output = invoke("scan", "--output-format", fmt, tmp_path).stdout
    assert output.count("The supported API model names") == 1
    assert API_ERROR in output


def test_json_carries_the_api_error_once(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY * 2)
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    assert all("\n" not in f["message"] and "400" not in f["message"] for f in document["findings"])
    assert document["api_error"].endswith(API_ERROR)


def test_no_api_error_footer_without_a_refused_request(tmp_path):
    (tmp_path / "app.py").write_text("# deepseek-chat was our model\n")
    assert "400" not in invoke("scan", tmp_path).stdout


def test_coupling_note_is_one_short_line_naming_the_plan_entry(tmp_path):
    coupled_tree(tmp_path)
    output = invoke("scan", tmp_path).stdout
    notes = [line.strip() for line in output.splitlines() if "see plan #" in line]
    assert len(notes) == 2 and all(len(note) <= 200 for note in notes), notes
    assert all(note.endswith("renamed only with --unsafe-fixes, with every use of 'deepseek-chat' (see plan #1)") for note in notes)
    assert "coupled with" not in output  # the sites are listed once, in the plan


def test_scan_prints_the_numbered_plan(tmp_path):
    coupled_tree(tmp_path)
    output = invoke("scan", tmp_path).stdout
    assert "Migration plan: what is left for a person" in output
    assert "#1 deepseek-chat: renamed only with --unsafe-fixes (2 sites)" in output
    assert "comparison: " in output and "handler.py:5" in output


def test_statistics_prints_the_table_and_the_counts_not_the_plan(tmp_path):
    """As ruff's --statistics: the table and the totals; the summary says where the plan is."""
    coupled_tree(tmp_path)
    for output_format in ("full", "concise"):
        output = invoke("scan", "--statistics", "--output-format", output_format, tmp_path).stdout
        assert output.lstrip().startswith("code ")
        assert "Migration plan" not in output and "plan #1" not in output
        assert "Found 2 findings" in output
        assert "1 coupled group left for a person: `ds-migrate scan` shows the migration plan." in output
        assert "The supported API model names" not in output


def test_the_plan_numbers_agree_across_formats(tmp_path):
    coupled_tree(tmp_path)
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    (entry,) = document["plan"]
    held = [f for f in document["findings"] if f["plan_entry"] is not None]
    assert entry["number"] == 1 and {f["plan_entry"] for f in held} == {1}
    assert {f["path"].rsplit("/", 1)[-1] for f in held} == {"settings.py", "handler.py"}
    concise = invoke("scan", "--output-format", "concise", tmp_path).stdout
    assert "plan #1: deepseek-chat: renamed only with --unsafe-fixes (2 sites)" in concise
    markdown = invoke("scan", "--output-format", "markdown", tmp_path).stdout
    assert "#1 deepseek-chat" in markdown and "(see plan #1)" in markdown


# --- statistics, summary ------------------------------------------------------


def test_statistics_table_only_with_statistics(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    plain = invoke("scan", tmp_path).stdout
    assert not re.search(r"^code\s+name\s+severity\s+count", plain, re.M)
    table = invoke("scan", "--statistics", tmp_path).stdout
    assert re.search(r"^code\s+name\s+severity\s+count\s+fixable\s+unsafe$", table, re.M)
    assert re.search(r"^DSM101\s+legacy-model-argument\s+error\s+1\s+1\s+0$", table, re.M)
    assert "^^^" not in table  # counts instead of each finding, as ruff's --statistics


def test_closing_summary_says_what_to_run_next(tmp_path):
    coupled_tree(tmp_path)
    lines = invoke("scan", tmp_path).stdout.splitlines()
    assert lines[-3].startswith("Found 2 findings")
    assert lines[-2] == "2 fixable with `ds-migrate fix --write --unsafe-fixes` (review first: `ds-migrate fix --unsafe-fixes`)."
    assert lines[-1] == "1 coupled group left for a person: see the migration plan."


def test_closing_summary_of_safe_and_unsafe_fixes(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + "# deepseek-chat was our model\n")
    lines = invoke("scan", tmp_path).stdout.splitlines()
    assert lines[-1] == "1 fixable with `ds-migrate fix --write` (preview: `ds-migrate fix`); 1 more with `--unsafe-fixes`."


def test_examples_report_is_short(ds_migrate_exe):
    """The examples' 94 findings: concise is a line each, and no line of the
    full report repeats the plan or the API error."""
    full = subprocess.run([ds_migrate_exe, "scan", "examples"], cwd=REPO, capture_output=True, text=True)
    concise = subprocess.run([ds_migrate_exe, "scan", "--output-format", "concise", "examples"], cwd=REPO, capture_output=True, text=True)
    assert full.returncode == concise.returncode == 1
    findings = json.loads(
        subprocess.run([ds_migrate_exe, "scan", "--output-format", "json", "examples"], cwd=REPO, capture_output=True, text=True).stdout
    )["summary"]["findings"]
    assert len(concise.stdout.splitlines()) <= findings + 12
    notes = [line for line in full.stdout.splitlines() if line.lstrip().startswith(("note:", "fix ("))]
    assert notes and max(len(line) for line in notes) <= 200
    assert full.stdout.count("The supported API model names") == 1


def test_a_note_says_not_renamed_once(ds_migrate_exe):
    """The rule's reason and the group's pointer in one clause each: a
    note never says "not renamed" twice, nor repeats a reason in a
    blocker's words (a fresh reader counted 650-character annotations)."""
    report = subprocess.run([ds_migrate_exe, "scan", "--output-format", "json", "examples"], cwd=REPO, capture_output=True, text=True)
    notes = [f["note"] for f in json.loads(report.stdout)["findings"] if f["note"]]
    assert notes and all(note.count("not renamed") <= 1 for note in notes), notes
    assert not any("think by default" in note for note in notes)  # the message says which mode; explain says why
    github = subprocess.run([ds_migrate_exe, "scan", "--output-format", "github", "examples"], cwd=REPO, capture_output=True, text=True)
    messages = [line.split("::", 2)[2] for line in github.stdout.splitlines()]
    assert messages and max(len(message) for message in messages) <= 320


# --- several reports from one run ---------------------------------------------


def test_one_run_writes_the_main_report_sarif_and_summary(tmp_path):
    tree = tmp_path / "src"
    tree.mkdir()
    coupled_tree(tree)
    (tree / "notes.md").write_text("We used deepseek-chat.\n")
    out, sarif, summary = tmp_path / "out.txt", tmp_path / "r.sarif", tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = invoke(
        "scan", "--output-format", "github", "--output-file", out,
        "--sarif-file", sarif, "--summary-file", summary, tree,
    )
    assert result.exit_code == 1 and result.stdout == ""
    annotations = out.read_text().splitlines()
    assert annotations and all(line.startswith(("::error ", "::warning ")) for line in annotations)
    document = json.loads(sarif.read_text())
    levels = [r["level"] for r in document["runs"][0]["results"]]
    assert "note" in levels  # SARIF keeps everything, info included
    assert any("fixes" in r for r in document["runs"][0]["results"])  # with the exact replacements
    text = summary.read_text()
    assert text.startswith("earlier step\n## ds-migrate")  # appended, as $GITHUB_STEP_SUMMARY expects
    assert "notes.md" in text  # the summary lists info findings too
    assert len(annotations) == len(levels) - levels.count("note")


def test_github_format_annotates_info_only_when_it_fails_the_run(tmp_path):
    (tmp_path / "app.py").write_text("# deepseek-chat was our model\n" + LEGACY)
    default = invoke("scan", "--output-format", "github", tmp_path).stdout
    assert "::notice" not in default and "::error" in default
    with_info = invoke("scan", "--output-format", "github", "--fail-on", "info", tmp_path).stdout
    assert "::notice" in with_info


def test_fix_writes_side_reports_of_what_remains(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + 'if m == "deepseek-reasoner":\n    pass\n')
    summary = tmp_path / "summary.md"
    result = invoke("fix", "--write", "--summary-file", summary, tmp_path / "app.py")
    assert result.exit_code == 1
    text = summary.read_text()
    assert "DSM105" in text and "DSM101" not in text


def test_stdin_scan_writes_side_reports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside this repository, whose other files would take part in the decision
    sarif = tmp_path / "r.sarif"
    result = CliRunner().invoke(main, ["scan", "-", "--stdin-filename", "app.py", "--sarif-file", str(sarif)], input=LEGACY)
    assert result.exit_code == 1
    assert json.loads(sarif.read_text())["runs"][0]["results"][0]["ruleId"] == "DSM101"


def test_subprocess_writes_all_three_reports(ds_migrate_exe, tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    out, sarif, summary = tmp_path / "out.json", tmp_path / "r.sarif", tmp_path / "s.md"
    completed = subprocess.run(
        [ds_migrate_exe, "scan", "--output-format", "json", "-o", str(out), "--sarif-file", str(sarif),
         "--summary-file", str(summary), str(tmp_path / "app.py")],
        capture_output=True, text=True,
    )
    assert completed.returncode == 1 and completed.stdout == ""
    assert json.loads(out.read_text())["summary"]["findings"] == 1
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert "| DSM101 | 1 |" in summary.read_text()


def test_fix_concise_lists_what_remains_one_line_each(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY + 'if m == "deepseek-reasoner":\n    pass\n')
    result = invoke("fix", "--write", "--output-format", "concise", tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert not any(line.startswith(("---", "+++", "@@")) for line in lines)  # no diff: the concise view
    remaining = [line for line in lines if ": DSM" in line]
    assert remaining and all(line.startswith(str(tmp_path / "app.py") + ":") for line in remaining)
    assert any(line.startswith("Fixed ") for line in lines)


@pytest.mark.parametrize("output_format", ["full", "concise"])
def test_the_preview_is_the_diff_the_counts_and_the_next_step(tmp_path, output_format):
    """As ruff's `check --diff`: the findings left and the plan are scan's."""
    coupled_tree(tmp_path)
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("fix", "--output-format", output_format, tmp_path)
    assert result.exit_code == 1
    # the findings left are scan's; concise lists only what the fix would change (it has no diff)
    listed = [line for line in result.output.splitlines() if ": DSM" in line]
    assert "DSM105" not in result.output
    assert listed == [] if output_format == "full" else all(" DSM101 " in line for line in listed) and listed
    assert "Migration plan" not in result.output and "The supported API model names" not in result.output
    assert "Would fix 1 finding in 1 file." in result.output
    # the request's own literal is contained: its rename does not hold the
    # default and the comparison back, which go together with --unsafe-fixes
    assert "2 remaining (2 need --unsafe-fixes): `ds-migrate scan` shows them and the migration plan." in result.output
    assert "Run `ds-migrate fix --write` to apply them." in result.output
    report = invoke("fix", "--diff", tmp_path).stderr
    assert report.splitlines() == [
        "Would fix 1 finding in 1 file.",
        "2 remaining (2 need --unsafe-fixes): `ds-migrate scan` shows them and the migration plan.",
        "Run `ds-migrate fix --write` to apply them.",
    ]


@pytest.mark.parametrize("flag", ["--output-file", "--sarif-file", "--summary-file"])
def test_a_report_file_in_a_new_folder_is_written_and_an_unwritable_one_exits_2(tmp_path, flag):
    (tmp_path / "app.py").write_text(LEGACY)
    target = tmp_path / "reports" / "deep" / "out.txt"
    result = invoke("scan", tmp_path, flag, str(target))
    assert result.exit_code == 1 and target.is_file()  # findings; the folders were made
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke("scan", tmp_path, flag, str(blocker / "out.txt"), "--exit-zero")
    assert result.exit_code == 2, result.output
    assert "cannot write the report file" in result.output and "Traceback" not in result.output


def test_the_plan_lists_the_choices_left_one_per_line(tmp_path):
    # a fresh reader found each entry's choices joined into one 600-character sentence
    from click.testing import CliRunner

    from ds_migrate.cli import main

    output = CliRunner().invoke(main, ["scan", "--isolated", str(REPO / "examples" / "billing")]).output
    plan = output.split("Migration plan", 1)[1]
    assert "  to decide, in order:\n    1. both retired ids become one V4 model" in plan
    assert (
        "\n       or keep the two ids apart, chosen before the first fix --write (what it renames gets "
        "'deepseek-v4-flash'): ds-migrate fix --write --mapping deepseek-reasoner=deepseek-v4-pro"
    ) in plan
    assert all(len(line) < 200 for line in plan.splitlines())


def test_the_plan_numbers_its_steps_and_puts_each_alternative_under_its_step():
    """A seventh fresh reader could not tell which of eight flat bullets came
    first, nor that "or keep the two ids apart" was another way to take the
    step above it. Both ids' entries in examples/billing share the merge and
    mapping step: the second names the first instead of printing it again."""
    from ds_migrate.report.plan import _decision_lines

    said: dict[tuple, int] = {}
    first = _decision_lines("merge the two; or keep them apart: --mapping a=b; rename the keys; then run fix again", 1, said)
    second = _decision_lines("merge the two; or keep them apart: --mapping a=b; set the mode at x.py:3; then run fix again", 2, said)
    assert first == ["  to decide, in order:", "    1. merge the two", "       or keep them apart: --mapping a=b",
                     "    2. rename the keys", "    3. then run fix again"]
    assert second == ["  to decide, in order:", "    1. as in #1: merge the two",
                      "    2. set the mode at x.py:3", "    3. then run fix again"]
    # a one-line step is said again: a pointer would be no shorter
    third = _decision_lines("rename the keys; set the mode at y.py:1", 3, said)
    assert third == ["  to decide, in order:", "    1. rename the keys", "    2. set the mode at y.py:1"]


def test_concise_and_github_say_the_severity_that_decides_the_gate(tmp_path):
    """A changelog mention is info: below the default --fail-on warning, so
    the line says so (a fresh reader saw 9 uniform lines and exit 1)."""
    (tmp_path / "CHANGELOG.md").write_text("- 1.0: moved to deepseek-reasoner\n")
    (tmp_path / "app.py").write_text(LEGACY)
    lines = invoke("scan", "-q", "--output-format", "concise", tmp_path).stdout.splitlines()
    assert any(": DSM108 [info] " in line for line in lines), lines
    assert any(": DSM101 [error] [*] " in line for line in lines), lines
    annotations = invoke("scan", "--output-format", "github", "--fail-on", "info", tmp_path).stdout
    assert "title=ds-migrate (DSM108 [info])::" in annotations and "title=ds-migrate (DSM101 [error])::" in annotations


def test_sarif_and_github_notes_name_the_id_not_a_plan_number(tmp_path):
    """Code scanning shows no plan, and plan numbers move as groups clear."""
    coupled_tree(tmp_path)
    for output_format in ("sarif", "github"):
        output = invoke("scan", "--output-format", output_format, tmp_path).stdout
        assert "plan #" not in output
        assert "held back with every use of 'deepseek-chat'" in output or "every use of 'deepseek-chat'" in output
    assert "(see plan #1)" in invoke("scan", tmp_path).stdout  # the full report has the plan


def test_a_test_held_by_its_own_line_is_not_told_its_reason_twice(tmp_path):
    """A parametrized test naming both ids is held by its own merge refusal:
    its note gives that reason once, with no blocker repeating it."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "backend.py").write_text('def make(model="deepseek-chat"):\n    return model\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_backend.py").write_text(
        'import pytest\n\nfrom backend import make\n\n\n'
        '@pytest.mark.parametrize("model", ["deepseek-chat", "deepseek-reasoner"])\n'
        'def test_keeps(model):\n    assert make(model) == model\n'
    )
    report = json.loads(invoke("scan", "--output-format", "json", "--isolated", tmp_path).stdout)
    notes = [f["note"] for f in report["findings"] if f["path"].endswith("test_backend.py")]
    assert notes == [
        "not renamed: 'deepseek-chat' and 'deepseek-reasoner' would both become 'deepseek-v4-flash'; "
        f"the test uses '{legacy_id}' where it cannot be renamed" for legacy_id in ("deepseek-chat", "deepseek-reasoner")
    ]


def test_a_fix_line_does_not_say_fix_twice():
    """ "fix (safe): fix renames the value" read twice (a fresh review)."""
    from click.testing import CliRunner

    from ds_migrate.cli import main

    output = CliRunner().invoke(main, ["scan", "--isolated", str(REPO / "examples")]).output
    assert "fix (safe): renames" in output
    assert "): fix " not in output
