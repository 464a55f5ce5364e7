"""The README says what the code does."""

import re

from conftest import REPO


def test_readme_has_the_two_setup_commands():
    text = (REPO / "README.md").read_text()
    assert "pip install -e '.[dev]' && ds-migrate scan examples/" in text
    assert "\n```\npytest\n```\n" in text


def test_readme_version_forms_table_matches_forms_py():
    from ds_migrate.deepseek.forms import FORMS

    text = (REPO / "README.md").read_text()
    rows = re.findall(r"^\| (litellm|dspy|agno|anthropic-sdk|autogen) \| `(\w+)=` \| (enabled|disabled) \| ([\d.]+) \|", text, re.M)
    expected = sorted(
        (context, form, mode, since)
        for context, entry in FORMS.items()
        for (form, mode), (since, _) in entry["works"].items()
    )
    assert sorted(rows) == expected
