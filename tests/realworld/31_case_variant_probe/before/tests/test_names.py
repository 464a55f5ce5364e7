import pytest

from pkg.names import normalise


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("DeepSeek-Reasoner", "deepseek-reasoner"),
        ("  deepseek-chat ", "deepseek-chat"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected
