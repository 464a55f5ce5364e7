import contextlib
import io
import os
import re

import ds_migrate

from conftest import REPO


def test_library_example_runs_as_documented():
    page = (REPO / "docs" / "library.md").read_text()
    block = re.search(r"```python\n(.*?)```", page, re.S).group(1)
    expected = re.search(r"# (r = client.*)\n", block).group(1)
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(block, "docs/library.md", "exec"), {})  # noqa: S102 - our own documentation
    finally:
        os.chdir(cwd)
    lines = out.getvalue().splitlines()
    assert lines[0] == expected
    assert any(" DSM101 deepseek-chat" in line for line in lines[1:])


def test_fix_source_leaves_unparsable_text_alone():
    text = 'def f(:\n  "deepseek-chat"\n'
    assert ds_migrate.fix_source(text) == text


def test_fix_source_honours_a_coding_cookie():
    text = '# -*- coding: latin-1 -*-\n# café\nMODEL = "deepseek-chat"\n'
    assert ds_migrate.fix_source(text) == text.replace("deepseek-chat", "deepseek-v4-flash")


def test_scan_paths_accepts_a_single_path(tmp_path):
    # a copy outside this repository: a file named inside a work tree takes the
    # tree's other files naming its ids into the decision (hundreds here: 40 s)
    copy = tmp_path / "completion.py"
    copy.write_bytes((REPO / "examples" / "chatbot" / "completion.py").read_bytes())
    findings = ds_migrate.scan_paths(str(copy))
    assert [f.code for f in findings] == ["DSM101"]


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, ds_migrate; print('libcst' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "False False"
