"""Markdown code blocks found by markdown-it-py (issue 23), with exact offsets."""

import pytest

from conftest import codes, fix
from ds_migrate.languages.markdown_fences import fences, line_starts

CALL = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
FIXED = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'


def _block(text: str, fence) -> str:
    return text[fence.start : fence.end]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_fence_offsets_are_exact_for_every_line_end(newline):
    text = f"# T{newline}{newline}```python{newline}x = 1{newline}y = 2{newline}```{newline}after{newline}"
    (fence,) = fences(text)
    assert fence.language == "python"
    assert _block(text, fence) == f"x = 1{newline}y = 2{newline}"


def test_line_starts_count_every_line_end():
    assert line_starts("a\r\nb\rc\nd") == [0, 3, 5, 7]
    assert line_starts("a\n") == [0]


def test_unclosed_fence_runs_to_the_end_of_the_file():
    text = "Intro\n\n~~~yaml\nmodel: deepseek-chat\n"
    (fence,) = fences(text)
    assert (fence.language, _block(text, fence)) == ("yaml", "model: deepseek-chat\n")


def test_unclosed_fence_without_a_final_newline():
    text = "```sh\nexport M=deepseek-chat"
    (fence,) = fences(text)
    assert _block(text, fence) == "export M=deepseek-chat"


def test_longer_closing_fence_closes_and_shorter_one_does_not():
    text = "````python\nx = '```'\n```\ny = 1\n`````\ntail\n"
    (fence,) = fences(text)
    assert _block(text, fence) == "x = '```'\n```\ny = 1\n"


def test_info_string_attributes_and_braces():
    text = '```python title="a.py" hl_lines="2"\na\n```\n\n``` {.yaml}\nb\n```\n'
    assert [f.language for f in fences(text)] == ["python", "yaml"]


def test_fence_inside_a_list_item_keeps_the_indent_in_its_span():
    text = "1. Call:\n\n   ```python\n   x = 1\n\n   y = 2\n   ```\n"
    (fence,) = fences(text)
    assert _block(text, fence) == "   x = 1\n\n   y = 2\n"


def test_fence_in_a_block_quote_is_not_cut_out():
    assert fences("> ```python\n> x = 1\n> ```\n") == []


def test_fence_shown_inside_a_longer_fence_is_text_of_that_block():
    text = "````markdown\n```python\nx = 1\n```\n````\n"
    assert [f.language for f in fences(text)] == ["markdown"]


def test_crlf_python_block_is_fixed_with_unsafe_fixes_and_keeps_crlf():
    before = f"# Use\r\n\r\n```python\r\n{CALL}```\r\n".replace(CALL, CALL.replace("\n", "\r\n"))
    assert codes(before, path="README.md") == ["DSM101"]
    assert fix(before, path="README.md") == before
    assert fix(before, path="README.md", unsafe=True) == before.replace(CALL.replace("\n", "\r\n"), FIXED.replace("\n", "\r\n"))


def test_list_item_fence_is_fixed_with_its_indent():
    before = f"1. Call it:\n\n   ```py\n   {CALL}   ```\n"
    assert fix(before, path="docs/a.md", unsafe=True) == before.replace(CALL, FIXED)


def test_unclosed_python_fence_at_the_end_is_fixed_as_code():
    before = f"```python\n{CALL}"
    assert codes(before, path="a.md") == ["DSM101"]
    assert fix(before, path="a.md", unsafe=True) == f"```python\n{FIXED}"


def test_block_quote_code_is_prose_renamed_only():
    before = f"> ```python\n> {CALL}> ```\n"
    assert codes(before, path="a.md") == ["DSM108"]
    assert fix(before, path="a.md", unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_current_ids_in_a_fence_are_left_alone():
    source = '```python\nclient.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n```\n'
    assert fix(source, path="a.md", unsafe=True) == source


def test_rst_code_block_is_still_read():
    source = ".. code-block:: python\n\n   " + CALL
    assert codes(source, path="docs/a.rst") == ["DSM101"]
