"""Line ends round-trip byte-exact in every file kind: LF, CRLF, lone CR, mixed, none at the end.

``fix`` changes the renamed tokens and nothing else; an inserted toggle uses
the line end of the lines around it; ``fix --diff`` applied with ``git
apply`` gives the same bytes as ``fix --write``.
"""

import os
import shutil
import subprocess
import tempfile

import pytest
from click.testing import CliRunner
from conftest import fix
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds_migrate.cli.commands import main

# per kind: (first line or None, a line the fix renames, a line it leaves, line ends the format allows)
ANY = ("\n", "\r\n", "\r")
LF_CRLF = ("\n", "\r\n")  # lone CR is no line end in these formats: such a file does not parse
KINDS = {
    "a.py": (None, 'M{i} = "deepseek-chat"', "x{i} = 1", ANY),
    "a.js": (None, 'const m{i} = "deepseek-chat";', "let x{i} = 1;", ANY),
    "a.ts": (None, 'const m{i}: string = "deepseek-chat";', "let x{i} = 1;", ANY),
    "main.go": ("package main", 'const M{i} = "deepseek-chat"', "var x{i} = 1", LF_CRLF),
    "A.java": (None, 'class M{i} {{ static final String M = "deepseek-chat"; }}', "class X{i} {{}}", ANY),
    "a.kt": (None, 'const val M{i} = "deepseek-chat"', "val x{i} = 1", LF_CRLF),
    "main.rs": (None, 'const M{i}: &str = "deepseek-chat";', "const X{i}: i32 = 1;", ANY),
    "a.rb": (None, 'M{i} = "deepseek-chat"', "x{i} = 1", LF_CRLF),
    "a.php": ("<?php", "$m{i} = 'deepseek-chat';", "$x{i} = 1;", ANY),
    "A.cs": (None, 'class M{i} {{ const string M = "deepseek-chat"; }}', "class X{i} {{}}", ANY),
    "c.yaml": (None, "model{i}: deepseek-chat", "x{i}: 1", ANY),
    ".env": (None, "MODEL{i}=deepseek-chat", "X{i}=1", LF_CRLF),
    "c.toml": (None, 'model{i} = "deepseek-chat"', "x{i} = 1", LF_CRLF),
}
# kinds that report and never fix: their bytes must come back untouched
REPORT_ONLY = {
    "notes.txt": "we used deepseek-chat ({i})",
    "data.csv": "deepseek,deepseek-chat,{i}",
}


@st.composite
def files(draw, allowed_kinds=tuple(KINDS), ends=None):
    path = draw(st.sampled_from(allowed_kinds))
    first, renamed, plain, allowed = KINDS[path]
    allowed = tuple(e for e in allowed if ends is None or e in ends)
    lines = [] if first is None else [first]
    count = draw(st.integers(1, 6))
    for i in range(count):
        lines.append((renamed if draw(st.booleans()) or i == 0 else plain).format(i=i))
    text = ""
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        end = draw(st.sampled_from(allowed + ("",))) if last else draw(st.sampled_from(allowed))
        text += line + end
    return path, text.encode()


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(files())
def test_fix_changes_the_names_and_no_line_end(case):
    path, data = case
    fixed = fix(data, path=path)
    assert fixed == data.replace(b"deepseek-chat", b"deepseek-v4-flash")
    assert fix(fixed, path=path) == fixed


@SETTINGS
@given(st.sampled_from(sorted(REPORT_ONLY)), st.lists(st.sampled_from(ANY), min_size=1, max_size=5),
       st.sampled_from(ANY + ("",)))
def test_report_only_kinds_come_back_identical(path, ends, final):
    data = "".join(REPORT_ONLY[path].format(i=i) + end for i, end in enumerate(ends))
    data = (data[: -len(ends[-1])] + final).encode()
    assert fix(data, unsafe=True, path=path) == data


