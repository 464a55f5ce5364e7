"""The GitHub Action: valid YAML, and its scripts behave as documented when
run the way a runner runs them (bash, env from inputs, GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY files)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
BIN = Path(sys.executable).parent
LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def _step(name: str) -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("name") == name)


def test_every_input_used_is_declared():
    text = (REPO / "action.yml").read_text()
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used <= set(ACTION["inputs"]), used - set(ACTION["inputs"])
    assert ACTION["runs"]["using"] == "composite"


def _env(step: dict, inputs: dict, tmp_path: Path, ds_migrate: str) -> dict:
    """The step's environment as the runner would give it."""
    env = dict(os.environ)
    for key, value in step["env"].items():
        expression = re.fullmatch(r"\$\{\{ (.+) \}\}", value).group(1)
        if expression.startswith("inputs."):
            name = expression[len("inputs."):]
            env[key] = inputs.get(name, ACTION["inputs"][name].get("default", ""))
        elif expression == "github.action_path":
            env[key] = str(REPO)
        elif expression == "steps.install.outputs.ds-migrate":
            env[key] = ds_migrate
        else:
            raise AssertionError(f"unexpected expression {expression}")
    output, summary = tmp_path / "output", tmp_path / "summary"
    env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(tmp_path / "runner-temp"))
    return env


def _outputs(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines()) if path.exists() else {}


def _run_scan_step(tree: Path, inputs: dict, ds_migrate: str | None = None):
    step = _step("Scan")
    env = _env(step, inputs, tree.parent, ds_migrate or str(BIN / "ds-migrate"))
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tree, env=env, capture_output=True, text=True)
    return done, _outputs(tree.parent / "output"), tree.parent / "summary"


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    return root


def test_scan_step_annotates_fails_and_reports(tree):
    assert shutil.which("ds-migrate", path=str(BIN))
    (tree / "app.py").write_text(LEGACY)
    (tree / "CHANGELOG.md").write_text("- 1.0: deepseek-reasoner\n")  # info: in the summary, not annotated
    done, outputs, summary = _run_scan_step(tree, {"upload-sarif": "true"})
    assert done.returncode == 1, done.stderr
    sarif_file = tree.parent / "runner-temp" / "ds-migrate.sarif"
    assert outputs == {"exit-code": "1", "sarif-file": str(sarif_file)}
    assert not (tree / "ds-migrate.sarif").exists()  # the checkout stays clean
    annotations = done.stdout.splitlines()
    assert any(line.startswith("::error ") and "DSM101" in line for line in annotations)
    assert not any(line.startswith("::notice") for line in annotations)
    text = summary.read_text()
    assert "DSM101" in text and "CHANGELOG.md" in text and "DSM108" in text
    sarif = json.loads(sarif_file.read_text())
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == ["DSM101", "DSM108"]


def test_scan_step_runs_ds_migrate_once(tree, tmp_path):
    (tree / "app.py").write_text(LEGACY)
    log = tmp_path / "calls"
    wrapper = tmp_path / "ds-migrate-wrapper"
    wrapper.write_text(f'#!/usr/bin/env bash\necho "$@" >> "{log}"\nexec "{BIN / "ds-migrate"}" "$@"\n')
    wrapper.chmod(0o755)
    done, outputs, summary = _run_scan_step(tree, {"upload-sarif": "true"}, ds_migrate=str(wrapper))
    assert done.returncode == 1
    (call,) = log.read_text().splitlines()
    assert "--sarif-file" in call and "--summary-file" in call
    assert (tree.parent / "runner-temp" / "ds-migrate.sarif").exists() and "DSM101" in summary.read_text()


@pytest.mark.parametrize("args", ["--extend-exclude 'tests/*'", '--extend-exclude "tests/*"', "--extend-exclude tests/*"])
def test_scan_step_splits_args_as_a_shell_does_and_never_expands_a_glob(tree, args):
    """``args: --extend-exclude "tests/*"`` excludes the tests, as typed in a
    terminal: bash expanded the bare glob into extra paths to scan, and
    passed quotes on literally (a fifth fresh reader)."""
    (tree / "app.py").write_text(LEGACY)
    (tree / "tests").mkdir()
    (tree / "tests" / "test_app.py").write_text(LEGACY)
    (tree / "tests" / "more.py").write_text(LEGACY)
    done, outputs, summary = _run_scan_step(tree, {"args": args, "format": "concise"})
    assert done.returncode == 1, done.stderr
    assert [line.split(":")[0] for line in done.stdout.splitlines() if "DSM101" in line] == ["app.py"]


def test_scan_step_passes_on_a_clean_tree_and_writes_no_sarif(tree):
    (tree / "app.py").write_text('MODEL = "deepseek-v4-flash"\n')
    done, outputs, summary = _run_scan_step(tree, {"args": "--select DSM1"})
    assert done.returncode == 0, done.stderr
    assert outputs == {"exit-code": "0"}
    assert not (tree / "ds-migrate.sarif").exists()
    assert "No retired model names" in summary.read_text()


