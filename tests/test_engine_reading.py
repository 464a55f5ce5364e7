"""The reading stage (engine/reading.py): bytes become text to analyse, text
that can only be searched, a reason to skip the file, or nothing to do."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ds_migrate.analyse import Options, process_file
from ds_migrate.analyse.reading import CLEAN, Reading, TextOnly, decode_python, decode_utf8, read_source
from ds_migrate.findings.lines import differing_span

LIMIT = 1024 * 1024  # shown as "1 MiB"
CALL = b'client.chat.completions.create(model="deepseek-chat", messages=[])\n'


def read(data: bytes, limit: int = LIMIT, decode=decode_utf8) -> Reading:
    return read_source(data, limit, decode)


def test_a_file_that_never_mentions_deepseek_is_clean():
    assert read(b"print('hello')\n") == CLEAN


def test_a_file_over_the_size_limit_that_mentions_deepseek_is_skipped():
    data = b"x" * LIMIT + b"DeepSeek-Chat"
    assert read(data) == Reading(skipped="larger than 1 MiB (--max-file-size)")


def test_a_file_over_the_size_limit_without_deepseek_is_clean_not_skipped():
    assert read(b"x" * (LIMIT + 1)) == CLEAN


def test_the_size_limit_is_shown_in_bytes_when_not_whole_mebibytes():
    assert read(CALL, limit=10).skipped == "larger than 10 bytes (--max-file-size)"


def test_a_nul_byte_makes_the_file_binary():
    assert read(b"\x00" + CALL) == Reading(skipped="binary (contains NUL bytes)")


def test_a_nul_byte_in_a_file_without_deepseek_is_not_reported():
    assert read(b"\x00\x01\x02") == CLEAN


def test_utf16_with_a_name_is_searched_as_text():
    reading = read(codecs.BOM_UTF16_LE + CALL.decode().encode("utf-16-le"))
    assert reading.text is None and reading.skipped is None
    assert reading.text_only == TextOnly(
        "UTF-16 encoded (byte order mark): Python source must be UTF-8 or declare its codec",
        CALL.decode(),
        "UTF-16 file",
    )


def test_utf16_without_a_name_is_clean():
    assert read(codecs.BOM_UTF16_BE + "x = 1\n".encode("utf-16-be")) == CLEAN


def test_utf16_that_does_not_decode_is_binary():
    assert read(codecs.BOM_UTF16_LE + b"\x00\xd8") == Reading(skipped="binary (UTF-16 byte order mark, undecodable)")


def test_utf16_over_the_size_limit_is_skipped_whatever_it_holds():
    assert read(codecs.BOM_UTF16_LE + b"x\x00" * 8, limit=10).skipped == "larger than 10 bytes (--max-file-size)"


def test_invalid_utf8_is_searched_as_latin1_text():
    data = b'model = "deepseek-chat"  # caf\xe9\n'
    assert read(data).text_only == TextOnly(
        "cannot decode: not valid utf-8 (byte 0xe9 at offset 30)", data.decode("latin-1"), "file could not be decoded"
    )


def test_a_utf8_bom_is_kept_out_of_the_text_and_in_the_codec():
    assert read(codecs.BOM_UTF8 + CALL) == Reading(text=CALL.decode(), encoding="utf-8-sig")


def test_python_source_honours_its_coding_cookie():
    data = b"# -*- coding: latin-1 -*-\nMODEL = 'deepseek-chat'  # caf\xe9\n"
    assert read(data, decode=decode_python) == Reading(text=data.decode("latin-1"), encoding="iso-8859-1")


def test_python_source_with_an_unknown_codec_is_searched_as_text():
    data = b"# -*- coding: no-such-codec -*-\nMODEL = 'deepseek-chat'\n"
    reading = read(data, decode=decode_python)
    assert reading.text_only is not None
    assert reading.text_only.problem.startswith("cannot decode: unknown encoding")
    assert reading.text_only.why == "file could not be decoded"


@pytest.mark.parametrize(
    ("path", "data", "skipped"),
    [
        ("a.py", b"\x00" + CALL, "binary (contains NUL bytes)"),
        ("a.json", b"\x00" + CALL, "binary (contains NUL bytes)"),
        ("a.py", CALL * 3, f"larger than {2 * len(CALL)} bytes (--max-file-size)"),
        ("a.js", CALL * 3, f"larger than {2 * len(CALL)} bytes (--max-file-size)"),
        ("notes", codecs.BOM_UTF16_LE + b"\x00\xd8", "binary (UTF-16 byte order mark, undecodable)"),
    ],
)
def test_every_file_kind_reports_the_skip_reason(path, data, skipped):
    processed = process_file(path, data, Options(max_file_size=2 * len(CALL)))
    assert processed.result.skipped == skipped
    assert processed.result.findings == [] and processed.text is None


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("a.py", "cannot decode: invalid or missing encoding declaration"),  # Python's own words (tokenize)
        ("a.js", "cannot decode: not valid utf-8 (byte 0xe9 at offset 30)"),
        ("notes", "cannot decode: not valid utf-8 (byte 0xe9 at offset 30)"),
    ],
)
def test_text_that_can_only_be_searched_reports_an_error_and_the_names(path, problem):
    processed = process_file(path, b'model = "deepseek-chat"  # caf\xe9\n', Options())
    (error,) = processed.result.errors
    assert error.message == f"{problem}; searched as text, not fixed"
    assert [f.legacy_name for f in processed.result.findings] != []
    assert processed.text is None and processed.fixed_text is None


def _differing_span_by_loop(old: str, new: str) -> tuple[int, int, int]:
    """The character loop SARIF regions were computed with before."""
    start, limit = 0, min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


@given(st.text("ab\n", max_size=12), st.text("ab\n", max_size=12))
def test_differing_span_agrees_with_the_character_loop(old, new):
    assert differing_span(old, new) == _differing_span_by_loop(old, new)


@pytest.mark.parametrize(
    ("old", "new", "span"),
    [
        ('m = "deepseek-chat"', 'm = "deepseek-v4-flash"', (14, 18, 22)),
        ("aaa", "aaaa", (3, 3, 4)),  # the shared end may not overlap the shared start
        ("same", "same", (4, 4, 4)),
        ("", "x", (0, 0, 1)),
    ],
)
def test_differing_span_examples(old, new, span):
    assert differing_span(old, new) == span
