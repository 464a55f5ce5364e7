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

from packaging.version import Version as V

from ds_migrate.deepseek.pins import pin_for, range_of
from projects import project


# -- version ranges


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("==1.77.7", (V("1.77.7"), V("1.77.7"), True)),
        ("1.77.7", (V("1.77.7"), V("1.77.7"), True)),
        (">=2.7,<3", (V("2.7"), V("3"), False)),
        (">= 2.7, < 3", (V("2.7"), V("3"), False)),
        ("~=1.8.0", (V("1.8.0"), V("1.9"), False)),
        ("^6.0.1", (V("6.0.1"), V("7"), False)),
        ("^0.4.1", (V("0.4.1"), V("0.5"), False)),
        ("~1.2.3", (V("1.2.3"), V("1.3"), False)),
        ("1.2.*", (V("1.2"), V("1.3"), False)),
        ("<2", (None, V("2"), False)),
        ("*", (None, None, False)),
        ("", (None, None, False)),
        (">=1.0 <2.0", (V("1.0"), V("2.0"), False)),
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
    assert _exact(tmp_path, {"requirements.txt": text}, "litellm") == (V("1.77.7"), "requirements.txt")
    assert pin_for(str(tmp_path / "app.py"), "agno").low == V("2.7")


def test_constraints_file(tmp_path):
    assert _exact(tmp_path, {"constraints.txt": "LiteLLM==1.85.7\n"}, "litellm") == (V("1.85.7"), "constraints.txt")


def test_pyproject_pep621_and_groups(tmp_path):
    text = '[project]\nname = "x"\ndependencies = ["agno==1.8.3"]\n[dependency-groups]\ndev = ["litellm==1.110.2"]\n'
    assert _exact(tmp_path, {"pyproject.toml": text}, "agno") == (V("1.8.3"), "pyproject.toml")
    assert pin_for(str(tmp_path / "app.py"), "litellm").exact == V("1.110.2")


def test_pyproject_poetry(tmp_path):
    text = '[tool.poetry.dependencies]\npython = "^3.10"\nagno = "^3.1"\nlitellm = {version = "1.77.7", extras = ["proxy"]}\n'
    path = project(tmp_path, {"pyproject.toml": text})
    assert pin_for(path, "agno").low == V("3.1") and pin_for(path, "agno").high == V("4")
    assert pin_for(path, "litellm").exact == V("1.77.7")


@pytest.mark.parametrize("lock", ["poetry.lock", "uv.lock"])
def test_toml_locks(tmp_path, lock):
    text = '[[package]]\nname = "litellm"\nversion = "1.85.7"\n\n[[package]]\nname = "openai"\nversion = "1.109.1"\n'
    assert _exact(tmp_path, {lock: text}, "litellm") == (V("1.85.7"), lock)


def test_pipfile_and_lock(tmp_path):
    lock = json.dumps({"default": {"agno": {"version": "==1.8.3"}}, "develop": {}})
    assert _exact(tmp_path, {"Pipfile": '[packages]\nagno = "*"\n', "Pipfile.lock": lock}, "agno") == (
        V("1.8.3"),
        "Pipfile.lock",
    )


def test_package_json_and_lock(tmp_path):
    manifest = json.dumps({"dependencies": {"ai": "^6.0.0", "@ai-sdk/deepseek": "~2.0.1"}})
    lock = json.dumps({"packages": {"": {}, "node_modules/ai": {"version": "6.0.40"},
                                    "node_modules/x/node_modules/ai": {"version": "4.0.0"}}})
    path = project(tmp_path, {"package.json": manifest, "package-lock.json": lock})
    assert pin_for(path, "ai").exact == V("6.0.40")
    assert pin_for(path, "@ai-sdk/deepseek").low == V("2.0.1")


def test_pnpm_lock(tmp_path):
    text = "lockfileVersion: '9.0'\n\npackages:\n\n  '@ai-sdk/deepseek@2.0.3':\n    resolution: {}\n\n  ai@6.0.12:\n    resolution: {}\n"
    path = project(tmp_path, {"pnpm-lock.yaml": text})
    assert pin_for(path, "ai").exact == V("6.0.12")
    assert pin_for(path, "@ai-sdk/deepseek").exact == V("2.0.3")


def test_yarn_lock(tmp_path):
    text = '# yarn lockfile v1\n\nai@^6.0.0:\n  version "6.0.7"\n  resolved "x"\n\n"@ai-sdk/deepseek@^2.0.0":\n  version "2.0.5"\n'
    path = project(tmp_path, {"yarn.lock": text})
    assert pin_for(path, "ai").exact == V("6.0.7")
    assert pin_for(path, "@ai-sdk/deepseek").exact == V("2.0.5")


