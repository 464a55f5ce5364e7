"""fix --interactive, driven through a pseudo-terminal."""

import os
import pty
import select
import subprocess
import time

from click.testing import CliRunner

from ds_migrate.cli.commands import main

SOURCE = (
    'a = client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    'b = client.chat.completions.create(model="deepseek-reasoner", messages=m)\n'
    'c = client.chat.completions.create(model="deepseek-chat", messages=n)\n'
)


def read_until(fd, text, timeout=30):
    seen = b""
    deadline = time.time() + timeout
    while text.encode() not in seen:
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {text!r}; got {seen.decode(errors='replace')!r}")
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen.decode(errors="replace")


def drive(exe, folder, answers):
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "TERM": "dumb"}
    process = subprocess.Popen(
        [exe, "fix", "--interactive", str(folder)], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    output = ""
    try:
        for answer in answers:
            output += read_until(master, "[q]uit")
            os.write(master, f"{answer}\r".encode())
        process.wait(timeout=60)
        try:
            while select.select([master], [], [], 0.2)[0]:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                output += chunk.decode(errors="replace")
        except OSError:
            pass
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.returncode, output


def test_yes_no_quit(ds_migrate_exe, tmp_path):
    path = tmp_path / "app.py"
    path.write_text(SOURCE)
    code, output = drive(ds_migrate_exe, tmp_path, ["y", "n", "q"])
    lines = path.read_text().splitlines()
    assert lines[0] == 'a = client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})'
    assert lines[1:] == SOURCE.splitlines()[1:]
    assert "DSM101" in output


def test_all_in_file(ds_migrate_exe, tmp_path):
    path = tmp_path / "app.py"
    path.write_text(SOURCE)
    code, _ = drive(ds_migrate_exe, tmp_path, ["n", "a"])
    lines = path.read_text().splitlines()
    assert lines[0] == SOURCE.splitlines()[0]
    assert "deepseek-v4-flash" in lines[1] and '"enabled"' in lines[1]
    assert "deepseek-v4-flash" in lines[2]
    assert code == 1  # the refused fix remains


def test_refuses_without_a_terminal(tmp_path):
    (tmp_path / "app.py").write_text(SOURCE)
    result = CliRunner().invoke(main, ["fix", "--interactive", str(tmp_path)], input="y\n")
    assert result.exit_code == 2
    assert "needs a terminal" in result.output
    assert (tmp_path / "app.py").read_text() == SOURCE


def test_progress_bar_on_a_terminal_for_long_runs(ds_migrate_exe, tmp_path):
    for i in range(320):
        (tmp_path / f"m{i}.py").write_text("x = 1\n")
    (tmp_path / "app.py").write_text(SOURCE)
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [ds_migrate_exe, "scan", "--jobs", "1", str(tmp_path)],
        stdin=slave, stdout=subprocess.DEVNULL, stderr=slave, env={**os.environ, "TERM": "xterm"},
    )
    os.close(slave)
    output = b""
    while process.poll() is None or select.select([master], [], [], 0.2)[0]:
        if select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    os.close(master)
    assert b"Scanning" in output


def test_no_progress_bar_when_not_a_terminal(tmp_path):
    for i in range(320):
        (tmp_path / f"m{i}.py").write_text("x = 1\n")
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert "Scanning" not in result.output
