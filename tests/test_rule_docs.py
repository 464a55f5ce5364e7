"""Each rule's documentation: its fixed sections, its example (which must be
reported, and whose fixed form must not), its declared fix, and the places
that show it (docs/rules.md table, ``explain``, ``rules``, SARIF)."""

import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.findings import Applicability, Severity
from ds_migrate.deepseek.mapping import DISABLED, ENABLED
from ds_migrate.rules import all_rules
from ds_migrate.rules.docs import FixAvailability, parse_sections, rule_doc, rules_table

from conftest import REPO, fix, scan

RULES = all_rules()
IDS = [rule.code for rule in RULES]
_MODES = {"chat": DISABLED, "reasoner": ENABLED}


def _fix_options(options: tuple[str, ...]) -> dict:
    """``fix``'s command-line options as the test helpers take them."""
    found = {"unsafe": False}
    words = list(options)
    while words:
        word = words.pop(0)
        if word == "--unsafe-fixes":
            found["unsafe"] = True
        elif word == "--assume-mode":
            found["assume_mode"] = _MODES[words.pop(0)]
        else:
            raise AssertionError(f"unknown option {word!r} in a Fixed section")
    return found


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_doc_has_every_section(rule):
    doc = rule_doc(rule)
    for text in (doc.what, doc.why, doc.fix, doc.example.source):
        assert text.strip()
    text = rule.documentation()
    for header in ("What it does:", "Why it matters:", "Example", "Fix:"):
        assert header in text


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_doc_example_is_reported(rule):
    example = rule.doc().example
    assert rule.code in [f.code for f in scan(example.source, example.path)]


@pytest.mark.parametrize("rule", [r for r in RULES if r.doc().fixed is not None], ids=lambda r: r.code)
def test_doc_example_fixes_to_its_fixed_form_which_is_not_reported(rule):
    doc = rule.doc()
    options = _fix_options(doc.fixed.options)
    assert fix(doc.example.source, path=doc.example.path, **options) == doc.fixed.source
    options.pop("unsafe")
    assert rule.code not in [f.code for f in scan(doc.fixed.source, doc.fixed.path, **options)]


@pytest.mark.parametrize("rule", [r for r in RULES if r.doc().use_instead is not None], ids=lambda r: r.code)
def test_doc_use_instead_is_not_reported(rule):
    instead = rule.doc().use_instead
    assert rule.code not in [f.code for f in scan(instead.source, instead.path)]


def test_fixed_sections_name_the_options_they_need():
    # an unsafe rule's example is only fixed with --unsafe-fixes; DSM201's only with --assume-mode
    for rule in RULES:
        fixed = rule.doc().fixed
        if fixed is None:
            continue
        assert ("--unsafe-fixes" in fixed.options) == (rule.fix_safety is Applicability.UNSAFE), rule.code
        assert ("--assume-mode" in fixed.options) == (rule.fix_availability is FixAvailability.WITH_ASSUME_MODE)


# -- the declared fix is the fix the rule makes -----------------------------------------


def _findings_of(rule, **options) -> list:
    doc = rule.doc()
    sources = [(doc.example.source, doc.example.path)] + [(e.source, e.path) for e in rule.invalid]
    found = [f for source, path in sources for f in scan(source, path, **options) if f.code == rule.code]
    assert found, f"{rule.code}: its examples are not reported"
    return found


def _safety(finding) -> Applicability:
    return finding.fix.rule_applicability or finding.fix.applicability


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_declared_fix_availability_is_what_the_rule_does(rule):
    availability = rule.fix_availability
    plain = _findings_of(rule)
    assumed = _findings_of(rule, assume_mode=DISABLED)
    if availability is FixAvailability.NEVER:
        assert all(f.fix is None for f in plain + assumed)
    elif availability is FixAvailability.WITH_ASSUME_MODE:
        assert all(f.fix is None for f in plain)
        assert any(f.fix is not None for f in assumed)
    elif availability is FixAvailability.ALWAYS:
        assert all(f.fix is not None for f in plain)
    else:
        assert any(f.fix is not None for f in plain) and any(f.fix is None for f in plain)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_declared_fix_safety_is_the_safest_fix_the_rule_makes(rule):
    if rule.fix_availability is FixAvailability.NEVER:
        assert rule.fix_safety is Applicability.NONE
        return
    fixes = [_safety(f) for f in _findings_of(rule, assume_mode=DISABLED) if f.fix is not None]
    best = Applicability.SAFE if Applicability.SAFE in fixes else Applicability.UNSAFE
    assert rule.fix_safety is best


def test_v4_call_without_mode_is_fixable_only_with_assume_mode():
    doc = rule_doc(next(r for r in RULES if r.code == "DSM201"))
    assert doc.fixable is FixAvailability.WITH_ASSUME_MODE and doc.fix_safety == "safe"
    assert doc.fix_label == "safe, with --assume-mode"


# -- the docstring format ----------------------------------------------------------------


class _FakeRule:
    code, name, severity, summary = "DSM999", "fake", Severity.INFO, "A fake rule"
    fix_availability, fix_safety = FixAvailability.NEVER, Applicability.NONE


