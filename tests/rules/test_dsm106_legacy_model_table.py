"""DSM106 legacy-model-table: a retired name as a table key or collection member;
unsafe, and never renamed where two entries would merge."""

from conftest import codes, fix


def test_lookup_key_is_unsafe():
    before = 'price = PRICES["deepseek-chat"]\n'
    assert codes(before) == ["DSM106"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == 'price = PRICES["deepseek-v4-flash"]\n'
