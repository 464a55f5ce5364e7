import fnmatch
import os
import random
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.discover.listing import FileFilter, discover
from ds_migrate.discover.globs import globs_regex

LEGACY = 'MODEL = "deepseek-chat"\n'


def names(found, root):
    return sorted(Path(p).relative_to(root).as_posix() for p in found.files)


def make_tree(root):
    for rel in ("app.py", "pkg/mod.py", "pkg/data.txt", ".venv/lib/x.py", "node_modules/a.py", "build/gen.py", "ignored/skip.py"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(LEGACY)
    (root / ".gitignore").write_text("ignored/\n")


def test_default_excludes_and_gitignore_without_git(tmp_path):
    make_tree(tmp_path)
    found = discover([str(tmp_path)], FileFilter())
    # every text file is searched: data.txt and .gitignore as plain text
    assert names(found, tmp_path) == [".gitignore", "app.py", "pkg/data.txt", "pkg/mod.py"]


def test_gitignore_inside_a_git_work_tree(tmp_path):
    make_tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    found = discover([str(tmp_path)], FileFilter())
    assert names(found, tmp_path) == [".gitignore", "app.py", "pkg/data.txt", "pkg/mod.py"]


def test_no_respect_gitignore(tmp_path):
    make_tree(tmp_path)
    found = discover([str(tmp_path)], FileFilter(respect_gitignore=False))
    assert "ignored/skip.py" in names(found, tmp_path)


def test_extend_exclude_glob(tmp_path):
    make_tree(tmp_path)
    found = discover([str(tmp_path)], FileFilter(extend_exclude=("pkg",)))
    assert names(found, tmp_path) == [".gitignore", "app.py"]


def test_explicit_file_is_scanned_even_if_excluded(tmp_path):
    make_tree(tmp_path)
    target = tmp_path / "build" / "gen.py"
    assert discover([str(target)], FileFilter()).files == [str(target)]
    assert discover([str(target)], FileFilter(force_exclude=True)).files == []


def test_folder_symlink_loop_is_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.py").write_text(LEGACY)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = discover([str(tmp_path)], FileFilter(respect_gitignore=False))
    assert names(found, tmp_path) == ["a/x.py"]


def test_broken_symlink_is_reported_as_skipped(tmp_path):
    (tmp_path / "dead.py").symlink_to(tmp_path / "missing.py")
    found = discover([str(tmp_path)], FileFilter(respect_gitignore=False))
    assert found.files == []
    assert any("broken" in reason for _, reason in found.skipped)


def test_output_is_sorted_by_path_line_column(tmp_path):
    (tmp_path / "b.py").write_text(LEGACY + LEGACY)
    (tmp_path / "a.py").write_text(LEGACY)
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(tmp_path)])
    import json

    rows = [(f["path"], f["line"]) for f in json.loads(result.output)["findings"]]
    assert rows == sorted(rows) and len(rows) == 3


def test_files_without_deepseek_are_never_parsed(tmp_path, monkeypatch):
    import libcst

    (tmp_path / "plain.py").write_text("x = 1\n")

    def boom(*args, **kwargs):
        raise AssertionError("parsed a file that does not mention deepseek")

    monkeypatch.setattr(libcst, "parse_module", boom)
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_many_is_called_once_when_enough_files_are_found(tmp_path):
    for name in "abcde":
        (tmp_path / f"{name}.py").write_text("x = 1\n")
    calls = []
    found = discover([str(tmp_path)], FileFilter(), many=(3, lambda: calls.append(1)))
    assert len(found.files) == 5 and calls == [1]
    calls.clear()
    discover([str(tmp_path / "a.py"), str(tmp_path)], FileFilter(), many=(7, lambda: calls.append(1)))
    assert calls == []


