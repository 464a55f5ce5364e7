"""Fuzzing over generated Python programs (hypothesmith), with legacy names
inserted into their string literals.

The normal suite runs a short profile; `pytest -m fuzz` runs thousands.
"""

from __future__ import annotations

import difflib
import io
import os
import tokenize

import hypothesmith
import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds_migrate.deepseek.names import find_legacy_names

from conftest import fix, scan_result

NAMES = ["deepseek-chat", "deepseek-reasoner", "deepseek/deepseek-chat", "deepseek-coder"]
# tokens a fix may add besides renamed strings: the thinking toggles
TOGGLE_TOKENS = {
    ",", "=", ":", "{", "}", "**", "extra_body", "thinking", "use_thinking", "True", "False", "1024",
    '"thinking"', '"type"', '"enabled"', '"disabled"', '"budget_tokens"',
    "'thinking'", "'type'", "'enabled'", "'disabled'", "'budget_tokens'",
}
_SKIP = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}


def tokens(source: str) -> list[tuple[int, str]]:
    # CPython 3.12+'s tokenize module rejects a lone CR that the compiler
    # accepts (a line end); both sides of a comparison get the same newlines
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return [
        (tok.type, tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type not in _SKIP
    ]


def plain_string_tokens(source: str):
    """(start offset, end offset) of plain string literals we can write into."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.STRING:
            continue
        prefix = tok.string[: len(tok.string) - len(tok.string.lstrip("rRuU"))]
        body = tok.string[len(prefix):]
        if not body or body[0] not in "'\"" or any(c in prefix.lower() for c in "bf"):
            continue
        quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
        start = starts[tok.start[0] - 1] + tok.start[1] + len(prefix) + len(quote)
        end = starts[tok.end[0] - 1] + tok.end[1] - len(quote)
        found.append((start, end))
    return found


PROGRAMS = hypothesmith.from_grammar()  # building the grammar is slow: once


@st.composite
def programs_with_names(draw):
    source = draw(PROGRAMS)
    try:
        spots = plain_string_tokens(source)
    except (tokenize.TokenError, SyntaxError, IndentationError, UnicodeDecodeError):
        spots = []  # UnicodeDecodeError: CPython 3.13.0's tokenize on some generated text
    inserted = []
    if spots:
        for start, end in draw(st.lists(st.sampled_from(spots), min_size=1, max_size=3, unique=True)):
            inserted.append((end, draw(st.sampled_from(NAMES))))
    else:
        source = source + ("\n" if source and not source.endswith("\n") else "") + 'x = ""\n'
        inserted.append((len(source) - 2, draw(st.sampled_from(NAMES))))
    # insert at the end of each string body, last first so offsets hold
    for offset, name in sorted(inserted, reverse=True):
        before = source[offset - 1] if offset else ""
        if before == "\\":
            continue
        source = source[:offset] + " " + name + " " + source[offset:]
    return source


def sliced_and_whole_agree(source: str) -> None:
    """Slicing (forced on wherever it can apply) changes nothing: the same
    findings, errors and fixed text as parsing the whole module."""
    from ds_migrate.analyse import Options, process_file
    from ds_migrate.python import slicing
    from ds_migrate.report.json_format import finding_dict

    outcomes = []
    saved = os.environ.get("DS_MIGRATE_NO_SLICING"), slicing.planner.WORTH_SLICING
    try:
        slicing.planner.WORTH_SLICING = 1.0
        for off in ("1", "0"):
            os.environ["DS_MIGRATE_NO_SLICING"] = off
            processed = process_file("t.py", source.encode(), Options(unsafe_fixes=True), want_fix=True)
            result = processed.result
            outcomes.append((
                [finding_dict(f) for f in result.findings + result.suppressed],
                [e.message for e in result.errors],
                processed.fixed_text,
            ))
    finally:
        slicing.planner.WORTH_SLICING = saved[1]
        if saved[0] is None:
            os.environ.pop("DS_MIGRATE_NO_SLICING", None)
        else:
            os.environ["DS_MIGRATE_NO_SLICING"] = saved[0]
    assert outcomes[0] == outcomes[1]


def check(source: str) -> None:
    sliced_and_whole_agree(source)
    result = scan_result(source)
    legacy = [f for f in result.findings + result.suppressed if f.legacy_name]
    names = find_legacy_names(source)
    assert len(legacy) == len(names)
    assert sorted(f.legacy_name for f in legacy) == sorted(n.text for n in names)

    fixed = fix(source, unsafe=True)
    if result.parsed:
        cst.parse_module(fixed)
    assert fix(fixed, unsafe=True) == fixed

    if fixed != source:
        old, new = tokens(source), tokens(fixed)
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            changed = old[i1:i2] + new[j1:j2]
            for kind, text in changed:
                assert kind in (tokenize.STRING, tokenize.COMMENT) or text in TOGGLE_TOKENS, (op, changed)


FAST = settings(max_examples=int(os.environ.get("DS_MIGRATE_FUZZ_EXAMPLES", "100")), deadline=None,
                suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=int(os.environ.get("DS_MIGRATE_FUZZ_LONG", "3000")), deadline=None,
                suppress_health_check=list(HealthCheck))


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@FAST
@given(programs_with_names())
def test_fuzz_short_profile(source):
    check(source)


@pytest.mark.fuzz
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@LONG
@given(programs_with_names())
def test_fuzz_long_profile(source):
    check(source)
