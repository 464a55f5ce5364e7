"""INI/CFG read with configparser's grammar and positions (issue 23): a
continuation line inside a multi-line value is text, not an option."""

import pytest

from conftest import codes, fix, scan_result

MULTI = (
    "[bot]\n"
    "model = deepseek-chat\n"
    "prompt =\n"
    "    You are a router. Answer like:\n"
    "    model = deepseek-reasoner\n"
)


def test_continuation_line_is_text_not_an_option():
    assert codes(MULTI, path="bot.ini") == ["DSM103", "DSM109"]
    assert fix(MULTI, path="bot.ini") == MULTI.replace("model = deepseek-chat", "model = deepseek-v4-flash")


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param("[llm]\nmodel: deepseek-reasoner\n", "[llm]\nmodel: deepseek-v4-flash\n", id="colon-delimiter"),
        pytest.param("[llm]\nmodel = deepseek-chat ; cheap\n", "[llm]\nmodel = deepseek-v4-flash ; cheap\n", id="inline-comment"),
        pytest.param("[llm]\r\nmodel = deepseek/deepseek-chat\r\n", "[llm]\r\nmodel = deepseek/deepseek-v4-flash\r\n", id="crlf-prefix"),
    ],
)
def test_values_are_renamed_by_the_safe_tier(before, after):
    assert fix(before, path="app.cfg") == after


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("[llm]\n; we left deepseek-chat\nmodel = x\n", id="comment-line"),
        pytest.param("[llm]\ndescription = summaries by deepseek-chat\n", id="sentence"),
    ],
)
def test_safe_tier_leaves_comments_and_text(source):
    assert fix(source, path="app.ini") == source


def test_file_configparser_rejects_is_searched_as_text():
    result = scan_result("model = deepseek-chat\n", path="app.ini")
    assert [f.code for f in result.findings] == ["DSM109"] and result.findings[0].fix is None
    assert result.errors[0].message.startswith("not valid INI")
