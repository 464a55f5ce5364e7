"""Pins near a file decide the thinking form for LiteLLM, DSPy and agno.

Each project is a temporary folder with a ``.git`` marker (the search for
pins stops at the repository root), pin files, and ``app.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import fix, scan
from ds_migrate.pins import folder_pins, pin_for, range_of


def project(tmp_path: Path, files: dict[str, str]) -> str:
    (tmp_path / ".git").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    folder_pins.cache_clear()
    return str(tmp_path / "app.py")


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


# -- the fix follows the pin

LITELLM_CHAT = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat", messages=m)\n'
LITELLM_REASONER = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m)\n'
EXTRA = 'extra_body={{"thinking": {{"type": "{}"}}}})\n'
KEYWORD = 'thinking={{"type": "{}"}})\n'


@pytest.mark.parametrize(
    "pin, chat_form, reasoner_form",
    [
        (None, EXTRA, EXTRA),  # unpinned: works on every version checked
        ("litellm==1.77.7", EXTRA, EXTRA),  # thinking= raises UnsupportedParamsError
        ("litellm==1.85.7", EXTRA, KEYWORD),  # "disabled" would be dropped silently
        ("litellm==1.92.2", EXTRA, KEYWORD),
        ("litellm==1.93.0", KEYWORD, KEYWORD),
        ("litellm>=1.100,<2", KEYWORD, KEYWORD),
        ("litellm<2", EXTRA, EXTRA),  # no lower bound: as unpinned
    ],
)
def test_litellm_form_by_version(tmp_path, pin, chat_form, reasoner_form):
    path = project(tmp_path, {"requirements.txt": pin + "\n"} if pin else {})
    assert fix(LITELLM_CHAT, path=path).endswith("messages=m, " + chat_form.format("disabled"))
    assert fix(LITELLM_REASONER, path=path).endswith("messages=m, " + reasoner_form.format("enabled"))


def test_litellm_older_than_checked_is_renamed_and_reported(tmp_path):
    path = project(tmp_path, {"requirements.txt": "litellm==1.50.0\n"})
    assert fix(LITELLM_CHAT, path=path) == LITELLM_CHAT.replace("deepseek-chat", "deepseek-v4-flash")
    note = scan(LITELLM_CHAT, path=path)[0].note
    assert "litellm ==1.50.0" in note and "requirements.txt" in note and "renamed only" in note


def test_dspy_follows_the_locked_litellm(tmp_path):
    before = 'import dspy\nlm = dspy.LM("deepseek/deepseek-chat")\n'
    old = project(tmp_path / "old", {"uv.lock": '[[package]]\nname = "litellm"\nversion = "1.85.7"\n'})
    new = project(tmp_path / "new", {"uv.lock": '[[package]]\nname = "litellm"\nversion = "1.110.2"\n'})
    assert fix(before, path=old) == 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before, path=new) == 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", thinking={"type": "disabled"})\n'


AGNO = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat")\n'
AGNO_PARAMS = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "disabled"}}})\n'
AGNO_USE = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", use_thinking=False)\n'


@pytest.mark.parametrize(
    "files, expected",
    [
        ({}, AGNO_PARAMS),
        ({"requirements.txt": "agno==1.8.3\n"}, AGNO_PARAMS),  # use_thinking is a TypeError there
        ({"requirements.txt": "agno==2.6.9\n"}, AGNO_PARAMS),
        ({"requirements.txt": "agno==2.6.10\n"}, AGNO_USE),
        ({"pyproject.toml": '[tool.poetry.dependencies]\nagno = "^3.1"\n'}, AGNO_USE),
    ],
)
def test_agno_form_by_version(tmp_path, files, expected):
    assert fix(AGNO, path=project(tmp_path, files)) == expected


def test_agno_older_than_checked_is_renamed_and_reported(tmp_path):
    path = project(tmp_path, {"requirements.txt": "agno==1.2.0\n"})
    assert fix(AGNO, path=path) == AGNO.replace("deepseek-chat", "deepseek-v4-flash")
    assert "agno ==1.2.0" in scan(AGNO, path=path)[0].note


def test_agno_request_params_merges_into_a_literal(tmp_path):
    path = project(tmp_path, {})
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner", request_params={"timeout": 5})\n'
    assert fix(before, path=path) == (
        'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", '
        'request_params={"timeout": 5, "extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    nested = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat", request_params={"extra_body": {"top_k": 2}})\n'
    assert fix(nested, path=path) == (
        'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", '
        'request_params={"extra_body": {"top_k": 2, "thinking": {"type": "disabled"}}})\n'
    )


def test_agno_request_params_that_already_set_thinking_are_kept(tmp_path):
    source = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(source, path=project(tmp_path, {})) == source
    assert not [f for f in scan(source, path=project(tmp_path, {})) if f.code == "DSM201"]


ANTHROPIC = 'client.messages.create(model="deepseek-reasoner", max_tokens=4096, messages=m)\n'


@pytest.mark.parametrize(
    "files, tail",
    [
        ({}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n'),
        ({"requirements.txt": "anthropic==0.40.0\n"}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n'),
        ({"requirements.txt": "anthropic==0.46.0\n"}, 'extra_body={"thinking": {"type": "enabled", "budget_tokens": 1024}})\n'),
        ({"requirements.txt": "anthropic==0.47.0\n"}, 'thinking={"type": "enabled", "budget_tokens": 1024})\n'),
        ({"poetry.lock": '[[package]]\nname = "anthropic"\nversion = "2.14.0"\n'}, 'thinking={"type": "enabled", "budget_tokens": 1024})\n'),
    ],
)
def test_anthropic_form_by_version(tmp_path, files, tail):
    assert fix(ANTHROPIC, path=project(tmp_path, files)).endswith("messages=m, " + tail)


def test_anthropic_older_than_checked_is_renamed_and_reported(tmp_path):
    path = project(tmp_path, {"requirements.txt": "anthropic==0.30.1\n"})
    assert fix(ANTHROPIC, path=path) == ANTHROPIC.replace("deepseek-reasoner", "deepseek-v4-flash")
    assert "anthropic ==0.30.1" in scan(ANTHROPIC, path=path)[0].note
