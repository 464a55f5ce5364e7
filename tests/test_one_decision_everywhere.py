"""One decision everywhere (issue 24, item 4): scan's fixable counts, fix,
standard input and pre-commit give the same answer, and the safe tier then
the unsafe one ends where the unsafe tier alone does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from projects import fix_tree, read_tree, write_tree

REPO = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (REPO / "tests" / "realworld").iterdir() if p.is_dir() and p.name[:2].isdigit())

SETTINGS = 'MODEL = "deepseek-chat"\n'
ROUTER = 'from settings import MODEL\n\n\ndef route(model=MODEL):\n    if model == "deepseek-chat":\n        return 1\n'


def _git_project(root: Path, files: dict[str, str]) -> Path:
    write_tree(root, files)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _stdin_fix(root: Path, name: str, monkeypatch) -> str:
    monkeypatch.chdir(root)
    text = (root / name).read_text()
    result = CliRunner().invoke(main, ["fix", "--isolated", "-", "--stdin-filename", name], input=text)
    return result.stdout


def test_stdin_withholds_what_fix_file_withholds(tmp_path, monkeypatch):
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": ROUTER})
    assert _stdin_fix(root, "settings.py", monkeypatch) == SETTINGS  # the router compares it
    assert fix_tree(root) == {}


def test_stdin_applies_what_fix_file_applies(tmp_path, monkeypatch):
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": ROUTER.replace("from settings import MODEL\n\n\n", "MODEL = 'x'\n")})
    assert _stdin_fix(root, "settings.py", monkeypatch) == SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")


def test_pre_commit_hooks_decide_in_one_process():
    text = (REPO / ".pre-commit-hooks.yaml").read_text()
    assert text.count("require_serial: true") == 2 and "require_serial: false" not in text


def _report(*args: str) -> dict:
    """A run over the current folder, one process, as JSON."""
    result = CliRunner().invoke(main, [*args, "--isolated", "--jobs", "1", "--format", "json", "."], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _at(finding: dict) -> tuple:
    return finding["path"], finding["line"], finding["column"], finding["code"]


def _fixed_by(before: set[tuple], *flags: str) -> set[tuple]:
    """The findings a dry run of fix applies: of ``before`` (scan's), the ones it no longer reports."""
    document = _report("fix", *flags)
    left = {_at(f) for f in document["findings"]}
    assert left <= before, f"fix reports what scan did not: {sorted(left - before)}"
    fixed = before - left
    assert document["summary"]["would_fix"] == len(fixed)
    return fixed


PROJECTS = [pytest.param(case / "before", id=case.name) for case in CASES] + [
    pytest.param(REPO / "examples", id="examples")
]


@pytest.mark.parametrize("source", PROJECTS)
def test_scan_offers_in_each_tier_what_fix_applies_and_safe_then_unsafe_is_unsafe(source, tmp_path, monkeypatch):
    alone = tmp_path / "alone"
    shutil.copytree(source, alone)
    monkeypatch.chdir(alone)
    scanned = _report("scan")["findings"]
    safe = {_at(f) for f in scanned if f["fix"] == "safe"}
    unsafe = {_at(f) for f in scanned if f["fix"] == "unsafe"}
    everything = {_at(f) for f in scanned}
    assert _fixed_by(everything) == safe
    assert _fixed_by(everything, "--unsafe-fixes") == safe | unsafe
    held = [f for f in scanned if f["fix"] == "none" and f["plan_entry"] is not None]
    assert all(not f["edits"] for f in held)
    monkeypatch.chdir(tmp_path)
    fix_tree(alone, "--unsafe-fixes", "--jobs", "1")
    stepped = tmp_path / "stepped"
    shutil.copytree(source, stepped)
    changed = fix_tree(stepped, "--jobs", "1")
    assert set(changed) == {path for path, *_ in safe}
    fix_tree(stepped, "--unsafe-fixes", "--jobs", "1")
    assert read_tree(stepped) == read_tree(alone)

# The fresh reader's project: a settings default reaching an `if model ==
# "deepseek-reasoner"` branch, whose request file the model flow analyses again.
READER = {
    "app/__init__.py": "",
    "app/settings.py": 'import os\n\nDEFAULT_MODEL = os.environ.get("LLM_MODEL", "deepseek-chat")\n',
    "app/client.py": (
        "from openai import OpenAI\n\nfrom app.settings import DEFAULT_MODEL\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com", api_key="x")\n\n\n'
        "def ask(prompt, model=DEFAULT_MODEL):\n    kwargs = {}\n"
        '    if model == "deepseek-reasoner":\n        kwargs["max_tokens"] = 4000\n'
        '    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}], **kwargs)\n'
    ),
    "app/summarize.py": (
        "from openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com", api_key="x")\n\n\n'
        "def summarize(text):\n"
        '    return client.chat.completions.create(model="deepseek-reasoner", temperature=0.3, messages=[{"role": "user", "content": text}])\n'
    ),
    "tests/test_settings.py": 'from app.settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == "deepseek-chat"\n',
    "config.yaml": "llm:\n  model: deepseek-chat\n",
    "web/client.ts": (
        'import OpenAI from "openai";\n\nconst client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: "x" });\n\n'
        "export async function ask(prompt: string) {\n"
        '  return client.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "user", content: prompt }] });\n}\n'
    ),
}


def _cli(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--isolated", "--jobs", "1", "."], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_a_held_back_comparison_is_offered_in_no_tier_in_any_format(tmp_path, monkeypatch):
    root = _git_project(tmp_path, READER)
    monkeypatch.chdir(root)
    document = json.loads(_cli(root, "scan", "--format", "json"))
    branch = next(f for f in document["findings"] if f["path"] == "app/client.py" and f["code"] == "DSM105")
    assert (branch["fix"], branch["edits"], branch["plan_entry"]) == ("none", [], 1)
    assert "see plan #1" in branch["note"]
    assert document["summary"]["fixable"] == {"safe": 5, "unsafe": 0}
    sarif = json.loads(_cli(root, "scan", "--format", "sarif"))
    held = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "DSM105"
            and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 10]
    assert len(held) == 1 and "fixes" not in held[0] and held[0]["properties"]["fix"] == "none"
    for args in (("scan",), ("scan", "--output-format", "concise"), ("scan", "--format", "markdown"), ("scan", "--statistics")):
        out = _cli(root, *args)
        assert "more with `--unsafe-fixes`" not in out, args
    assert "fix (unsafe)" not in _cli(root, "scan")
    assert "see plan #1" in _cli(root, "scan")
    statistics = next(line for line in _cli(root, "scan", "--statistics").splitlines() if line.startswith("DSM105"))
    assert statistics.split()[-2:] == ["1", "0"]  # the test's assertion is fixable; the branch in no tier
    github = next(line for line in _cli(root, "scan", "--format", "github").splitlines() if "line=10," in line)
    # no plan in an annotation (and its numbers move): the group is named by its id
    assert "see plan #" not in github and "held back with every use of 'deepseek-reasoner'" in github
    # after the safe tier, nothing is left to offer: no loop through --unsafe-fixes
    fix_tree(root, "--jobs", "1")
    again = json.loads(_cli(root, "scan", "--format", "json"))
    assert again["summary"]["fixable"] == {"safe": 0, "unsafe": 0}
    assert fix_tree(root, "--unsafe-fixes", "--jobs", "1") == {}


# Issue 24, item 4: ignored or unselected findings block nothing unless they
# are selectors a value reaches, and the plan lists only what the run reports.
SUPPRESSED_BRANCH = {
    "settings.py": SETTINGS,
    "router.py": ROUTER.replace('"deepseek-chat":', '"deepseek-chat":  # ds-migrate: ignore[DSM105]'),
}


def test_a_group_the_run_does_not_report_is_no_plan_entry(tmp_path, monkeypatch):
    root = _git_project(tmp_path, READER)
    monkeypatch.chdir(root)
    assert json.loads(_cli(root, "scan", "--select", "DSM204", "--format", "json"))["plan"] == []
    assert "left for a person" not in _cli(root, "scan", "--select", "DSM204")
    client = (root / "app/client.py").read_text()
    (root / "app/client.py").write_text(client.replace('"deepseek-reasoner":', '"deepseek-reasoner":  # ds-migrate: ignore[DSM105]'))
    document = json.loads(_cli(root, "scan", "--format", "json"))
    assert document["plan"] == [] and all(f["plan_entry"] is None for f in document["findings"])
    assert "Migration plan" not in _cli(root, "scan", "--format", "markdown")


def test_a_suppressed_selector_holds_what_reaches_it_and_the_plan_says_how_to_go_on(tmp_path, monkeypatch):
    root = _git_project(tmp_path, SUPPRESSED_BRANCH)
    monkeypatch.chdir(root)
    document = json.loads(_cli(root, "scan", "--format", "json"))
    (value,) = document["findings"]
    assert (value["path"], value["fix"], value["plan_entry"]) == ("settings.py", "none", 1)
    (entry,) = document["plan"]
    assert entry["why"] == ["router.py:5 is suppressed (DSM105)"]
    assert entry["decision"].startswith("router.py:5 is suppressed: no tier renames it") and "drop the suppression" in entry["decision"]
    assert fix_tree(root, "--unsafe-fixes", "--jobs", "1") == {}


def test_an_unselected_selector_is_said_to_be_not_selected(tmp_path, monkeypatch):
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": ROUTER})
    monkeypatch.chdir(root)
    for flags in (("--select", "DSM103"), ("--ignore", "DSM105")):
        (entry,) = json.loads(_cli(root, "scan", "--format", "json", *flags))["plan"]
        assert entry["why"] == ["router.py:5 is not selected (DSM105)"], flags
        assert "select DSM105 too" in entry["decision"], flags


def test_a_suppressed_comment_holds_nothing_back(tmp_path, monkeypatch):
    router = ROUTER.replace("    if", "    # deepseek-chat answers tersely  # ds-migrate: ignore\n    if")
    root = _git_project(tmp_path, {"settings.py": SETTINGS, "router.py": router})
    monkeypatch.chdir(root)
    (entry,) = json.loads(_cli(root, "scan", "--format", "json"))["plan"]
    assert entry["renamed_with_unsafe_fixes"] and entry["why"] == ["'deepseek-chat' is used as a comparison"]
    changed = fix_tree(root, "--unsafe-fixes", "--jobs", "1")
    assert changed == {
        "settings.py": SETTINGS.replace("deepseek-chat", "deepseek-v4-flash"),
        "router.py": router.replace('== "deepseek-chat"', '== "deepseek-v4-flash"'),
    }
