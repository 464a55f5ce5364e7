"""DSM112 legacy-capability-entry: a table that describes models (prices, context
sizes): never renamed; the finding says to add a V4 entry."""

from conftest import codes, fix, scan


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


def test_the_finding_says_what_makes_it_a_capability_entry():
    # (source, what the message names); TABLE says nothing itself, so the value decides
    cases = [
        ('if "deepseek-reasoner" in model:\n    pass\n', "substring predicate"),
        ('if model.startswith("deepseek-reasoner"):\n    pass\n', "prefix predicate"),
        ('if model.endswith("deepseek-reasoner"):\n    pass\n', "prefix predicate"),
        ('if model.find("deepseek-reasoner") >= 0:\n    pass\n', "prefix predicate"),
        ('at = model.index("deepseek-reasoner")\n', "prefix predicate"),
        ('n = model.count("deepseek-reasoner")\n', "prefix predicate"),
        ('TABLE = {"deepseek-chat": 64 * 1024}\n', "prices, limits or sizes"),
        ('TABLE = {"deepseek-chat": -1}\n', "prices, limits or sizes"),
        ('TABLE = {"deepseek-chat": (0.27, 1.1)}\n', "prices, limits or sizes"),
        ('TABLE = {"deepseek-chat": {"input": 0.27, "name": "x"}}\n', "prices, limits or sizes"),
        ('def is_r1(name):\n    return name == "deepseek-reasoner"\n', "'is_r1'"),
        ('thinking_models: list = ["deepseek-reasoner"]\n', "'thinking_models'"),
        ('cfg.thinking_models = ["deepseek-reasoner"]\n', "'thinking_models'"),
    ]
    for source, kind in cases:
        (finding,) = scan(source)
        assert finding.code == "DSM112", source
        assert f"in a capability table or predicate ({kind}): " in finding.message, (source, finding.message)


def test_a_table_whose_values_are_not_all_numbers_is_a_model_table():
    for value in ("[0.27, x]", "64 * x", '{"name": "x"}', "{**base}", "()"):
        assert codes(f'TABLE = {{"deepseek-chat": {value}}}\n') == ["DSM106"], value
    # a membership test in a list picks a model; a comparison outside a predicate's return too
    assert codes('if "deepseek-reasoner" in [model]:\n    pass\n') == ["DSM105"]
    assert codes('def pick(name):\n    return name == "deepseek-reasoner"\n') == ["DSM105"]
    assert codes('def is_r1(name):\n    x = name == "deepseek-reasoner"\n') == ["DSM105"]


def test_a_ts_table_given_the_target_entry_is_compat_code():
    """The plan asks for the V4 entry beside the legacy one: once it is there
    the legacy keys are compat code (DSM113), held back by nothing and never
    renamed; an entry for another V4 id (Pro) is not the one a renamed value
    looks up, so the legacy keys stay capability entries."""
    given = "export const RATES = {\n  'deepseek-v4-flash': { input: 0.14 },\n  'deepseek-chat': { input: 0.14 },\n};\n"
    assert codes(given, path="a.ts") == ["DSM113"]
    assert fix(given, path="a.ts", unsafe=True) == given
    other = given.replace("deepseek-v4-flash", "deepseek-v4-pro")
    assert codes(other, path="a.ts") == ["DSM112"]
    assert codes(given, path="a.ts", target="deepseek-v4-pro") == ["DSM112"]
