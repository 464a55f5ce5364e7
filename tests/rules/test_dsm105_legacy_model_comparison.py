"""DSM105 legacy-model-comparison: code that branches on a retired name; renamed
only with --unsafe-fixes, and never when two branches would become one."""

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


def test_js_comparison_switch_case_and_includes():
    assert codes('if (m === "deepseek-reasoner") {}\n', path="a.js") == ["DSM105"]
    assert codes('switch (m) { case "deepseek-chat": break; }\n', path="a.js") == ["DSM105"]
    assert codes('allowed.includes("deepseek-chat")\n', path="a.js") == ["DSM105"]


def test_comparison_with_a_current_id_is_left_alone():
    source = 'if model == "deepseek-v4-flash":\n    pass\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source