def test_no_sarif_output_when_the_scan_could_not_run(tree):
    (tree / "app.py").write_text(LEGACY)
    left = tree.parent / "runner-temp" / "ds-migrate.sarif"
    left.parent.mkdir(parents=True, exist_ok=True)
    left.write_text("{}")  # left over from an earlier run
    done, outputs, _ = _run_scan_step(tree, {"upload-sarif": "true", "args": "--select DSM999"})
    assert done.returncode == 2
    assert outputs == {"exit-code": "2"}  # no sarif-file: the upload step is skipped
    assert not left.exists()


def test_upload_runs_only_for_a_sarif_file_the_scan_wrote():
    condition = _step("Upload SARIF")["if"]
    assert "steps.scan.outputs.sarif-file != ''" in condition
    assert "always()" not in condition
    assert _step("Upload SARIF")["with"]["sarif_file"] == "${{ steps.scan.outputs.sarif-file }}"


def test_the_job_python_is_not_touched():
    uses = [step.get("uses", "") for step in ACTION["runs"]["steps"]]
    assert not any(u.startswith("actions/setup-python") for u in uses)
    scripts = (REPO / "action" / "install.sh").read_text() + (REPO / "action" / "scan.sh").read_text()
    assert not re.search(r'>>\s*"?\$\{?GITHUB_(PATH|ENV)', scripts)  # nothing for later steps


def test_install_refuses_an_old_python(tmp_path):
    old = tmp_path / "python-old"
    old.write_text('#!/usr/bin/env bash\nif [ "$1" = "-V" ]; then echo "Python 3.8.10"; fi\nexit 1\n')
    old.chmod(0o755)
    step = _step("Install ds-migrate")
    env = _env(step, {"python": str(old)}, tmp_path, "")
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "::error title=ds-migrate::ds-migrate needs Python 3.10 or newer" in done.stdout
    assert "Python 3.8.10" in done.stdout


@pytest.mark.slow  # a real venv and pip install (.ci/run: pytest -m slow)
def test_install_puts_ds_migrate_in_its_own_venv_and_leaves_the_job_python_alone(tmp_path):
    """A real install (about a minute): the job's Python keeps its packages."""
    freeze = [sys.executable, "-m", "pip", "freeze", "--all"]
    before = subprocess.run(freeze, capture_output=True, text=True).stdout
    step = _step("Install ds-migrate")
    env = _env(step, {"python": sys.executable}, tmp_path, "")
    # the action's checkout, copied: building it writes build/ beside its sources
    checkout = tmp_path / "action"
    checkout.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "action"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, checkout / name)
    shutil.copytree(REPO / "src", checkout / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    env["ACTION_PATH"] = str(checkout)
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    exe = _outputs(tmp_path / "output")["ds-migrate"]
    assert exe.startswith(str(tmp_path / "runner-temp" / "ds-migrate-venv"))
    assert subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.startswith("ds-migrate")
    assert subprocess.run(freeze, capture_output=True, text=True).stdout == before


def test_workflows_and_hooks_are_valid_yaml():
    files = [*sorted((REPO / ".github" / "workflows").glob("*.yml")), REPO / ".pre-commit-hooks.yaml"]
    assert len(files) >= 3
    for path in files:
        assert yaml.safe_load(path.read_text()), path


def test_a_workflow_runs_the_action_on_the_examples():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "examples.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    (action,) = [step for step in steps if step.get("uses") == "./"]
    assert action["with"]["paths"] == "examples/"
    checks = " ".join(step.get("run", "") for step in steps)
    assert 'test "${{ steps.ds.outputs.exit-code }}" = "1"' in checks
    assert "pip freeze" in checks and "command -v ds-migrate" in checks


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_scripts_pass_shellcheck():
    done = subprocess.run(["shellcheck", REPO / "action" / "install.sh", REPO / "action" / "scan.sh"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_a_missing_path_fails_the_step_and_uploads_nothing(tree):
    (tree / "app.py").write_text(LEGACY)
    done, outputs, summary = _run_scan_step(tree, {"upload-sarif": "true", "paths": "nonexistent_dir"})
    assert done.returncode == 2
    assert "nonexistent_dir: no such file or folder" in done.stderr
    # an empty "successful" SARIF would close every open code-scanning alert
    assert outputs == {"exit-code": "2"}
    assert not (tree / "ds-migrate.sarif").exists() and not (tree.parent / "runner-temp" / "ds-migrate.sarif").exists()
    text = summary.read_text()
    assert "scan failed" in text and "nonexistent_dir" in text


def test_paths_one_per_line_may_hold_spaces(tree):
    """A fourth fresh reader: the paths input was split on spaces, so a
    folder named "my app" could not be given. One path per line keeps them."""
    (tree / "my app").mkdir()
    (tree / "my app" / "a.py").write_text(LEGACY)
    (tree / "other").mkdir()
    (tree / "other" / "b.py").write_text(LEGACY)
    done, outputs, _ = _run_scan_step(tree, {"paths": "my app\nother\n"})
    assert done.returncode == 1, done.stderr
    assert "my app/a.py" in done.stdout and "other/b.py" in done.stdout
    done, _, _ = _run_scan_step(tree, {"paths": "other"})  # words, as before
    assert done.returncode == 1 and "other/b.py" in done.stdout and "a.py" not in done.stdout
