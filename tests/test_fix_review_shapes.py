"""Shapes that are reported for review: unsafe or never fixed."""

from conftest import codes, fix, scan


def test_comparison_needs_unsafe_fixes():
    before = 'if model == "deepseek-reasoner":\n    parse_reasoning()\n'
    assert codes(before) == ["DSM105"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == before.replace("deepseek-reasoner", "deepseek-v4-flash")


def test_branches_that_would_become_identical_are_never_renamed():
    before = 'if m == "deepseek-chat":\n    a()\nelif m == "deepseek-reasoner":\n    b()\n'
    assert fix(before, unsafe=True) == before
    assert all("would both become" in f.note for f in scan(before))


def test_membership_test_with_both_names_is_refused():
    before = 'if model in ("deepseek-chat", "deepseek-reasoner"):\n    pass\n'
    assert codes(before) == ["DSM105", "DSM105"]
    assert fix(before, unsafe=True) == before


def test_match_case_with_both_names_is_refused():
    before = 'match m:\n    case "deepseek-chat":\n        a()\n    case "deepseek-reasoner":\n        b()\n'
    assert codes(before) == ["DSM105", "DSM105"]
    assert fix(before, unsafe=True) == before


def test_price_table_with_both_names_is_refused():
    before = 'PRICES = {\n    "deepseek-chat": 0.27,\n    "deepseek-reasoner": 0.55,\n}\n'
    assert codes(before) == ["DSM112", "DSM112"]  # prices describe a model: never renamed
    assert fix(before, unsafe=True) == before


def test_table_key_already_holding_target_is_refused():
    before = 'PRICES = {"deepseek-v4-flash": 0.28, "deepseek-chat": 0.27}\n'
    assert fix(before, unsafe=True) == before


def test_lookup_key_is_unsafe():
    before = 'price = PRICES["deepseek-chat"]\n'
    assert codes(before) == ["DSM106"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == 'price = PRICES["deepseek-v4-flash"]\n'


def test_dynamic_name_is_report_only():
    for before in ('m = f"deepseek-{kind}"\n', 'm = "deepseek-" + kind\n', 'm = "deepseek-{}".format(k)\n', 'm = "deepseek-%s" % k\n'):
        assert codes(before) == ["DSM107"], before
        assert fix(before, unsafe=True) == before


def test_comment_is_unsafe():
    before = "x = 1  # deepseek-chat is cheap\n"
    assert codes(before) == ["DSM108"]
    assert fix(before) == before
    assert fix(before, unsafe=True) == "x = 1  # deepseek-v4-flash is cheap\n"


def test_string_mentioning_a_name_is_unsafe():
    before = 'log.info("calling deepseek-chat now")\n'
    assert codes(before) == ["DSM109"]
    assert fix(before) == before


def test_two_names_in_one_string_are_two_findings():
    before = 'HELP = "choose deepseek-chat or deepseek-reasoner"\n'
    assert codes(before) == ["DSM109", "DSM109"]
    assert fix(before, unsafe=True) == 'HELP = "choose deepseek-v4-flash or deepseek-v4-flash"\n'


def test_name_outside_any_string_is_still_reported():
    before = "x = deepseek-chat\n"  # subtraction of two names
    (finding,) = scan(before)
    assert finding.code == "DSM109" and finding.legacy_name == "deepseek-chat"


def test_not_legacy_names_produce_nothing():
    for source in (
        'm = "deepseek-chat-v3-0324"\n',
        'm = "whisper-and-deepseek-chat"\n',
        "deepseek_chat = 1\n",
        'm = "deepseek-v4-flash"\n',
    ):
        assert scan(source) == [], source


def test_other_providers_slug_is_info_and_never_rewritten():
    source = 'm = "openrouter/deepseek/deepseek-chat:free"\n'
    (finding,) = scan(source)
    assert (finding.code, finding.severity.label, finding.fix, finding.legacy_name) == ("DSM110", "info", None, None)
    assert fix(source, unsafe=True) == source
