"""The hooks in .pre-commit-hooks.yaml: which files they take, and real `pre-commit run`s.

The real runs use this working tree as a hook repository, as a user's
`.pre-commit-config.yaml` would (`repo:` a path, `rev:` a commit). pre-commit
builds the hook's virtualenv once per test session (about a minute: it installs
ds-migrate and its dependencies); each run after that takes seconds.
"""

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

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'

# One file of each kind ds-migrate reads, each naming a retired id; the kinds
# pre-commit used to leave out (.env.production, Go, plain text, ...) among them.
PROJECT = {
    "app.py": LEGACY,
    ".env.production": "DEEPSEEK_MODEL=deepseek-chat\n",
    "deploy/prod.env": "DEEPSEEK_MODEL=deepseek-reasoner\n",
    "svc/main.go": 'package main\n\nconst Model = "deepseek-chat"\n',
    "jvm/App.java": 'class App {\n    static final String MODEL = "deepseek-chat";\n}\n',
    "jvm/App.kt": 'const val MODEL = "deepseek-chat"\n',
    "src/lib.rs": 'const MODEL: &str = "deepseek-chat";\n',
    "bot.rb": 'MODEL = "deepseek-chat"\n',
    "api.php": "<?php\n$model = 'deepseek-chat';\n",
    "Bot.cs": 'class Bot { const string Model = "deepseek-chat"; }\n',
    "web/api.ts": 'export const MODEL = "deepseek-chat";\n',
    "config.yaml": "model: deepseek-chat\n",
    "NOTES.txt": "We call deepseek-chat.\n",
}


# -- the hook definitions (fast) --------------------------------------------------------


@pytest.mark.parametrize("hook_id", ["ds-migrate", "ds-migrate-fix"])
def test_hook_is_one_process_on_the_files_pre_commit_selects(hook_id):
    """pre-commit's selection (staged, --files, --all-files, a push) is
    passed; require_serial keeps it in one process (pre-commit would
    otherwise share the files among processes, each with its own report)."""
    hook = HOOKS[hook_id]
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    assert "--pre-commit" in hook["entry"].split()


@pytest.mark.parametrize("hook_id", ["ds-migrate", "ds-migrate-fix"])
def test_every_type_tag_is_one_identify_knows(hook_id):
    from identify.identify import ALL_TAGS

    unknown = set(HOOKS[hook_id]["types_or"]) - ALL_TAGS
    assert not unknown, f"pre-commit refuses a hook with type tags identify does not know: {unknown}"


GENERIC_TAGS = {"text", "file", "non-executable", "executable", "plain-text"}


def _example_name(pattern: str) -> str:
    """A file name a handler's pattern matches: ``*.go`` -> ``main.go``, ``.env.*`` -> ``.env.main``."""
    return pattern.replace("*", "main")


@pytest.mark.parametrize("hook_id", ["ds-migrate", "ds-migrate-fix"])
def test_hook_takes_every_kind_the_tool_reads(hook_id):
    from identify.identify import tags_from_filename

    from ds_migrate.languages import PYTHON_SUFFIXES, all_handlers

    types_or = set(HOOKS[hook_id]["types_or"])
    # every text file is searched (DSM109), and identify tags some kinds the tool
    # parses with nothing more than "text" (.env.production, .mts, x.dockerfile, a.cfg)
    assert "text" in types_or
    names = [f"main{suffix}" for suffix in PYTHON_SUFFIXES] + ["tone.ipynb", "prod.env", "Bot.csx"]
    names += [_example_name(pattern) for handler in all_handlers() for pattern in handler.patterns]
    # where identify has a tag for a kind the tool parses, the list names it, so it says what is read
    specific = {name: tags_from_filename(name) - GENERIC_TAGS for name in names}
    untagged = {name: sorted(tags) for name, tags in specific.items() if tags and not tags & types_or}
    assert not untagged, f"kinds the tool parses whose identify tag the hook does not list: {untagged}"


def test_both_hooks_take_the_same_files():
    scan, fix = HOOKS["ds-migrate"], HOOKS["ds-migrate-fix"]
    assert scan["types_or"] == fix["types_or"]
    assert scan.get("exclude_types") == fix.get("exclude_types")
    assert "--force-exclude" in scan["entry"].split() and "--force-exclude" in fix["entry"].split()