def test_nearest_folder_wins_and_lock_beats_manifest(tmp_path):
    files = {
        "requirements.txt": "litellm==1.77.7\n",
        "svc/pyproject.toml": '[project]\nname = "svc"\ndependencies = ["litellm>=1.80"]\n',
        "svc/uv.lock": '[[package]]\nname = "litellm"\nversion = "1.110.2"\n',
    }
    project(tmp_path, files)
    assert pin_for(str(tmp_path / "svc" / "app.py"), "litellm").exact == V("1.110.2")
    assert pin_for(str(tmp_path / "other" / "app.py"), "litellm").exact == V("1.77.7")


def test_no_pin_and_broken_files(tmp_path):
    path = project(tmp_path, {"pyproject.toml": "[project\n", "package.json": "{", "requirements.txt": "-e .\n"})
    assert pin_for(path, "litellm") is None
    assert pin_for("<string>", "litellm") is None


# -- versions are PEP 440 versions: a pre-release comes before its release


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("==1.93.0rc1", (V("1.93.0rc1"), V("1.93.0rc1"), True)),
        (">=1.93.0rc1,<2", (V("1.93.0rc1"), V("2"), False)),
        ("==1.2.*,!=1.2.3", (V("1.2"), V("1.3"), False)),
        (">=1.80,==1.85.7", (V("1.85.7"), V("1.85.7"), True)),  # every part narrows
        ("^6.0.0-beta.1", (V("6.0.0b1"), V("7"), False)),
        ("1.0.0-canary.3", (V("1.0.0.dev0"), V("1.0.0.dev0"), True)),
        ("===foo", None),
    ],
)
def test_range_of_reads_pep440(spec, expected):
    assert range_of(spec) == expected


LITELLM_CHAT = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat", messages=m)\n'
EXTRA_FORM = 'messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
KEYWORD_FORM = 'messages=m, thinking={"type": "disabled"})\n'


@pytest.mark.parametrize(
    "files, form",
    [
        # 1.93.0rc1 is before 1.93.0, the first LiteLLM that sends thinking "disabled"
        pytest.param({"requirements.txt": "litellm==1.93.0rc1\n"}, EXTRA_FORM, id="rc-in-requirements"),
        pytest.param({"uv.lock": '[[package]]\nname = "litellm"\nversion = "1.93.0rc1"\n'}, EXTRA_FORM, id="rc-in-uv-lock"),
        pytest.param({"requirements.txt": "litellm==1.93.0\n"}, KEYWORD_FORM, id="release"),
        pytest.param({"requirements.txt": "litellm==1.93.0.post1\n"}, KEYWORD_FORM, id="post-release"),
    ],
)
def test_pre_release_is_not_its_release(tmp_path, files, form):
    from conftest import fix

    assert fix(LITELLM_CHAT, path=project(tmp_path, files)).endswith(form)


# -- requirement files include others


def test_requirement_includes_are_followed_relative_to_the_including_file(tmp_path):
    files = {
        "requirements.txt": "-r requirements/prod.txt\n",
        "requirements/prod.txt": "--requirement=../shared/base.txt\nagno>=2.7\n",
        "shared/base.txt": "litellm==1.85.7 \\\n    --hash=sha256:abc\n",
    }
    path = project(tmp_path, files)
    assert _exact(tmp_path, files, "litellm") == (V("1.85.7"), "requirements.txt")
    assert pin_for(path, "agno").low == V("2.7")


def test_constraints_include_narrows_the_requirement(tmp_path):
    files = {"requirements.txt": "litellm>=1.80\n-c constraints/prod.txt\n", "constraints/prod.txt": "litellm==1.85.7\n"}
    assert _exact(tmp_path, files, "litellm") == (V("1.85.7"), "requirements.txt")


def test_include_cycles_and_missing_includes_are_safe(tmp_path):
    files = {
        "requirements.txt": "-r requirements-dev.txt\n-r missing.txt\nlitellm==1.77.7\n",
        "requirements-dev.txt": "-r requirements.txt\n--requirement requirements-dev.txt\nagno==3.1.10\n",
    }
    path = project(tmp_path, files)
    assert pin_for(path, "litellm").exact == V("1.77.7")
    assert pin_for(path, "agno").exact == V("3.1.10")


def test_requirement_urls_and_options_are_not_pins(tmp_path):
    files = {"requirements.txt": "litellm @ https://example.com/litellm-1.0.tar.gz\n--index-url https://x\n-e .\n"}
    assert pin_for(project(tmp_path, files), "litellm") is None


def test_setup_cfg(tmp_path):
    text = "[metadata]\nname = x\n\n[options]\ninstall_requires =\n    agno>=2.6.10,<3\n    requests\n\n[options.extras_require]\nllm = litellm==1.93.0\n"
    path = project(tmp_path, {"setup.cfg": text})
    assert pin_for(path, "agno").low == V("2.6.10") and pin_for(path, "agno").high == V("3")
    assert pin_for(path, "litellm").exact == V("1.93.0")


