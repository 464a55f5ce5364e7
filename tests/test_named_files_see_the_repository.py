"""With only some files named (pre-commit, an editor), the decision still
sees the coupled uses in the rest of the repository."""

from __future__ import annotations

import subprocess

from click.testing import CliRunner

from ds_migrate.cli.commands import main
from projects import read_tree, write_tree

SETTINGS = 'DEFAULT_MODEL = "deepseek-chat"\n'
# the handler reads the default: the comparison is a selector its value reaches
HANDLER = 'from settings import DEFAULT_MODEL\n\n\ndef show(model=DEFAULT_MODEL):\n    if model == "deepseek-chat":\n        print("plain")\n'


def repo(tmp_path, files):
    write_tree(tmp_path, files)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True)
    return tmp_path


def fix_named(root, *names, flags=()):
    before = read_tree(root)
    result = CliRunner().invoke(main, ["fix", "--write", "--isolated", *flags, *[str(root / n) for n in names]])
    after = read_tree(root)
    return result, {n: t for n, t in after.items() if before[n] != t}


def test_a_named_file_is_not_decoupled_from_an_unnamed_comparison(tmp_path):
    root = repo(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    result, changed = fix_named(root, "settings.py", flags=("--unsafe-fixes",))
    assert changed == {}
    assert "handler.py:5" in result.output  # the finding names the other file


def test_the_same_tree_given_whole_is_renamed_with_unsafe_fixes(tmp_path):
    root = repo(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    result = CliRunner().invoke(main, ["fix", "--write", "--isolated", "--unsafe-fixes", str(root)])
    assert "deepseek-v4-flash" in (root / "settings.py").read_text()
    assert "deepseek-v4-flash" in (root / "handler.py").read_text()


def test_same_safe_answer_for_one_file_and_the_whole_tree(tmp_path):
    root = repo(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER, "app.py": 'X = "deepseek-reasoner"\n'})
    _, one = fix_named(root, "settings.py", "app.py")
    assert one == {"app.py": 'X = "deepseek-v4-flash"\n'} or one == {}
    whole = tmp_path.parent / "whole"
    write_tree(whole, {"settings.py": SETTINGS, "handler.py": HANDLER, "app.py": 'X = "deepseek-reasoner"\n'})
    CliRunner().invoke(main, ["fix", "--write", "--isolated", str(whole)])
    assert read_tree(whole)["settings.py"] == read_tree(root)["settings.py"] == SETTINGS
    assert read_tree(whole)["app.py"] == read_tree(root)["app.py"]


def test_unrelated_named_file_is_fixed_as_before(tmp_path):
    root = repo(tmp_path, {"app.py": 'client.chat.completions.create(model="deepseek-chat", messages=m)\n', "README.md": "hello\n"})
    _, changed = fix_named(root, "app.py")
    assert "deepseek-v4-flash" in changed["app.py"]


def test_outside_a_git_work_tree_named_files_decide_alone(tmp_path):
    write_tree(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    _, changed = fix_named(tmp_path, "settings.py")
    assert changed == {"settings.py": SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")}


ASSERTING_TEST = "from app.settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == \"deepseek-chat\"\n"


def test_a_named_default_waits_for_the_unnamed_test_that_checks_it(tmp_path):
    # what the pre-commit fix hook sees when only app/settings.py changed: the
    # test elsewhere would be left asserting the old id (found by a fresh reader)
    root = repo(tmp_path, {"app/__init__.py": "", "app/settings.py": SETTINGS, "tests/test_settings.py": ASSERTING_TEST})
    result, changed = fix_named(root, "app/settings.py")
    assert changed == {}, changed
    assert "tests/test_settings.py" in result.output
    result, changed = fix_named(root, "app/settings.py", "tests/test_settings.py")
    assert set(changed) == {"app/settings.py", "tests/test_settings.py"}


# a request whose model another module holds (the flow: docs/flow.md)
FLOW_SETTINGS = 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n'
FLOW_CLIENT = (
    "from openai import OpenAI\n\nfrom app.settings import MODEL\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def chat(messages):\n    return client.chat.completions.create(model=MODEL, messages=messages)\n"
)
NAMES_AN_ID_TOO = 'SUMMARY = client.chat.completions.create(model="deepseek-chat", messages=[])\n'


def concise(root, *names):
    result = CliRunner().invoke(main, ["scan", "-q", "--isolated", "--output-format", "concise", *names])
    assert result.exit_code in (0, 1), result.output
    # the same findings and messages; not the [*] mark: the safe tier sets the
    # mode with the rename of its source, which a run that names only the
    # request does not make (its source waits: "fix both in one run")
    return sorted(line.replace(" [*]", "") for line in result.stdout.splitlines())


def _findings_of(root, monkeypatch, *names):
    monkeypatch.chdir(root)
    return concise(root, *names)


def test_a_files_findings_do_not_depend_on_what_else_is_named(tmp_path, monkeypatch):
    """`scan app/client.py` alone gives the DSM201 whose model comes from
    app/settings.py, as `scan .` does (a fresh reader beside ruff)."""
    for client in (FLOW_CLIENT, FLOW_CLIENT + NAMES_AN_ID_TOO):  # naming a retired id itself, or not
        root = tmp_path / str(len(client))
        repo(root, {"app/__init__.py": "", "app/settings.py": FLOW_SETTINGS, "app/client.py": client})
        whole = [line for line in _findings_of(root, monkeypatch, ".") if line.startswith("app/client.py")]
        assert any("DSM201" in line and "app/settings.py:3" in line for line in whole), whole
        assert _findings_of(root, monkeypatch, "app/client.py") == whole
        assert _findings_of(root, monkeypatch, "app/client.py", "app/settings.py") == _findings_of(root, monkeypatch, ".")


def test_a_group_held_by_a_table_says_so_with_one_file_named_too(tmp_path):
    """Through the pre-commit hook the reason became "tests/test_settings.py
    tests it and is not among the files named; fix both in one run", though
    a price table the value reaches held the whole group: following that
    advice changed nothing (a sixth fresh reader)."""
    root = repo(tmp_path, {
        "app/__init__.py": "",
        "app/settings.py": 'MODEL = "deepseek-chat"\n',
        "app/costs.py": 'from app import settings\n\nPRICE = {"deepseek-chat": 1.10}\n\n\n'
                        "def cost(n):\n    return PRICE[settings.MODEL] * n\n",
        "tests/test_settings.py": 'from app import settings\n\n\ndef test_model():\n    assert settings.MODEL == "deepseek-chat"\n',
    })
    result = CliRunner().invoke(main, ["scan", "--isolated", "--output-format", "json", str(root / "app/settings.py")])
    import json

    (finding,) = json.loads(result.stdout)["findings"]
    assert "held back with every use of 'deepseek-chat'" in finding["note"]
    assert "not among the files named" not in finding["note"]
