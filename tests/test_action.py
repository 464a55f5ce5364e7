"""The GitHub Action: valid YAML, and its scan step behaves as documented
when run the way a runner runs it (bash, env from inputs, GITHUB_OUTPUT)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())


def _step(name: str) -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("name") == name)


def test_every_input_used_is_declared():
    text = (REPO / "action.yml").read_text()
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used <= set(ACTION["inputs"]), used - set(ACTION["inputs"])
    assert ACTION["runs"]["using"] == "composite"


def _run_scan_step(tmp_path: Path, inputs: dict) -> tuple[int, Path, Path]:
    step = _step("Scan")
    env = dict(os.environ)
    for key, value in step["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", value).group(1)
        env[key] = inputs.get(name, ACTION["inputs"][name].get("default", ""))
    output, summary = tmp_path / "output", tmp_path / "summary"
    env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    return done.returncode, output, summary


def test_scan_step_annotates_fails_and_reports(tmp_path):
    assert shutil.which("ds-migrate", path=str(Path(sys.executable).parent))
    (tmp_path / "app.py").write_text('client.chat.completions.create(model="deepseek-chat", messages=m)\n')
    code, output, summary = _run_scan_step(tmp_path, {"upload-sarif": "true"})
    assert code == 1
    assert output.read_text().strip() == "exit-code=1"
    assert "DSM101" in summary.read_text()
    assert (tmp_path / "ds-migrate.sarif").exists()


def test_scan_step_passes_on_a_clean_tree(tmp_path):
    (tmp_path / "app.py").write_text('MODEL = "deepseek-v4-flash"\n')
    code, output, _ = _run_scan_step(tmp_path, {"args": "--select DSM1"})
    assert code == 0
    assert output.read_text().strip() == "exit-code=0"


def test_workflows_and_hooks_are_valid_yaml():
    files = [*sorted((REPO / ".github" / "workflows").glob("*.yml")), REPO / ".pre-commit-hooks.yaml"]
    assert len(files) >= 3
    for path in files:
        assert yaml.safe_load(path.read_text()), path
