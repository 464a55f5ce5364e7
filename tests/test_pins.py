"""Pins near a file: version ranges and every pin file we read.

Each project is a temporary folder with a ``.git`` marker (the search for
pins stops at the repository root), pin files, and ``app.py``. The thinking
form each pin chooses is tested with its context (tests/contexts/test_litellm.py,
test_agno.py, test_anthropic_sdk.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ds_migrate.deepseek.pins import pin_for, range_of
from projects import project


# -- version ranges


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("==1.77.7", ((1, 77, 7), (1, 77, 7), True)),
        ("1.77.7", ((1, 77, 7), (1, 77, 7), True)),
        (">=2.7,<3", ((2, 7), (3,), False)),
        (">= 2.7, < 3", ((2, 7), (3,), False)),
        ("~=1.8.0", ((1, 8, 0), (1, 9), False)),
        ("^6.0.1", ((6, 0, 1), (7,), False)),
        ("^0.4.1", ((0, 4, 1), (0, 5), False)),
        ("~1.2.3", ((1, 2, 3), (1, 3), False)),
        ("1.2.*", ((1, 2), (1, 3), False)),
        ("<2", (None, (2,), False)),
        ("*", (None, None, False)),
        ("", (None, None, False)),
        (">=1.0 <2.0", ((1, 0), (2, 0), False)),
        ("^1.0 || ^2.0", (None, None, False)),
    ],
)
def test_range_of(spec, expected):
    assert range_of(spec) == expected


# -- each pin file


def _exact(tmp_path: Path, files: dict[str, str], package: str):
    pin = pin_for(project(tmp_path, files), package)
    return None if pin is None else (pin.exact, pin.source)


def test_requirements_with_extras_markers_and_comments(tmp_path):
    text = "# app\n-r base.txt\nlitellm[proxy]==1.77.7 ; python_version >= '3.10'  # pinned\nagno>=2.7\n"
    assert _exact(tmp_path, {"requirements.txt": text}, "litellm") == ((1, 77, 7), "requirements.txt")
    assert pin_for(str(tmp_path / "app.py"), "agno").low == (2, 7)


def test_constraints_file(tmp_path):
    assert _exact(tmp_path, {"constraints.txt": "LiteLLM==1.85.7\n"}, "litellm") == ((1, 85, 7), "constraints.txt")


def test_pyproject_pep621_and_groups(tmp_path):
    text = '[project]\nname = "x"\ndependencies = ["agno==1.8.3"]\n[dependency-groups]\ndev = ["litellm==1.110.2"]\n'
    assert _exact(tmp_path, {"pyproject.toml": text}, "agno") == ((1, 8, 3), "pyproject.toml")
    assert pin_for(str(tmp_path / "app.py"), "litellm").exact == (1, 110, 2)


def test_pyproject_poetry(tmp_path):
    text = '[tool.poetry.dependencies]\npython = "^3.10"\nagno = "^3.1"\nlitellm = {version = "1.77.7", extras = ["proxy"]}\n'
    path = project(tmp_path, {"pyproject.toml": text})
    assert pin_for(path, "agno").low == (3, 1) and pin_for(path, "agno").high == (4,)
    assert pin_for(path, "litellm").exact == (1, 77, 7)


@pytest.mark.parametrize("lock", ["poetry.lock", "uv.lock"])
def test_toml_locks(tmp_path, lock):
    text = '[[package]]\nname = "litellm"\nversion = "1.85.7"\n\n[[package]]\nname = "openai"\nversion = "1.109.1"\n'
    assert _exact(tmp_path, {lock: text}, "litellm") == ((1, 85, 7), lock)


def test_pipfile_and_lock(tmp_path):
    lock = json.dumps({"default": {"agno": {"version": "==1.8.3"}}, "develop": {}})
    assert _exact(tmp_path, {"Pipfile": '[packages]\nagno = "*"\n', "Pipfile.lock": lock}, "agno") == (
        (1, 8, 3),
        "Pipfile.lock",
    )


def test_package_json_and_lock(tmp_path):
    manifest = json.dumps({"dependencies": {"ai": "^6.0.0", "@ai-sdk/deepseek": "~2.0.1"}})
    lock = json.dumps({"packages": {"": {}, "node_modules/ai": {"version": "6.0.40"},
                                    "node_modules/x/node_modules/ai": {"version": "4.0.0"}}})
    path = project(tmp_path, {"package.json": manifest, "package-lock.json": lock})
    assert pin_for(path, "ai").exact == (6, 0, 40)
    assert pin_for(path, "@ai-sdk/deepseek").low == (2, 0, 1)


def test_pnpm_lock(tmp_path):
    text = "lockfileVersion: '9.0'\n\npackages:\n\n  '@ai-sdk/deepseek@2.0.3':\n    resolution: {}\n\n  ai@6.0.12:\n    resolution: {}\n"
    path = project(tmp_path, {"pnpm-lock.yaml": text})
    assert pin_for(path, "ai").exact == (6, 0, 12)
    assert pin_for(path, "@ai-sdk/deepseek").exact == (2, 0, 3)


def test_yarn_lock(tmp_path):
    text = '# yarn lockfile v1\n\nai@^6.0.0:\n  version "6.0.7"\n  resolved "x"\n\n"@ai-sdk/deepseek@^2.0.0":\n  version "2.0.5"\n'
    path = project(tmp_path, {"yarn.lock": text})
    assert pin_for(path, "ai").exact == (6, 0, 7)
    assert pin_for(path, "@ai-sdk/deepseek").exact == (2, 0, 5)


def test_nearest_folder_wins_and_lock_beats_manifest(tmp_path):
    files = {
        "requirements.txt": "litellm==1.77.7\n",
        "svc/pyproject.toml": '[project]\nname = "svc"\ndependencies = ["litellm>=1.80"]\n',
        "svc/uv.lock": '[[package]]\nname = "litellm"\nversion = "1.110.2"\n',
    }
    project(tmp_path, files)
    assert pin_for(str(tmp_path / "svc" / "app.py"), "litellm").exact == (1, 110, 2)
    assert pin_for(str(tmp_path / "other" / "app.py"), "litellm").exact == (1, 77, 7)


def test_no_pin_and_broken_files(tmp_path):
    path = project(tmp_path, {"pyproject.toml": "[project\n", "package.json": "{", "requirements.txt": "-e .\n"})
    assert pin_for(path, "litellm") is None
    assert pin_for("<string>", "litellm") is None
