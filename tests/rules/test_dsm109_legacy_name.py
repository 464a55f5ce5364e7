"""DSM109 legacy-name: a retired name anywhere else in code or text; renamed
only with --unsafe-fixes."""

import pytest

from conftest import codes, fix, scan


def test_string_mentioning_a_name_is_unsafe():
    before = 'log.info("calling deepseek-chat now")\n'
    assert codes(before) == ["DSM109"]
    assert fix(before) == before


def test_two_names_in_one_string_are_two_findings():
    before = 'HELP = "choose deepseek-chat or deepseek-reasoner"\n'
    assert codes(before) == ["DSM109", "DSM109"]
    # renaming both would print "choose deepseek-v4-flash or deepseek-v4-flash" (issue 23): left as is
    assert fix(before, unsafe=True) == before


def test_name_outside_any_string_is_still_reported():
    before = "x = deepseek-chat\n"  # subtraction of two names
    (finding,) = scan(before)
    assert finding.code == "DSM109" and finding.legacy_name == "deepseek-chat"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('m = "deepseek-chat-v3-0324"\n', id="longer-openrouter-slug"),
        pytest.param('m = "whisper-and-deepseek-chat"\n', id="inside-a-longer-word"),
        pytest.param("deepseek_chat = 1\n", id="python-identifier"),
        pytest.param('m = "deepseek-v4-flash"\n', id="current-id"),
    ],
)
def test_not_legacy_names_produce_nothing(source):
    assert scan(source) == []


def test_js_longer_openrouter_slug_is_not_legacy():
    assert scan('const m = "deepseek/deepseek-chat-v3-0324";\n', path="a.js") == []


def test_name_in_a_file_that_does_not_parse_is_reported_and_not_rewritten():
    before = 'def f(:\n    return "deepseek-chat"\n'
    assert codes(before) == ["DSM109"]
    assert fix(before, unsafe=True) == before