# -- real pre-commit runs ---------------------------------------------------------------


def pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    pytest.skip("pre-commit is not installed (pip install -e '.[dev]' brings it)")


def git(cwd, *args, env=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


FIXED_DATES = {"GIT_AUTHOR_DATE": "2026-07-24T16:00:00Z", "GIT_COMMITTER_DATE": "2026-07-24T16:00:00Z",
               "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A git repository holding this working tree as it is now (uncommitted
    edits included), and its commit: what a user's `rev:` names."""
    clone = tmp_path_factory.mktemp("hook-repo")
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    env = {**os.environ, **FIXED_DATES}
    git(clone, "init", "-q")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "hook repository", env=env)
    return clone, git(clone, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory, hook_repo) -> Path:
    """pre-commit's cache with the hook's virtualenv built once for the session."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    warm = tmp_path_factory.mktemp("warm-up")
    git(warm, "init", "-q")
    write_config(warm, hook_repo)
    result = run(warm, home, "install-hooks")
    assert result.returncode == 0, result.stdout + result.stderr
    return home


def write_config(project: Path, hook_repo, args: list[str] | None = None) -> None:
    path, rev = hook_repo
    config = {"repos": [{"repo": str(path), "rev": rev, "hooks": [
        {"id": "ds-migrate", **({"args": args} if args else {})},
        {"id": "ds-migrate-fix"},
    ]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))


def run(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PRE_COMMIT_NO_CONCURRENCY", None)
    return subprocess.run([*pre_commit(), *args], cwd=project, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture
def project(tmp_path, hook_repo, pre_commit_home) -> Path:
    git(tmp_path, "init", "-q")
    for name, text in PROJECT.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    write_config(tmp_path, hook_repo)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "legacy", env={**os.environ, **FIXED_DATES})
    return tmp_path


@pytest.fixture
def runner(project, pre_commit_home):
    def call(hook_id, *args):
        return run(project, pre_commit_home, "run", hook_id, *args)
    return call


@pytest.mark.slow
def test_scan_hook_reports_every_kind_of_file(project, runner):
    result = runner("ds-migrate", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    for name in PROJECT:
        assert name in result.stdout, f"{name} was not checked:\n{result.stdout}"
    assert "DSM101" in result.stdout


@pytest.mark.slow
def test_fix_hook_rewrites_then_scan_hook_passes(project, runner):
    fixing = runner("ds-migrate-fix", "--all-files")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fixing.stdout
    app = (project / "app.py").read_text()
    assert 'model="deepseek-v4-flash"' in app and '"thinking": {"type": "disabled"}' in app
    assert (project / ".env.production").read_text() == "DEEPSEEK_MODEL=deepseek-v4-flash\n"
    assert (project / "svc/main.go").read_text() == 'package main\n\nconst Model = "deepseek-v4-flash"\n'
    assert (project / "NOTES.txt").read_text() == PROJECT["NOTES.txt"]  # plain text is reported, never rewritten

    git(project, "add", "-A")
    again = runner("ds-migrate-fix", "--all-files")  # a second run changes nothing
    assert "files were modified by this hook" not in again.stdout, again.stdout
    assert git(project, "diff") == ""  # the work tree is as staged

    # only what no fix rewrites (plain text) can be left
    rest = runner("ds-migrate", "--all-files")
    assert {name for name in PROJECT if name in rest.stdout} <= {"NOTES.txt"}, rest.stdout
    (project / "NOTES.txt").write_text("We call deepseek-v4-flash.\n")
    git(project, "add", "-A")
    last = runner("ds-migrate", "--all-files")
    assert last.returncode == 0, last.stdout + last.stderr


def stage_a_change(project: Path, *names: str) -> None:
    for name in names:
        with open(project / name, "a") as handle:
            handle.write("\n")
    git(project, "add", *names)


@pytest.mark.slow
def test_a_commit_checks_the_staged_files(project, runner):
    stage_a_change(project, "svc/main.go", ".env.production")
    result = runner("ds-migrate")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "svc/main.go" in result.stdout and ".env.production" in result.stdout
    assert "app.py" not in result.stdout

    git(project, "reset", "-q")
    stage_a_change(project, "svc/main.go")
    fixing = runner("ds-migrate-fix")
    assert "deepseek-v4-flash" in (project / "svc/main.go").read_text(), fixing.stdout
    assert (project / "app.py").read_text() == LEGACY  # not staged, not touched


@pytest.mark.slow
def test_one_process_makes_the_project_wide_decision(project, hook_repo, pre_commit_home):
    """Without require_serial, pre-commit splits these files among several
    processes on a machine with two or more cores, each with its own report."""
    write_config(project, hook_repo, args=["--format", "json"])
    git(project, "add", "-A")
    # nothing staged, as in CI: --all-files is the whole repository
    git(project, "commit", "-qm", "json", env={**os.environ, **FIXED_DATES})
    result = run(project, pre_commit_home, "run", "ds-migrate", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    decoder, text, reports = json.JSONDecoder(), result.stdout, []
    start = text.find("{")
    while start != -1:
        report, end = decoder.raw_decode(text, start)
        reports.append(report)
        start = text.find("{", end)
    assert len(reports) == 1, f"{len(reports)} processes reported"
    assert reports[0]["summary"]["files_scanned"] == len(PROJECT) + 1  # and .pre-commit-config.yaml


# A coupled pair far apart in the file list: the default and the comparison
# are renamed together (--unsafe-fixes) or not at all.
COUPLED = {
    "aaa/settings.py": 'DEFAULT_MODEL = "deepseek-chat"\n',
    "zzz/handler.py": (
        "from aaa.settings import DEFAULT_MODEL\n\n\ndef show(model=DEFAULT_MODEL):\n"
        '    if model == "deepseek-chat":\n        print("plain")\n'
    ),
}


def many_files_project(root: Path, hook_repo) -> list[str]:
    """More file names than fit on one pre-commit command line (its xargs
    partition: 2**17 bytes at most), around the coupled pair."""
    names = [f"pkg/a_module_with_a_long_descriptive_name_{i:04d}/and_a_long_file_name_too_{i:04d}.py"
             for i in range(1700)]
    assert sum(len(name) + 1 for name in names) > 2 ** 17  # pre-commit will split this list
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("VALUE = 1\n")
    for name, text in COUPLED.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    path, rev = hook_repo
    config = {"repos": [{"repo": str(path), "rev": rev, "hooks": [
        {"id": "ds-migrate"}, {"id": "ds-migrate-fix", "args": ["--unsafe-fixes"]},
    ]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    git(root, "init", "-q")
    git(root, "add", "-A")
    return names


@pytest.mark.slow
def test_a_list_pre_commit_splits_never_renames_half_a_group(tmp_path, hook_repo, pre_commit_home):
    """pre-commit hands the two halves of the coupled pair to two runs (its
    command-line limit, even with require_serial). Each run decides with the
    whole repository as context: both report the pair, and neither renames its
    half away from the other (the documented limit: `fix --write .` once)."""
    project = tmp_path / "project"
    project.mkdir()
    many_files_project(project, hook_repo)
    result = run(project, pre_commit_home, "run", "ds-migrate")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("Found 1 finding") == 2, result.stdout  # one run per half
    for name in COUPLED:
        assert name in result.stdout

    fixing = run(project, pre_commit_home, "run", "ds-migrate-fix")
    assert "files were modified by this hook" not in fixing.stdout, fixing.stdout + fixing.stderr
    for name, text in COUPLED.items():
        assert (project / name).read_text() == text, name


@pytest.mark.slow
def test_all_files_checks_every_file_though_one_is_staged(project, runner):
    """`--all-files` means all files, as in ruff's hook, whatever is staged."""
    stage_a_change(project, "svc/main.go")
    result = runner("ds-migrate", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    for name in PROJECT:
        assert name in result.stdout, f"{name} was not checked:\n{result.stdout}"


@pytest.mark.slow
def test_files_checks_those_files_only(project, runner):
    (project / "untracked.py").write_text(LEGACY)  # not named: not checked
    result = runner("ds-migrate", "--files", "bot.rb", "config.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bot.rb" in result.stdout and "config.yaml" in result.stdout
    for name in ("app.py", "svc/main.go", "untracked.py"):
        assert name not in result.stdout, result.stdout
    assert "in 2 files scanned" in result.stdout

    fixing = runner("ds-migrate-fix", "--files", "svc/main.go")
    assert "files were modified by this hook" in fixing.stdout, fixing.stdout + fixing.stderr
    assert "deepseek-v4-flash" in (project / "svc/main.go").read_text()
    assert (project / "app.py").read_text() == LEGACY and (project / "untracked.py").read_text() == LEGACY


@pytest.mark.slow
def test_a_push_checks_the_pushed_files(project, runner):
    start = git(project, "rev-parse", "HEAD").strip()
    with open(project / "bot.rb", "a") as handle:
        handle.write("\n")
    git(project, "commit", "-qam", "bot", env={**os.environ, **FIXED_DATES})
    result = runner("ds-migrate", "--hook-stage", "pre-push", "--from-ref", start, "--to-ref", "HEAD")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bot.rb" in result.stdout and "app.py" not in result.stdout, result.stdout


@pytest.mark.slow
def test_a_file_is_followed_to_the_settings_module_pre_commit_did_not_name(project, runner):
    """Staged alone, a request whose model comes from an unstaged settings
    module gets the DSM201 a run over the tree gives it."""
    (project / "cfg.py").write_text('MODEL = "deepseek-chat"\n')
    (project / "call.py").write_text(
        "from openai import OpenAI\n\nfrom cfg import MODEL\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        "client.chat.completions.create(model=MODEL, messages=[])\n"
    )
    git(project, "add", "-A")
    git(project, "commit", "-qm", "request", env={**os.environ, **FIXED_DATES})
    stage_a_change(project, "call.py")
    result = runner("ds-migrate")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "call.py" in result.stdout and "cfg.py:1" in result.stdout, result.stdout


@pytest.mark.slow
def test_hook_respects_config_excludes_for_staged_files(project, runner):
    (project / "ds-migrate.toml").write_text('extend-exclude = ["app.py"]\n')
    git(project, "add", "ds-migrate.toml")
    stage_a_change(project, "app.py")
    result = runner("ds-migrate")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_autoupdate_pins_the_newest_commit_until_there_is_a_tag(tmp_path, hook_repo):
    """What the README says to do before the first release, on the README's own
    configuration: `pre-commit autoupdate` writes the head commit's sha while the
    hook repository has no tag, then the tag."""
    path, rev = hook_repo
    tagged = tmp_path / "hook-repo"
    git(tmp_path, "clone", "-q", str(path), str(tagged))
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    readme = (REPO / "README.md").read_text()
    config = re.search(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", readme, re.S).group(1)
    assert "rev: <commit-sha>" in config
    (project / ".pre-commit-config.yaml").write_text(config.replace("https://github.com/<owner>/ds-migrate", str(tagged)))
    home = tmp_path / "home"  # autoupdate builds no environment

    result = run(project, home, "autoupdate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"][0]["rev"] == rev

    git(tagged, "tag", "v0.1.0")
    result = run(project, home, "autoupdate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"][0]["rev"] == "v0.1.0"



def test_the_documented_local_hooks_match_the_shipped_ones():
    """docs/pre-commit.md's ``repo: local`` block (for a tool installed with
    pipx or in a venv; a sixth fresh reader found nothing to copy) keeps the
    flags and settings the shipped hooks need: one process, the repository as
    context, the user's excludes."""
    doc = (REPO / "docs" / "pre-commit.md").read_text()
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", doc, re.S).group(1)
    uncommented = re.sub(r"^(\s*)# (- id|  \w)", r"\1\2", block, flags=re.M)
    (local,) = yaml.safe_load(uncommented)["repos"]
    assert local["repo"] == "local"
    for hook in local["hooks"]:
        shipped = HOOKS[hook["id"]]
        assert hook["entry"] == shipped["entry"], hook["id"]
        assert hook["pass_filenames"] is True and hook["require_serial"] is True
        assert hook["language"] == "system"
