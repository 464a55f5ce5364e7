"""DSM113 legacy-name-in-compat-code: a retired name beside a V4 id, in code that
already handles both: left as is."""

from conftest import fix


def test_table_key_already_holding_target_is_refused():
    before = 'PRICES = {"deepseek-v4-flash": 0.28, "deepseek-chat": 0.27}\n'
    assert fix(before, unsafe=True) == before
