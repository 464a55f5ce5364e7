"""Files people keep (issue 25): changelogs, data tables and JSON Lines are
info and never rewritten; gitignored files that name a retired id (a local
.env) are counted, and scanned with --include-ignored / include-ignored."""

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

NOTICE = "2 ignored files name a retired id: {env}, {prod} (see --include-ignored / the `include-ignored` setting)"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


KEPT = {
    "CHANGELOG.txt": ("## 1.2\n- switched to deepseek-chat\n", "DSM108"),
    "CHANGELOG.md": ("# Changes\n\n- 1.3: deepseek-reasoner for reviews\n", "DSM108"),
    "HISTORY.rst": ("1.0\n---\nUses deepseek-chat.\n", "DSM108"),
    "NEWS": ("deepseek-coder support\n", "DSM108"),
    "evals.csv": ("model,score\ndeepseek-chat,0.81\n", "DSM109"),
    "scores.tsv": ("deepseek-reasoner\t0.9\n", "DSM109"),
    "results.jsonl": ('{"model": "deepseek-chat", "score": 1}\n', "DSM111"),
    "runs.ndjson": ('{"model": "deepseek-reasoner"}\n', "DSM111"),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_kept_file_is_info_passes_the_default_gate_and_is_never_rewritten(tmp_path, name):
    text, code = KEPT[name]
    path = tmp_path / name
    path.write_text(text)
    result = invoke("scan", "--output-format", "json", tmp_path)
    document = json.loads(result.stdout)
    assert [(f["code"], f["severity"], f["fix"]) for f in document["findings"]] == [(code, "info", "none")]
    assert result.exit_code == 0  # --fail-on warning (the default) does not fail on history
    assert invoke("scan", "--fail-on", "info", tmp_path).exit_code == 1
    invoke("fix", "--write", "--unsafe-fixes", tmp_path)
    assert path.read_text() == text


def test_a_plain_text_file_of_another_kind_is_still_a_warning(tmp_path):
    (tmp_path / "notes.txt").write_text("model: deepseek-chat\n")
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    assert [(f["code"], f["severity"]) for f in document["findings"]] == [("DSM109", "warning")]


def test_changelog_that_already_moved_is_compat_code(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text("- Moved from deepseek-chat to deepseek-v4-flash.\n")
    document = json.loads(invoke("scan", "--output-format", "json", tmp_path).stdout)
    assert [f["code"] for f in document["findings"]] == ["DSM113"]


def test_kept_files_do_not_hold_back_the_code(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text("- 1.2: deepseek-chat\n")
    (tmp_path / "evals.csv").write_text("deepseek-chat,0.8\n")
    (tmp_path / "app.py").write_text('client.chat.completions.create(model="deepseek-chat", messages=m)\n')
    assert invoke("fix", "--write", tmp_path).exit_code == 0
    assert "deepseek-v4-flash" in (tmp_path / "app.py").read_text()


# --- gitignored files ---------------------------------------------------------


def _repository(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text(".env\nsecrets/\n")
    (tmp_path / ".env").write_text("DEEPSEEK_MODEL=deepseek-chat\n")
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "prod.yaml").write_text("model: deepseek-reasoner\n")
    (tmp_path / "secrets" / "url.env").write_text("DEEPSEEK_BASE_URL=https://api.deepseek.com\n")  # no retired id
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "lib.py").write_text('X = "deepseek-chat"\n')  # excluded by default, not just ignored
    (tmp_path / "app.py").write_text('MODEL = "deepseek-v4-flash"\n')
    return tmp_path


@pytest.mark.parametrize("search", ["native", "ripgrep", "none"])
def test_ignored_files_naming_a_retired_id_are_counted(tmp_path, monkeypatch, search):
    monkeypatch.setenv("DS_MIGRATE_NO_NATIVE", "1" if search != "native" else "")
    monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1" if search == "none" else "")
    tree = _repository(tmp_path)
    result = invoke("scan", "--output-format", "json", tree)
    assert result.exit_code == 0
    assert "warning: " + NOTICE.format(env=tree / ".env", prod=tree / "secrets" / "prod.yaml") in result.stderr
    document = json.loads(result.stdout)
    assert document["findings"] == [] and document["summary"]["ignored_naming_retired"] == 2


@pytest.mark.parametrize("search", ["native", "none"])
def test_only_ignored_files_with_selected_findings_are_counted(tmp_path, monkeypatch, search):
    monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1" if search == "none" else "")
    tree = _repository(tmp_path)
    (tree / ".gitignore").write_text(".env\nsecrets/\nnotes.md\n")
    (tree / "notes.md").write_text("We used deepseek-chat.\n")  # DSM108 only
    result = invoke("scan", "--select", "DSM108", "--output-format", "json", tree)
    assert f"1 ignored file names a retired id: {tree / 'notes.md'} (see" in result.stderr
    assert json.loads(result.stdout)["summary"]["ignored_naming_retired"] == 1
    result = invoke("scan", "--select", "DSM101", tree)
    assert "ignored file" not in result.stderr


def test_a_long_list_of_ignored_files_is_cut_after_three(tmp_path):
    tree = _repository(tmp_path)
    for n in range(4):
        (tree / "secrets" / f"extra{n}.yaml").write_text("model: deepseek-chat\n")
    result = invoke("scan", tree)
    line = next(line for line in result.stderr.splitlines() if "ignored files" in line)
    assert line.startswith("warning: 6 ignored files name a retired id: ")
    assert line.count(str(tree)) == 3 and " and 3 more (see --include-ignored" in line


@pytest.mark.parametrize("search", ["native", "none"])
def test_include_ignored_scans_them(tmp_path, monkeypatch, search):
    monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1" if search == "none" else "")
    tree = _repository(tmp_path)
    result = invoke("scan", "--include-ignored", "--output-format", "json", tree)
    assert result.exit_code == 1
    found = sorted((f["path"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(result.stdout)["findings"])
    assert found == [(".env", "DSM103"), ("prod.yaml", "DSM103")]
    assert "ignored files name" not in result.stderr


def test_include_ignored_from_the_config(tmp_path):
    tree = _repository(tmp_path)
    (tree / "ds-migrate.toml").write_text("include-ignored = true\n")
    assert invoke("scan", tree).exit_code == 1
    assert invoke("scan", "--no-include-ignored", tree).exit_code == 0


def test_no_notice_outside_git_without_a_gitignore(tmp_path):
    (tmp_path / ".env").write_text("DEEPSEEK_MODEL=deepseek-chat\n")
    result = invoke("scan", tmp_path)
    assert "ignored files" not in result.stderr and result.exit_code == 1  # .env is scanned: nothing ignores it


def test_no_notice_with_no_respect_gitignore(tmp_path):
    tree = _repository(tmp_path)
    result = invoke("scan", "--no-respect-gitignore", tree)
    assert "ignored files" not in result.stderr and result.exit_code == 1


def test_fix_write_include_ignored_fixes_the_local_env(tmp_path):
    tree = _repository(tmp_path)
    invoke("fix", "--write", "--include-ignored", tree)
    assert (tree / ".env").read_text() == "DEEPSEEK_MODEL=deepseek-v4-flash\n"
    assert (tree / ".venv" / "lib.py").read_text() == 'X = "deepseek-chat"\n'


def test_subprocess_prints_the_notice(ds_migrate_exe, tmp_path):
    tree = _repository(tmp_path)
    completed = subprocess.run([ds_migrate_exe, "scan", "."], capture_output=True, text=True, cwd=tree)
    assert completed.returncode == 0
    # relative to where it ran, as every path the report names
    assert NOTICE.format(env=".env", prod="secrets/prod.yaml") in completed.stderr