@pytest.mark.parametrize("newline", ANY)
def test_lone_cr_python_keeps_its_last_line_end(newline):
    data = f'import os{newline}MODEL = "deepseek-chat"{newline}'.encode()
    assert fix(data) == data.replace(b"deepseek-chat", b"deepseek-v4-flash")


# an inserted toggle takes the line end of the lines around it
TOGGLES = {
    "a.rb": (
        ["client.chat(", "  parameters: {", '    model: "deepseek-chat",', "    messages: m,", "  }", ")"],
        ["client.chat(", "  parameters: {", '    model: "deepseek-v4-flash",', "    messages: m,",
         '    thinking: { type: "disabled" },', "  }", ")"],
    ),
    "a.php": (
        ["<?php", "$r = $client->chat()->create([", "    'model' => 'deepseek-chat',", "    'messages' => $m", "]);"],
        ["<?php", "$r = $client->chat()->create([", "    'model' => 'deepseek-v4-flash',", "    'messages' => $m,",
         "    'thinking' => ['type' => 'disabled']", "]);"],
    ),
    "A.java": (
        ["class A {", "  Object p = ChatCompletionCreateParams.builder()", '      .model("deepseek-chat")',
         "      .build();", "}"],
        ["class A {", "  Object p = ChatCompletionCreateParams.builder()", '      .model("deepseek-v4-flash")',
         '      .putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(java.util.Collections.singletonMap("type", "disabled")))',
         "      .build();", "}"],
    ),
    "a.js": (
        ["openai.chat.completions.create({", '  model: "deepseek-chat",', "  messages,", "});"],
        ["openai.chat.completions.create({", '  model: "deepseek-v4-flash",', "  messages,",
         '  thinking: { type: "disabled" },', "});"],
    ),
}


@pytest.mark.parametrize("path", sorted(TOGGLES))
@pytest.mark.parametrize("newline", ANY)
def test_inserted_toggle_uses_the_files_line_end(path, newline):
    before, after = TOGGLES[path]
    data = newline.join(before) + newline
    assert fix(data.encode(), path=path) == (newline.join(after) + newline).encode()


# -- fix --diff | git apply ----------------------------------------------------------------

GIT = shutil.which("git")


def diff_applies(path: str, data: bytes) -> tuple[bytes, bytes]:
    """(bytes after fix --write, bytes after git apply of fix --diff)."""
    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, path)
        with open(target, "wb") as handle:
            handle.write(data)
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            patch = CliRunner().invoke(main, ["fix", "--diff", path]).stdout_bytes
            with open("fix.patch", "wb") as handle:
                handle.write(patch)
            subprocess.run([GIT, "apply", "fix.patch"], check=True, capture_output=True)
            with open(path, "rb") as handle:
                applied = handle.read()
        finally:
            os.chdir(cwd)
    return fix(data, path=path), applied


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(allowed_kinds=("a.py", "a.js", "main.go", "a.rb", "c.yaml"), ends=LF_CRLF))
def test_diff_applies_for_lf_and_crlf_files(case):
    path, data = case
    if not data.endswith(b"\n"):
        data += b"\n"
    written, applied = diff_applies(path, data)
    assert applied == written


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(allowed_kinds=("a.py", "a.js", "a.rb", "c.yaml")))
def test_diff_applies_for_every_line_end_mix(case):
    path, data = case
    written, applied = diff_applies(path, data)
    assert applied == written


@pytest.mark.parametrize("name", ["a.py", "a.rb", "c.yaml", "A.java"])
def test_fix_write_keeps_a_lone_cr_file_byte_exact(tmp_path, name):
    first, renamed, plain, allowed = KINDS[name]
    newline = "\r" if "\r" in allowed else "\r\n"
    lines = ([first] if first else []) + [renamed.format(i=0), plain.format(i=1)]
    data = (newline.join(lines) + newline).encode()
    target = tmp_path / name
    target.write_bytes(data)
    CliRunner().invoke(main, ["fix", "--write", str(target)])
    assert target.read_bytes() == data.replace(b"deepseek-chat", b"deepseek-v4-flash")
