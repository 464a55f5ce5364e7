"""The gate before a Python file's parse (``deepseek/mentions.worth_parsing``)
never says "nothing here" of a file whose parse would find something."""

from __future__ import annotations

from pathlib import Path

import pytest

from ds_migrate.analyse import Options, process_file
from ds_migrate.deepseek.mentions import worth_parsing
from ds_migrate.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent

# the reasoning rules read the literal "reasoning_content" only (python/history.py)
OWN = [
    ("ids.py", "response = completion(model=name, merge_reasoning_content_in_choices=True)  # deepseek\n"),
    ("ids.py", "# deepseek\nprint(message.reasoning_content)\n"),
    ("ids.py", "# deepseek\nfor m in history:\n    m.pop('reasoning_content', None)\n"),
    ("ids.py", '# deepseek\nclean = {k: v for k, v in m.items() if k != "reasoning_content"}\n'),
    ("ids.py", '# deepseek\nkept = message.model_dump(exclude={"reasoning_content"})\n'),
]


def sources() -> list[tuple[str, str]]:
    found = [
        (example.path, example.source)
        for rule in all_rules()
        for example in (*rule.valid, *rule.invalid)
        if example.path.endswith(".py")
    ]
    for path in sorted([*ROOT.glob("examples/**/*.py"), *ROOT.glob("tests/realworld/*/before/**/*.py")]):
        found.append((str(path), path.read_text(encoding="utf-8", errors="replace")))
    return found + OWN


def test_a_file_the_gate_skips_holds_nothing_its_parse_would_find(monkeypatch):
    import ds_migrate.analyse.python_file as python_file

    skipped = 0
    for path, source in sources():
        if worth_parsing(source):
            continue
        skipped += 1
        with monkeypatch.context() as patched:
            patched.setattr(python_file, "worth_parsing", lambda text: True)
            result = process_file(path, source.encode("utf-8"), Options()).result
        assert not (result.findings or result.suppressed or result.unselected or result.current_ids), path
    assert skipped >= 2


@pytest.mark.parametrize(
    "source, worth",
    [
        (OWN[0][1], False),  # litellm's main.py: an identifier holding the word
        (OWN[1][1], False),  # reading the field is no finding
        (OWN[2][1], True),
        (OWN[3][1], True),
        (OWN[4][1], True),
    ],
)
def test_reasoning_content_is_worth_a_parse_only_as_a_string(source, worth):
    assert worth_parsing(source) is worth
