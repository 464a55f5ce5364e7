"""What a file is: the tool and its pre-commit hooks agree.

pre-commit chooses the files a hook gets with identify's tags; the tool
searches every text file and parses the kinds its handlers know. So the
hooks ask for every text file (``types_or`` includes ``text``), and each kind the tool
handles reaches them. A script without an extension is Python when its
``#!`` line runs python, as identify says too.
"""

from __future__ import annotations

import pytest

from conftest import REPO
from ds_migrate.languages import is_python

identify = pytest.importorskip("identify.identify")  # comes with pre-commit (dev extra)
yaml = pytest.importorskip("yaml")

# one file of each kind the tool reads (name -> text), handlers' odd names included
KINDS = {
    "app.py": 'MODEL = "deepseek-chat"\n',
    "tool": '#!/usr/bin/env python3\nMODEL = "deepseek-chat"\n',
    "app.ts": 'const m = "deepseek-chat";\n',
    "app.mjs": 'const m = "deepseek-chat";\n',
    "main.go": 'package main\nconst m = "deepseek-chat"\n',
    "Main.java": 'class M { String m = "deepseek-chat"; }\n',
    "main.rs": 'const M: &str = "deepseek-chat";\n',
    "app.rb": 'M = "deepseek-chat"\n',
    "app.php": '<?php $m = "deepseek-chat";\n',
    "App.cs": 'class M { string m = "deepseek-chat"; }\n',
    "App.kt": 'val m = "deepseek-chat"\n',
    ".env": "DEEPSEEK_MODEL=deepseek-chat\n",
    ".env.local": "DEEPSEEK_MODEL=deepseek-chat\n",
    "settings.cfg": "[llm]\nmodel = deepseek-chat\n",
    "llm.yaml": "model: deepseek-chat\n",
    "llm.toml": 'model = "deepseek-chat"\n',
    "llm.json": '{"model": "deepseek-chat"}\n',
    "Dockerfile": "ENV MODEL=deepseek-chat\n",
    "call.sh": "curl -d '{\"model\": \"deepseek-chat\"}'\n",
    "notes.md": "We use `deepseek-chat`.\n",
    "notes.txt": "deepseek-chat\n",
    "nb.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
}


def _hooks():
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())


def _passes(hook: dict, tags: set[str]) -> bool:
    """pre-commit's choice: every one of ``types``, one of ``types_or``, none of ``exclude_types``."""
    types = set(hook.get("types", ["file"]))
    types_or = set(hook.get("types_or", []))
    return types <= tags and (not types_or or bool(types_or & tags)) and not set(hook.get("exclude_types", [])) & tags


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_the_tool_reads_reaches_its_hooks(tmp_path, name):
    path = tmp_path / name
    path.write_text(KINDS[name])
    tags = identify.tags_from_path(str(path))
    for hook in _hooks():
        assert _passes(hook, tags), (hook["id"], name, sorted(tags))


def test_binary_files_do_not_reach_the_hooks(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00deepseek-chat")
    tags = identify.tags_from_path(str(path))
    assert not any(_passes(hook, tags) for hook in _hooks())


@pytest.mark.parametrize(
    "first_bytes, python",
    [
        (b"#!/usr/bin/env python3\n", True),
        (b"#!/usr/bin/python3.11\nx = 1\n", True),
        (b"#! /usr/bin/env python\n", True),
        (b"#!/usr/bin/env -S python3 -u\n", True),
        (b"#!/bin/sh\n# then runs python\nexec python3 x.py\n", False),
        (b"#!/usr/bin/env bash\npython -m app\n", False),
        (b"#!/opt/python/bin/node\n", False),
        (b"x = 1  # python\n", False),
    ],
)
def test_a_script_is_python_by_its_interpreter(tmp_path, first_bytes, python):
    assert is_python("tool", first_bytes) is python
    path = tmp_path / "tool"
    path.write_bytes(first_bytes)
    path.chmod(0o755)  # identify reads the #! line of executable files only
    assert ("python" in identify.tags_from_path(str(path))) is python  # identify agrees


def test_each_handler_takes_its_file_names_from_the_one_table():
    """Discovery reads languages/kinds.PATTERNS without importing a handler;
    a handler whose names were written elsewhere would be parsed by the
    tool but counted as plain text by discovery (or the other way round)."""
    from ds_migrate.languages import all_handlers
    from ds_migrate.languages.kinds import PATTERNS

    with_names = {h.kind: h.patterns for h in all_handlers() if h.patterns}
    assert with_names == PATTERNS


def test_telling_parsed_files_from_text_imports_no_handler_nor_libcst():
    """On a big tree with a few Python hits, discovery's question ran the
    import of every handler, the rules and libcst on the main thread while
    the preload thread was importing libcst too: they waited on each other."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from ds_migrate.languages import searched_as_text\n"
        "assert not searched_as_text('app.yaml') and searched_as_text('notes.txt')\n"
        "print(sorted(m for m in sys.modules if m == 'libcst' or m.startswith(('ds_migrate.rules', 'ds_migrate.python'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
