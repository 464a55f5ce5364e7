"""DSM106 legacy-model-table: a retired name as a table key or collection member;
unsafe, and never renamed where two entries would merge."""

from conftest import codes, fix, scan


def test_lookup_key_is_unsafe():
    before = 'price = PRICES["deepseek-chat"]\n'
    assert codes(before) == ["DSM106"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == 'price = PRICES["deepseek-v4-flash"]\n'


def test_ts_object_keys_with_both_names_are_refused_a_union_gains_the_v4_member():
    before = 'type M = "deepseek-chat" | "deepseek-reasoner";\nconst P = { "deepseek-chat": "Fast", "deepseek-reasoner": "Careful" };\n'
    assert codes(before, path="a.ts") == ["DSM106"] * 4
    # the members stay (renamed they would be one); the V4 id is added beside them
    assert fix(before, path="a.ts", unsafe=True) == before.replace('"deepseek-reasoner";', '"deepseek-reasoner" | "deepseek-v4-flash";')


def test_ts_enum_members_with_both_names_are_refused_one_alone_is_renamed():
    before = 'enum Model {\n  Fast = "deepseek-chat",\n  Deep = "deepseek-reasoner",\n}\n'
    assert codes(before, path="m.ts") == ["DSM106", "DSM106"]
    assert fix(before, path="m.ts", unsafe=True) == before  # both would become one value
    single = 'enum Model {\n  Fast = "deepseek-chat",\n}\n'
    assert fix(single, path="m.ts", unsafe=True) == single.replace("deepseek-chat", "deepseek-v4-flash")


def test_yaml_price_table_keys_are_never_merged():
    before = "prices:\n  deepseek-chat: 0.27\n  deepseek-reasoner: 0.55\n"
    assert codes(before, path="prices.yaml") == ["DSM106", "DSM106"]
    assert fix(before, path="prices.yaml", unsafe=True) == before


def test_json_key_alone_is_renamed_with_unsafe_fixes():
    before = '{"deepseek-chat": {"context": 64000}}\n'
    assert codes(before, path="models.json") == ["DSM106"]
    assert fix(before, path="models.json") == before
    assert fix(before, path="models.json", unsafe=True) == '{"deepseek-v4-flash": {"context": 64000}}\n'


def test_table_key_alone_is_renamed_only_with_unsafe_fixes():
    before = 'LABELS = {"deepseek-chat": "Fast"}\n'
    assert codes(before) == ["DSM106"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == 'LABELS = {"deepseek-v4-flash": "Fast"}\n'


def test_table_keyed_by_both_names_is_never_merged():
    before = 'LABELS = {"deepseek-chat": "Fast", "deepseek-reasoner": "Careful"}\n'
    assert codes(before) == ["DSM106", "DSM106"]
    assert fix(before, unsafe=True) == before
    for finding in scan(before):  # refused by the rule itself, with its reason, still a key
        assert finding.fix is None and finding.role == "key"
        assert finding.message.startswith(f"Retired model '{finding.legacy_name}' as key of a table: ")
        assert finding.note == (
            "not renamed: 'deepseek-chat' and 'deepseek-reasoner' would both become 'deepseek-v4-flash'"
        )


def test_the_finding_names_the_form_and_whether_the_id_keys_or_is_a_member():
    # (source, form in the message, role the project-wide decision couples it by)
    cases = [
        ('LABELS = {"deepseek-chat": "Fast"}\n', "key of a table", "key"),
        ('MODELS = ["deepseek-chat", "gpt-4o"]\n', "member of a collection", "member"),
        ('class Model(str, Enum):\n    CHAT = "deepseek-chat"\n', "enum member", "member"),
        ('x = LABELS["deepseek-chat"]\n', "lookup key", "key"),
        ('x = LABELS.get("deepseek-chat")\n', "lookup key", "key"),
        ('x = LABELS.pop("deepseek-chat")\n', "lookup key", "key"),
        ('x = LABELS.setdefault("deepseek-chat", 1)\n', "lookup key", "key"),
    ]
    for source, form, role in cases:
        (finding,) = scan(source)
        assert (finding.code, finding.role) == ("DSM106", role), source
        assert finding.message.startswith(f"Retired model 'deepseek-chat' as {form}: "), (source, finding.message)


def test_a_method_that_is_no_lookup_is_no_table():
    assert codes('LABELS.update("deepseek-chat")\n') == ["DSM109"]
