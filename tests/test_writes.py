"""Writes are atomic, verified, and never clobber a file that changed."""

import os

import pytest

from ds_migrate.apply import writer
from ds_migrate.discover.listing import FileFilter
from ds_migrate.analyse import Options
from ds_migrate.pipeline import run

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def test_write_keeps_file_mode(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    os.chmod(path, 0o751)
    run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert "deepseek-v4-flash" in path.read_text()
    assert os.stat(path).st_mode & 0o777 == 0o751


def test_failed_rename_leaves_original_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", failing_replace)
    outcome = run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert path.read_text() == LEGACY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]
    assert any("cannot write" in e.message for e in outcome.errors)


def test_failed_write_leaves_original(tmp_path, monkeypatch):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)

    def failing_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(writer.os, "fsync", failing_fsync)
    run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert path.read_text() == LEGACY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]


def test_file_changed_since_read_is_not_written(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    with pytest.raises(writer.FileChangedError):
        writer.write_atomically(str(path), b"new", expected=b"something else")
    assert path.read_text() == LEGACY


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.py").write_text("def f(:\n  'deepseek-chat'\n")
    (tmp_path / "b.py").write_text(LEGACY)
    outcome = run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert "deepseek-v4-flash" in (tmp_path / "b.py").read_text()
    assert (tmp_path / "a.py").read_text() == "def f(:\n  'deepseek-chat'\n"
    assert len(outcome.errors) == 1


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    import builtins

    path = tmp_path / "secret.py"
    path.write_text(LEGACY)
    (tmp_path / "ok.py").write_text(LEGACY)
    real_open = builtins.open

    def denying_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denying_open)
    outcome = run([str(tmp_path)], Options(), FileFilter())
    assert [e.message for e in outcome.errors] == ["cannot read: Permission denied"]
    assert [f.path.endswith("ok.py") for f in outcome.findings] == [True]


def test_fix_that_does_not_parse_is_never_written(tmp_path, monkeypatch):
    from ds_migrate.python import rewrite

    path = tmp_path / "app.py"
    path.write_text(LEGACY)
    monkeypatch.setattr(rewrite, "apply_fixes", lambda *args: "def broken(:\n")
    outcome = run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert path.read_text() == LEGACY
    assert any("did not verify" in e.message for e in outcome.errors)


def test_a_spliced_statement_that_does_not_parse_is_never_written(tmp_path, monkeypatch):
    # with a plan, only the changed top-level statements are checked: a
    # fix that breaks its statement must still be caught there
    from ds_migrate.python import slicing

    source = "import os\n\n" + LEGACY + "\n\ndef other():\n    return os.sep\n"
    path = tmp_path / "app.py"
    path.write_text(source)
    real = slicing.splice

    def breaking(original, plan, module, new_module, changed=None):
        fixed = real(original, plan, module, new_module, changed)
        changed[:] = [part.replace("create(", "create((") for part in changed]
        return fixed.replace("create(", "create((")

    monkeypatch.setattr(slicing, "splice", breaking)
    outcome = run([str(tmp_path)], Options(), FileFilter(), want_fix=True, write=True)
    assert path.read_text() == source
    assert any("did not verify" in e.message for e in outcome.errors)