def test_a_small_folder_does_not_start_workers(tmp_path, monkeypatch):
    from ds_migrate.discover import ripgrep
    from ds_migrate import pipeline

    started = []
    real = pipeline.start_workers
    monkeypatch.setattr(pipeline, "start_workers", lambda jobs: started.append(1) or real(jobs))
    (tmp_path / "app.py").write_text('MODEL = "deepseek-chat"\n')
    result = CliRunner().invoke(main, ["scan", "-q", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 1 and started == []
    for i in range(40):
        (tmp_path / f"m{i}.py").write_text('MODEL = "deepseek-chat"\n')
    result = CliRunner().invoke(main, ["scan", "-q", "--jobs", "2", str(tmp_path)])
    # 41 files, but 1 KB to parse: in this process (without ripgrep the walk forks
    # the workers as soon as it has found enough files, before any is read)
    assert result.exit_code == 1 and started == ([] if ripgrep.find_ripgrep() else [1])
    started.clear()
    padding = "x = 1\n" * (pipeline.PARALLEL_BYTES // 40 // 6 + 1)
    for i in range(40):
        (tmp_path / f"m{i}.py").write_text('MODEL = "deepseek-chat"\n' + padding)
    result = CliRunner().invoke(main, ["scan", "-q", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 1 and started == [1]


def test_display_path_is_relative_below_the_working_directory(tmp_path, monkeypatch):
    from ds_migrate.pipeline import display_path

    monkeypatch.chdir(tmp_path)
    here = str(tmp_path)
    cases = {
        "a.py": "a.py",
        "./pkg/../a.py": "a.py",
        f"{here}/pkg/a.py": "pkg/a.py",
        f"{here}/pkg/../a.py": "a.py",
        f"{here}//pkg/a.py": "pkg/a.py",
        f"{here}/../{tmp_path.name}/a.py": "a.py",
        f"{here}x/a.py": f"{here}x/a.py",  # a sibling with a longer name is not below here
        "/elsewhere/a.py": "/elsewhere/a.py",
    }
    for given, shown in cases.items():
        assert display_path(given) == shown, given
        assert display_path(given, here) == shown, given


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_tracked_file_replaced_by_a_pipe_is_skipped_in_a_git_tree(tmp_path):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "b.py").write_text("y = 2\n")
    subprocess.run(["git", "-C", str(tmp_path), "add", "."], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "commit", "-qm", "x"], check=True, env=env)
    (tmp_path / "a.py").unlink()
    os.mkfifo(tmp_path / "a.py")
    found = discover([str(tmp_path)], FileFilter())
    assert [os.path.basename(p) for p in found.files] == ["b.py"]
    assert [(os.path.basename(p), why) for p, why in found.skipped] == [
        ("a.py", "not a regular file (pipe, socket or device)")
    ]


def make_mixed_tree(root):
    (root / "notes.txt").write_text("we still call deepseek-chat\n")
    (root / "Makefile").write_text("run:\n\tMODEL=deepseek-chat python app.py\n")
    (root / "main.go").write_text('package main\nconst M = "deepseek-chat"\n')
    (root / "logo.PNG").write_bytes(b"\x89PNG deepseek-chat")
    (root / "weights.onnx").write_bytes(b"deepseek-reasoner")
    (root / "blob.dat").write_bytes(b"deepseek-chat\x00\x01")


@pytest.mark.parametrize("git", [False, True])
def test_every_text_file_is_found_but_binary_extensions(tmp_path, git):
    make_mixed_tree(tmp_path)
    if git:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    found = discover([str(tmp_path)], FileFilter())
    assert names(found, tmp_path) == ["Makefile", "blob.dat", "main.go", "notes.txt"]


def test_summary_counts_files_searched_as_plain_text(tmp_path):
    import json

    make_mixed_tree(tmp_path)
    document = json.loads(CliRunner().invoke(main, ["scan", "--format", "json", str(tmp_path)]).output)
    by_file = {}
    for finding in document["findings"]:
        by_file.setdefault(Path(finding["path"]).name, []).append((finding["line"], finding["code"], finding["fix"]))
    # kinds nothing parses: report only, at the line
    assert by_file["notes.txt"] == [(1, "DSM109", "none")]
    assert by_file["Makefile"] == [(2, "DSM109", "none")]
    assert by_file["main.go"] == [(2, "DSM103", "safe")]
    assert "logo.PNG" not in by_file and "weights.onnx" not in by_file
    assert [Path(s["path"]).name for s in document["skipped"]] == ["blob.dat"]  # NUL bytes
    # notes.txt, Makefile and blob.dat have no handler; blob.dat was skipped
    assert document["summary"]["files_as_text"] == 2
    assert document["summary"]["files_scanned"] == 3
    assert "(2 as plain text)" in CliRunner().invoke(main, ["scan", str(tmp_path)]).output


def test_git_and_plain_walks_treat_links_alike(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    (tree / "ok.py").write_text(LEGACY)
    (tmp_path / "outside.py").write_text(LEGACY)
    (tree / "alias.py").symlink_to(tree / "ok.py")
    (tree / "dead.py").symlink_to(tree / "missing.py")
    (tree / "gone.py").symlink_to(tmp_path / "missing.py")  # broken, and would point out of the tree
    (tree / "out.py").symlink_to(tmp_path / "outside.py")
    (tree / "loop_a.py").symlink_to(tree / "loop_b.py")
    (tree / "loop_b.py").symlink_to(tree / "loop_a.py")

    def seen(found):
        skipped = sorted((Path(p).relative_to(tree).as_posix(), why) for p, why in found.skipped)
        return names(found, tree), skipped

    expected = (
        ["alias.py", "ok.py"],
        [
            ("dead.py", "broken symbolic link"),
            ("gone.py", "broken symbolic link"),
            ("loop_a.py", "broken symbolic link"),
            ("loop_b.py", "broken symbolic link"),
            ("out.py", "symbolic link out of the scanned folder"),
        ],
    )
    assert seen(discover([str(tree)], FileFilter(respect_gitignore=False))) == expected
    assert seen(discover([str(tree)], FileFilter())) == expected  # git lists the files


@pytest.mark.parametrize(
    "globs",
    [
        ("*.py", "*.pyi", "*.js", "*.json", "*.jsx", "*.ts", "Dockerfile", "Dockerfile.*", ".env", ".env.*", "*.env"),
        ("*.c++", "a?b", "[ab].x", "*", "*.", "x*.y"),
        (),
    ],
)
def test_globs_joined_in_one_pattern_match_as_fnmatch_does(globs):
    pattern = re.compile(globs_regex(globs))
    rng = random.Random(7)
    names = ["".join(rng.choice("pyijsontxD.ckerfil+ab\n*?") for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    names += ["a.py", "a.PY", "x.json", "x.js.bak", ".env", "prod.env", "Dockerfile.dev", "a.b.c++", "ab", "a\nb.py"]
    for name in names:
        assert bool(pattern.match(name)) == any(fnmatch.fnmatchcase(name, g) for g in globs), repr(name)
