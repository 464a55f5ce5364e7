"""The README says what the code does."""

import re

from ds_migrate.rules import all_rules

from conftest import REPO


def readme_rules_table() -> list[tuple[str, ...]]:
    text = (REPO / "README.md").read_text()
    rows = re.findall(r"^\| (DSM\d+) \| ([\w-]+) \| (\w+) \| (\w+) \| (.+?) \|$", text, re.M)
    return rows


def test_readme_rules_table_matches_the_rules():
    expected = [(r.code, r.name, r.severity.label, r.fix_availability.value, r.summary) for r in all_rules()]
    assert readme_rules_table() == expected


def test_readme_has_the_two_setup_commands():
    text = (REPO / "README.md").read_text()
    assert "pip install -e '.[dev]' && ds-migrate scan examples/" in text
    assert "\n```\npytest\n```\n" in text


def test_readme_version_forms_table_matches_forms_py():
    from ds_migrate.forms import FORMS

    text = (REPO / "README.md").read_text()
    rows = re.findall(r"^\| (litellm|dspy|agno|anthropic-sdk|autogen) \| `(\w+)=` \| (enabled|disabled) \| ([\d.]+) \|", text, re.M)
    expected = sorted(
        (context, form, mode, since)
        for context, entry in FORMS.items()
        for (form, mode), (since, _) in entry["works"].items()
    )
    assert sorted(rows) == expected
