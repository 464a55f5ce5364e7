"""DSM112 legacy-capability-entry: a table that describes models (prices, context
sizes): never renamed; the finding says to add a V4 entry."""

from conftest import codes, fix


def test_price_table_with_both_names_is_refused():
    before = 'PRICES = {\n    "deepseek-chat": 0.27,\n    "deepseek-reasoner": 0.55,\n}\n'
    assert codes(before) == ["DSM112", "DSM112"]  # prices describe a model: never renamed
    assert fix(before, unsafe=True) == before


def test_a_table_of_numbers_keyed_by_model_describes_models():
    before = 'export const PRICES = { "deepseek-chat": { input: 0.27, output: 1.1 } };\n'
    assert codes(before, path="a.ts") == ["DSM112"]
    assert fix(before, path="a.ts", unsafe=True) == before


def test_is_r1_predicate_is_never_renamed():
    source = 'def is_r1(name):\n    return name == "deepseek-reasoner"\n'
    assert codes(source) == ["DSM112"]
    assert fix(source, unsafe=True) == source
