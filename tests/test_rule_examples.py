"""Every rule carries its own examples (Fixit style); each one is a test here."""

import pytest

from ds_migrate.rules import all_rules

from conftest import fix, scan

VALID = [(rule.code, example) for rule in all_rules() for example in rule.valid]
INVALID = [(rule.code, example) for rule in all_rules() for example in rule.invalid]


def test_every_rule_has_examples():
    for rule in all_rules():
        assert rule.invalid, f"{rule.code} has no examples that must be reported"
        assert rule.valid, f"{rule.code} has no examples that must not be reported"


@pytest.mark.parametrize("code, example", VALID, ids=[f"{c}-valid-{i}" for i, (c, _) in enumerate(VALID)])
def test_valid_examples_are_not_reported(code, example):
    assert code not in [f.code for f in scan(example.source, example.path)]


@pytest.mark.parametrize("code, example", INVALID, ids=[f"{c}-invalid-{i}" for i, (c, _) in enumerate(INVALID)])
def test_invalid_examples_are_reported_and_fixed(code, example):
    assert code in [f.code for f in scan(example.source, example.path)]
    expected = example.fixed if example.fixed is not None else example.source
    # only this rule's fixes, so an example may also hold other rules' findings
    assert fix(example.source, unsafe=example.unsafe, path=example.path, select=(code,)) == expected
    if example.unsafe and example.fixed is not None:
        assert fix(example.source, unsafe=False, path=example.path, select=(code,)) == example.source, "an unsafe fix ran without --unsafe-fixes"


def test_codes_and_names_are_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_every_rule_documents_why_and_fix():
    for rule in all_rules():
        doc = rule.documentation()
        assert "What it does" in doc and "Why it matters" in doc and "Fix" in doc, rule.code
