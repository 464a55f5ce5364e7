"""`fix` without `--write` (and `fix --diff`) is a preview: exit 1 only when
something would change, as ruff's `check --diff`; findings that no fix
touches are `scan`'s to gate on."""

import subprocess

from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_preview_exits_1_while_a_fix_is_pending(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    assert invoke("fix", "--diff", tmp_path).exit_code == 1
    assert invoke("fix", tmp_path).exit_code == 1


def test_preview_exits_0_after_the_fixes_were_written(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    # a warning no fix touches (DSM107: a name built at run time) stays behind
    (tmp_path / "pick.py").write_text('def model(kind):\n    return "deepseek-" + kind\n')
    (tmp_path / "CHANGELOG.md").write_text("- 1.0: moved to deepseek-reasoner\n")
    assert invoke("fix", "--write", tmp_path).exit_code == 1  # the warning remains
    for args in (("fix", "--diff"), ("fix",)):
        result = invoke(*args, tmp_path)
        assert "Would fix 0 findings" in result.output or result.stdout == ""
        assert result.exit_code == 0, result.output
    assert invoke("scan", tmp_path).exit_code == 1  # scan still gates on the warning


def test_diff_with_write_says_to_drop_diff(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("fix", "--diff", "--write", tmp_path)
    assert result.exit_code == 1
    assert (tmp_path / "app.py").read_text() == LEGACY  # as ruff: --diff never writes
    assert "--diff never writes: run the same command without --diff (`ds-migrate fix --write`)" in result.stderr
    assert "Run `ds-migrate fix --write` to apply them" not in result.output


def test_diff_alone_says_to_add_write(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    result = invoke("fix", "--diff", "--unsafe-fixes", tmp_path)
    assert "Run `ds-migrate fix --write --unsafe-fixes` to apply them." in result.stderr


def test_notes_say_what_the_fix_will_do_before_it_runs(tmp_path):
    """A scan or a preview has renamed nothing: its notes read as what the fix does."""
    (tmp_path / "cfg.py").write_text('import os\nm = os.getenv("M", "deepseek-chat")\n')
    (tmp_path / ".env.production").write_text("DEEPSEEK_MODEL=deepseek-reasoner\n")
    for args in (("scan",), ("fix",)):
        output = invoke(*args, tmp_path).output
        assert "renames the default; set thinking disabled where the request is made" in output
        assert "renames the value; set thinking enabled" in output
        assert "renamed the default" not in output and "renamed the value" not in output


STDIN = 'client.chat.completions.create(model="deepseek-chat", messages=[])\n'


def stdin_fix(tmp_path, monkeypatch, *args, text=STDIN):
    monkeypatch.chdir(tmp_path)  # outside this repository: its files would join the decision
    return CliRunner().invoke(main, ["fix", "--isolated", *args, "-"], input=text, catch_exceptions=False)


def test_diff_of_standard_input_is_a_patch_and_exits_1(tmp_path, monkeypatch):
    """As ruff's `check --diff --stdin-filename x.py -`."""
    result = stdin_fix(tmp_path, monkeypatch, "--diff", "--stdin-filename", "x.py")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n")
    assert '-client.chat.completions.create(model="deepseek-chat", messages=[])\n' in result.stdout
    assert '+client.chat.completions.create(model="deepseek-v4-flash"' in result.stdout
    (tmp_path / "x.py").write_text(STDIN)
    applied = subprocess.run(["git", "apply", "--check", "-"], cwd=tmp_path, input=result.stdout, text=True,
                             capture_output=True)
    assert applied.returncode == 0, applied.stderr
    clean = stdin_fix(tmp_path, monkeypatch, "--diff", "--stdin-filename", "y.py", text="x = 1\n")
    assert clean.exit_code == 0 and clean.stdout == ""


def test_fix_of_standard_input_prints_the_text_and_no_write_advice(tmp_path, monkeypatch):
    result = stdin_fix(tmp_path, monkeypatch, "--stdin-filename", "x.py")
    assert result.exit_code == 0, result.output  # fixed: nothing is left
    assert result.stdout.startswith('client.chat.completions.create(model="deepseek-v4-flash"')
    assert "--write" not in result.stderr, result.stderr
