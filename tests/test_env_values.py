""".env files read with the dotenv syntax (issue 23): quoting, ``export``,
comments and multi-line quoted values, with exact offsets."""

import pytest

from conftest import codes, fix, scan
from ds_migrate.languages.config_places import COMMENT, UNKNOWN, VALUE
from ds_migrate.languages.env_values import env_places


def _values(text):
    return [(p.key, text[p.start : p.end]) for p in env_places(text) if p.kind == VALUE]


def test_reader_finds_each_value_with_its_key():
    text = (
        "# comment\n"
        "export A=one  # trailing\n"
        'B="two words"\n'
        "D = spaced\n"
        'E="line one\nline two"\n'
        "F=\n"
        "G=x#not-a-comment\n"
        "'H'='quoted key'\n"
    )
    assert _values(text) == [
        ("A", "one"), ("B", "two words"), ("D", "spaced"), ("E", "line one\nline two"), ("F", ""),
        ("G", "x#not-a-comment"), ("H", "quoted key"),
    ]


def test_reader_marks_comments_and_lines_that_are_not_bindings():
    text = "# a\nA=1 # b\nnot a binding\nC='it''s'\n"
    kinds = [(p.kind, text[p.start : p.end]) for p in env_places(text)]
    assert (COMMENT, "# a") in kinds and (COMMENT, "# b") in kinds
    assert (UNKNOWN, "not a binding") in kinds
    assert (UNKNOWN, "C='it''s'") in kinds  # text after the closing quote: python-dotenv rejects it too


def test_crlf_values_end_before_the_line_end():
    assert _values("A=deepseek-chat\r\nB='x'\r\n") == [("A", "deepseek-chat"), ("B", "x")]


PROMPT_ENV = (
    "DEEPSEEK_MODEL=deepseek-chat\n"
    'SYSTEM_PROMPT="You are a support bot.\n'
    "If asked, say you run on model: deepseek-reasoner\n"
    'and nothing else."\n'
)


def test_multi_line_quoted_value_is_text_not_a_value():
    assert codes(PROMPT_ENV, path=".env") == ["DSM103", "DSM109"]
    assert fix(PROMPT_ENV, path=".env") == PROMPT_ENV.replace("=deepseek-chat", "=deepseek-v4-flash")


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param("export DEEPSEEK_MODEL='deepseek-chat'\n", "export DEEPSEEK_MODEL='deepseek-v4-flash'\n", id="export-single-quoted"),
        pytest.param("MODEL = deepseek-reasoner # prod\n", "MODEL = deepseek-v4-flash # prod\n", id="spaces-around-equals-and-comment"),
        pytest.param('MODEL="deepseek/deepseek-chat"\r\nX=1\r\n', 'MODEL="deepseek/deepseek-v4-flash"\r\nX=1\r\n', id="crlf-double-quoted-prefix"),
        pytest.param("MODEL=${LLM_MODEL:-deepseek-chat}\n", "MODEL=${LLM_MODEL:-deepseek-v4-flash}\n", id="interpolation-default"),
    ],
)
def test_values_are_renamed_by_the_safe_tier(before, after):
    assert fix(before, path=".env") == after


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("# we left deepseek-chat\nMODEL=x\n", id="comment-line"),
        pytest.param('GREETING="Hi from deepseek-chat"\n', id="sentence-in-quotes"),
        pytest.param("MODEL=deepseek-chat#canary\n", id="hash-without-blank-is-part-of-the-value"),
        pytest.param("this line is not a binding deepseek-chat\n", id="not-a-binding"),
    ],
)
def test_safe_tier_leaves_comments_text_and_junk(source):
    assert fix(source, path=".env") == source


def test_name_on_a_line_that_is_not_a_binding_has_no_fix():
    (finding,) = scan("oops deepseek-chat\n", path=".env")
    assert finding.code == "DSM109" and finding.fix is None
