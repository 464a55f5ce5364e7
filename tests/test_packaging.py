"""What a release publishes: the sdist and wheel `python -m build` makes, as
.github/workflows/release.yml builds them, and that workflow itself."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
VERSION = PROJECT["version"]
RELEASE = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text())


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """sdist, then the wheel built from that sdist (python -m build's default)."""
    pytest.importorskip("build", reason="pip install -e '.[dev]' brings build")
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def package_files() -> set[str]:
    """The package's files as git knows them (no caches, nothing untracked)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "src/ds_migrate"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    return {name.removeprefix("src/") for name in listed if name and (REPO / name).is_file()}


@pytest.mark.slow
def test_wheel_holds_the_package_the_entry_point_and_the_metadata(dist):
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"ds_migrate-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"ds_migrate-{VERSION}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = email.message_from_bytes(archive.read(f"{info}/METADATA"))
    missing = package_files() - names
    assert not missing, f"files of the package left out of the wheel: {sorted(missing)[:10]}"
    assert not [name for name in names if name.startswith(("tests/", "examples/", "bench/"))]
    assert "[console_scripts]\nds-migrate = ds_migrate.cli:main\n" in entry_points
    assert metadata["Name"] == "ds-migrate" and metadata["Version"] == VERSION
    assert metadata["Requires-Python"] == PROJECT["requires-python"]
    assert metadata["Description-Content-Type"].startswith("text/markdown")
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_payload().startswith((REPO / "README.md").read_text()[:200])  # the README is the PyPI page
    requires = metadata.get_all("Requires-Dist")
    assert any(r.startswith("libcst") for r in requires) and any(r.startswith("tree-sitter") for r in requires)


@pytest.mark.slow
def test_sdist_holds_what_a_rebuild_needs(dist):
    (sdist,) = dist.glob("*.tar.gz")
    assert sdist.name == f"ds_migrate-{VERSION}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in ("pyproject.toml", "README.md", "LICENSE", "src/ds_migrate/__init__.py", "src/ds_migrate/cli/commands.py"):
        assert needed in names, needed
    assert {f"src/{name}" for name in package_files()} <= names


@pytest.mark.slow
def test_the_wheel_runs_through_its_entry_point(dist, tmp_path):
    (wheel,) = dist.glob("*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    (tmp_path / "app.py").write_text('client.chat.completions.create(model="deepseek-chat", messages=m)\n')
    # the dependencies come from this environment; ds_migrate only from the wheel
    env = {**os.environ, "PYTHONPATH": str(target)}
    script = target / "bin" / "ds-migrate"
    version = subprocess.run([sys.executable, str(script), "--version"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert VERSION in version.stdout, version.stdout + version.stderr
    scan = subprocess.run([sys.executable, str(script), "scan", "--format", "json", "app.py"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert scan.returncode == 1 and '"DSM101"' in scan.stdout, scan.stdout + scan.stderr
    where = subprocess.run([sys.executable, "-c", "import ds_migrate; print(ds_migrate.__file__)"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert where.stdout.startswith(str(target)), where.stdout


# -- the release workflow ---------------------------------------------------------------------


def steps(job: str) -> list[dict]:
    return RELEASE["jobs"][job]["steps"]


def runs(job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_release_runs_on_a_pushed_version_tag_only():
    on = RELEASE[True] if True in RELEASE else RELEASE["on"]  # YAML 1.1 reads a bare `on` as true
    assert set(on) == {"push"}
    assert on["push"] == {"tags": ["v*"]}


def test_release_checks_the_tag_then_builds_and_checks_both_distributions():
    build = runs("build")
    assert 'if [ "$GITHUB_REF_NAME" != "v$version" ]; then' in build  # the tag is pyproject's version
    assert 'grep -q "^## \\[$version\\] - ' in build  # and the CHANGELOG has its section
    assert "python -m build" in build
    assert "twine check --strict dist/*" in build
    assert any("actions/upload-artifact" in step.get("uses", "") for step in steps("build"))


def test_release_publishes_with_trusted_publishing_and_attaches_to_a_github_release():
    publish = RELEASE["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}  # OIDC, no token stored
    assert publish["environment"]["name"] == "pypi"
    assert any(step.get("uses", "").startswith("pypa/gh-action-pypi-publish@") for step in publish["steps"])
    assert not any("password" in (step.get("with") or {}) for step in publish["steps"])
    release = RELEASE["jobs"]["github-release"]
    assert release["permissions"] == {"contents": "write"}
    assert 'gh release create "$GITHUB_REF_NAME" dist/*' in runs("github-release")
    assert "--notes-file release-notes.md" in runs("github-release")