def _fake(doc: str, **attributes) -> type:
    return type("Fake", (_FakeRule,), {"__doc__": doc, **attributes})


_COMPLETE = """
    What it does:
        Finds it.

    Why it matters:
        It breaks.

    Example (conf/.env):
        MODEL=deepseek-chat

    Fix:
        None.
    """


def test_example_carries_its_file_name_and_code_keeps_its_indentation():
    doc = rule_doc(_fake(_COMPLETE.replace("MODEL=deepseek-chat", "if x:\n            y = 1")))
    assert doc.example.path == "conf/.env"
    assert doc.example.source == "if x:\n    y = 1\n"


def test_example_without_a_file_name_is_python():
    doc = rule_doc(_fake(_COMPLETE.replace("Example (conf/.env):", "Example:")))
    assert doc.example.path == "example.py"


def test_missing_section_is_named():
    with pytest.raises(ValueError, match="DSM999: no Why it matters section"):
        rule_doc(_fake(_COMPLETE.replace("Why it matters:\n        It breaks.\n", "")))


def test_text_outside_a_section_is_an_error():
    with pytest.raises(ValueError, match="text before the first section"):
        parse_sections("Finds things.\n\nWhat it does:\n    x\n")
    with pytest.raises(ValueError, match="not indented"):
        parse_sections("What it does:\n    x\nstray line\n")


def test_a_rule_that_can_fix_needs_fixed_and_fix_safety():
    fixing = {"fix_availability": FixAvailability.ALWAYS, "fix_safety": Applicability.SAFE}
    with pytest.raises(ValueError, match="needs a Fixed section"):
        rule_doc(_fake(_COMPLETE, **fixing))
    with_fixed = _COMPLETE.replace("    Fix:\n", "    Fixed:\n        MODEL=deepseek-v4-flash\n\n    Fix:\n")
    with pytest.raises(ValueError, match="needs a Fix safety section"):
        rule_doc(_fake(with_fixed, **fixing))
    with pytest.raises(ValueError, match="a rule that cannot fix must have no Fixed section"):
        rule_doc(_fake(with_fixed))


# -- where the docs are shown ------------------------------------------------------------


def test_docs_rule_table_is_the_rules_table():
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    expected = rules_table([rule.doc() for rule in RULES])
    assert expected in text, "docs/rules.md's rule table differs from the rules: paste rules_table() from rules/docs.py"


def test_explain_prints_every_section_and_the_fix_availability():
    output = CliRunner().invoke(main, ["explain", "DSM201"]).output
    assert output.startswith("DSM201 (v4-call-without-mode)  severity: warning  fix: safe, with --assume-mode\n")
    doc = rule_doc(next(r for r in RULES if r.code == "DSM201"))
    assert output.endswith(doc.as_text() + "\n")
    for header in ("What it does:", "Why it matters:", "Example:", "Fixed (with --assume-mode chat):", "Fix:",
                   "Fix safety:"):
        assert header in output


def test_explain_names_the_example_file_when_it_is_not_python():
    output = CliRunner().invoke(main, ["explain", "DSM111"]).output
    assert "Example (tests/cassettes/chat.yaml):\n    interactions:\n" in output
    assert "fix: none\n" in output.splitlines(keepends=True)[0]


def test_rules_json_has_fix_safety_and_availability():
    rows = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).output)
    by_code = {row["code"]: row for row in rows}
    assert by_code["DSM201"]["fix"] == "safe" and by_code["DSM201"]["fixable"] == "with --assume-mode"
    assert by_code["DSM105"]["fix"] == "unsafe" and by_code["DSM105"]["fixable"] == "sometimes"
    assert by_code["DSM107"]["fix"] == "none" and by_code["DSM107"]["fixable"] == "never"
    assert [row["code"] for row in rows] == IDS


def test_sarif_rule_help_is_the_rule_doc(tmp_path):
    (tmp_path / "app.py").write_text('MODEL = "deepseek-chat"\n')
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--format", "sarif", "--isolated"])
    entries = json.loads(result.output)["runs"][0]["tool"]["driver"]["rules"]
    for entry, rule in zip(entries, RULES, strict=True):
        doc = rule.doc()
        assert entry["help"]["text"] == doc.as_text()
        assert doc.example.source.rstrip("\n") in entry["help"]["markdown"]
        assert entry["fullDescription"]["text"].startswith("What it does: " + " ".join(doc.what.split()))
        assert entry["properties"]["fix"] == doc.fix_safety
        assert entry["properties"]["fixable"] == doc.fixable.value


def test_every_rule_has_its_page_in_docs_rules():
    """docs/rules/CODE.md is the rule's documentation (the reports' `url`):
    regenerate with `RuleDoc.page()` (rules/docs.py) when a docstring changes."""
    folder = REPO / "docs" / "rules"
    docs = [rule.doc() for rule in RULES]
    assert sorted(p.stem for p in folder.glob("*.md")) == sorted(doc.code for doc in docs)
    for doc in docs:
        assert (folder / f"{doc.code}.md").read_text(encoding="utf-8") == doc.page(), doc.code