# -- lock files are parsed


PNPM_V9 = """lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      ai:
        specifier: ^6.0.0
        version: 6.0.40(zod@3.25.76)

packages:

  ai@4.3.19:
    resolution: {integrity: sha512-x}

  ai@6.0.40:
    resolution: {integrity: sha512-y}

  '@ai-sdk/deepseek@2.0.3':
    resolution: {integrity: sha512-z}

snapshots:

  ai@6.0.40(zod@3.25.76):
    dependencies:
      '@ai-sdk/provider': 3.0.0
"""

PNPM_V6 = """lockfileVersion: '6.0'

dependencies:
  ai:
    specifier: ^6.0.0
    version: 6.0.12(zod@3.22.4)

packages:

  /@ai-sdk/deepseek@2.0.3(zod@3.22.4):
    resolution: {integrity: sha512-z}
    dev: false
"""

PNPM_V5 = """lockfileVersion: 5.4

specifiers:
  ai: ^6.0.0

dependencies:
  ai: 6.0.12_zod@3.22.4

packages:

  /@ai-sdk/deepseek/2.0.3_zod@3.22.4:
    resolution: {integrity: sha512-z}
"""


@pytest.mark.parametrize("text, ai", [(PNPM_V9, "6.0.40"), (PNPM_V6, "6.0.12"), (PNPM_V5, "6.0.12")], ids=["v9", "v6", "v5"])
def test_pnpm_lock_formats_and_the_direct_dependency_wins(tmp_path, text, ai):
    path = project(tmp_path, {"pnpm-lock.yaml": text})
    assert pin_for(path, "ai").exact == V(ai)
    assert pin_for(path, "@ai-sdk/deepseek").exact == V("2.0.3")
    assert pin_for(path, "@ai-sdk/provider") is None  # a dependency's dependency list is not a lock entry


YARN_V1 = '''# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@ai-sdk/deepseek@^2.0.0", "@ai-sdk/deepseek@^2.0.1":
  version "2.0.5"
  resolved "https://registry.yarnpkg.com/@ai-sdk/deepseek/-/deepseek-2.0.5.tgz"
  dependencies:
    ai "^6.0.0"
    openai "4.0.0"

openai@^4.0.0:
  version "4.104.0"

string-width-cjs@npm:string-width@^4.2.0:
  version "4.2.3"
'''


def test_yarn_v1_lock(tmp_path):
    path = project(tmp_path, {"yarn.lock": YARN_V1})
    assert pin_for(path, "@ai-sdk/deepseek").exact == V("2.0.5")
    assert pin_for(path, "openai").exact == V("4.104.0")  # not the "4.0.0" a dependency asks for
    assert pin_for(path, "ai") is None
    assert pin_for(path, "string-width-cjs").exact == V("4.2.3")


def test_yarn_lock_with_two_versions_gives_their_span(tmp_path):
    text = '# yarn lockfile v1\n\nai@^4.0.0:\n  version "4.3.19"\n\nai@^6.0.0:\n  version "6.0.7"\n'
    pin = pin_for(project(tmp_path, {"yarn.lock": text}), "ai")
    assert (pin.low, pin.high, pin.high_inclusive, pin.exact) == (V("4.3.19"), V("6.0.7"), True, None)


def test_yarn_berry_lock(tmp_path):
    text = (
        '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n'
        '"ai@npm:^6.0.0, ai@npm:^6.0.1":\n  version: 6.0.7\n  resolution: "ai@npm:6.0.7"\n  dependencies:\n    "@ai-sdk/provider": "npm:3.0.0"\n\n'
        '"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n'
    )
    path = project(tmp_path, {"yarn.lock": text})
    assert pin_for(path, "ai").exact == V("6.0.7")
    assert pin_for(path, "app") is None and pin_for(path, "@ai-sdk/provider") is None


def test_broken_locks_give_no_pin(tmp_path):
    path = project(tmp_path, {"pnpm-lock.yaml": "packages: [\n", "yarn.lock": "__metadata:\n  - [\n", "setup.cfg": "[options\n"})
    assert pin_for(path, "ai") is None and pin_for(path, "litellm") is None


def test_pnpm_v5_name_with_an_underscore(tmp_path):
    text = "lockfileVersion: 5.4\n\npackages:\n\n  /snake_case_pkg/1.2.3_zod@3.22.4:\n    resolution: {integrity: sha512-z}\n"
    pin = pin_for(project(tmp_path, {"pnpm-lock.yaml": text}), "snake_case_pkg", "node")
    assert pin is not None and pin.exact == V("1.2.3")
