"""CI runs what .ci/run runs, and .ci/run runs what the README tells a developer to run."""

from __future__ import annotations

import re
import shlex
import sys

import yaml

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

WORKFLOWS = {path.name: yaml.safe_load(path.read_text()) for path in (REPO / ".github" / "workflows").glob("*.yml")}
CI_RUN = (REPO / ".ci" / "run").read_text()


def _commands(text: str) -> list[list[str]]:
    """Each shell command, split into words, --quiet / --silent dropped (CI runs quietly)."""
    found = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        for part in filter(None, (p.strip() for p in line.split("&&"))):
            if not part.startswith("#"):
                found.append([word for word in shlex.split(part) if word not in ("--quiet", "--silent")])
    return found


def _triggers(workflow: dict) -> dict:
    return workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads a bare `on` as true


def test_ci_workflow_runs_ci_run_on_every_declared_python():
    ci = WORKFLOWS["ci.yml"]
    assert set(_triggers(ci)) >= {"push", "pull_request"}
    (job,) = ci["jobs"].values()
    assert [step["run"] for step in job["steps"] if "run" in step] == ["bash .ci/run"]
    versions = job["strategy"]["matrix"]["python-version"]
    minimum = re.fullmatch(r">=(\d+\.\d+)", tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]).group(1)
    assert versions[0] == minimum
    minors = [int(v.split(".")[1]) for v in versions]
    assert minors == list(range(minors[0], minors[0] + len(minors))), "no version between the oldest and newest is skipped"


def test_ci_run_runs_the_readmes_two_setup_commands():
    readme = (REPO / "README.md").read_text()
    develop = readme[readme.index("## Develop"):]
    blocks = re.findall(r"```\n(.*?)```", develop, re.S)
    ci = _commands(CI_RUN)
    for block in blocks[:2]:
        for command in _commands(block):
            assert command in ci, f"README's {shlex.join(command)!r} is not in .ci/run"
    assert 'if [ "$status" -ne 1 ]; then' in CI_RUN  # the examples scan must find something


def test_every_workflow_that_tests_goes_through_ci_run():
    """A workflow that runs pytest itself would drift from .ci/run."""
    for name, workflow in WORKFLOWS.items():
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                assert "pytest" not in step.get("run", ""), f"{name} runs pytest apart from .ci/run"


def test_the_release_workflow_runs_on_tags_and_ci_on_branches():
    assert _triggers(WORKFLOWS["release.yml"]) == {"push": {"tags": ["v*"]}}
    assert not _triggers(WORKFLOWS["ci.yml"])["push"], "CI runs on every push, the release tag's included"
