"""Pattern 9: `fix --diff` is a valid patch for every file, whatever its line ends."""

from __future__ import annotations

import pytest

from projects import assert_diff_applies, diff_of, write_tree

SHAPES = {
    "no-final-newline": b'MODEL = "deepseek-chat"',
    "crlf": b'import os\r\nMODEL = "deepseek-chat"\r\n',
    "crlf-no-final-newline": b'import os\r\nMODEL = "deepseek-chat"',
    "lone-cr": b'import os\rMODEL = "deepseek-chat"\r',
    "mixed": b'import os\r\nx = 1\nMODEL = "deepseek-chat"\r\ny = 2',
    "yaml-no-final-newline": b"llm:\n  model: deepseek-chat",
    "js-no-final-newline": b'const cfg = { model: "deepseek-chat" };',
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_diff_applies_with_git(tmp_path, shape):
    data = SHAPES[shape]
    name = "c.yaml" if shape.startswith("yaml") else "a.js" if shape.startswith("js") else "a.py"
    write_tree(tmp_path, {name: data, "b.py": 'client.chat.completions.create(model="deepseek-chat", messages=m)'})
    diff = diff_of(tmp_path)
    assert f"a/" in diff and "deepseek-v4-flash" in diff
    assert_diff_applies(tmp_path, diff)


def test_two_files_without_final_newline_keep_their_headers_apart(tmp_path):
    write_tree(tmp_path, {"a.py": b'A = "deepseek-chat"', "b.py": b'B = "deepseek-chat"'})
    diff = diff_of(tmp_path)
    assert diff.count("\\ No newline at end of file") == 4
    for line in diff.splitlines():
        assert not ("--- " in line and not line.startswith("--- "))
    assert_diff_applies(tmp_path, diff)
