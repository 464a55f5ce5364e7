"""Fixes cross the worker boundary as text edits (issue 22): the parent
applies the run's choice of fixes from each fix's ``text_edit`` and analyses
a file again only when two chosen edits touch each other."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from ds_migrate import pipeline
from ds_migrate.analyse import Options, fixed_text, process_python
from ds_migrate.apply.edits import apply_separate_edits
from ds_migrate.deepseek.mapping import Mapping
from projects import fix_tree, write_tree

ROOT = Path(__file__).resolve().parent
PYTHON_FILES = sorted(
    p for p in [*(ROOT / "realworld").glob("*/before/**/*.py"), *(ROOT.parent / "examples").rglob("*.py")]
    if "deepseek" in p.read_text(encoding="utf-8", errors="replace").lower()
)


def test_separate_edits_apply_in_any_order():
    assert apply_separate_edits("abcdef", [(4, 5, "E"), (0, 1, "A")]) == "AbcdEf"
    assert apply_separate_edits("abc", [(1, 1, "+")]) == "a+bc"
    assert apply_separate_edits("abc", []) == "abc"


@pytest.mark.parametrize("edits", [
    [(0, 2, "x"), (1, 3, "y")],  # overlap
    [(0, 2, "x"), (2, 3, "y")],  # touch: the order of the two texts is not known
    [(1, 1, "x"), (1, 1, "y")],  # two insertions at one place
])
def test_edits_that_touch_are_refused(edits):
    assert apply_separate_edits("abcdef", edits) is None


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_separate_edits_give_what_the_tree_gives(path):
    """For every fix alone, every pair of fixes and all of them: the text
    edits, where they do not touch, equal the rewrite of the tree."""
    data = path.read_bytes()
    options = Options(mapping=Mapping(), unsafe_fixes=True)
    processed = process_python(path.name, data, options, want_fix=True)
    if processed.module is None:
        pytest.skip("does not parse: searched as text, never fixed")
    fixes = [f for f in processed.result.findings if f.fix is not None and f.fix.edits]
    assert all(f.fix.text_edit is not None for f in fixes)
    choices = [[f] for f in fixes] + [list(pair) for pair in itertools.combinations(fixes[:12], 2)] + [fixes]
    for chosen in choices:
        by_edits = apply_separate_edits(processed.text, [f.fix.text_edit for f in chosen])
        if by_edits is not None:
            assert by_edits == fixed_text(processed, chosen, options), [f.code for f in chosen]


SETTINGS = 'DEFAULT_MODEL = "deepseek-chat"\n'
ASSERTING = "from settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == \"deepseek-chat\"\n"


@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_the_parent_does_not_analyse_a_file_again_when_the_run_decides_otherwise(tmp_path, monkeypatch, tier):
    # alone, settings.py would be renamed and the test's assertion not: the
    # run decides for the two together, which differs from each file alone
    write_tree(tmp_path, {"settings.py": SETTINGS, "tests/test_settings.py": ASSERTING})
    decided_otherwise = []
    real_redo = pipeline.redo_where_decided_otherwise
    monkeypatch.setattr(
        pipeline, "redo_where_decided_otherwise",
        lambda outcome, *rest: decided_otherwise.append(len(outcome.processed)) or real_redo(outcome, *rest),
    )
    calls = []
    real = pipeline._process_path
    monkeypatch.setattr(pipeline, "_process_path", lambda path, *rest: calls.append(path) or real(path, *rest))
    changed = fix_tree(tmp_path, *tier)
    assert decided_otherwise  # the step ran
    assert sorted(Path(p).name for p in calls) == ["settings.py", "test_settings.py"]  # each read once
    # renamed together or not at all
    assert set(changed) in (set(), {"settings.py", "tests/test_settings.py"})


def test_fixes_whose_edits_touch_are_left_to_a_new_analysis():
    from ds_migrate.analyse.result import Processed
    from ds_migrate.findings import Applicability, FileResult, Fix

    def finding_with(edit):
        fix = Fix(Applicability.SAFE, [], "rename")
        fix.text_edit = edit
        return type("F", (), {"fix": fix})()

    processed = Processed(FileResult("app.py"), text='A = "deepseek-chat"\n', encoding="utf-8")
    touching = [finding_with((5, 18, "deepseek-v4-flash")), finding_with((18, 18, "x"))]
    assert pipeline._fixed_by_edits(processed, touching, b'A = "deepseek-chat"\n') is False
    assert processed.fixed_text is None and processed.applied == []
    separate = [finding_with((5, 18, "deepseek-v4-flash"))]
    assert pipeline._fixed_by_edits(processed, separate, b'A = "deepseek-chat"\n') is True
    assert processed.fixed_data == b'A = "deepseek-v4-flash"\n'
    # an edit that breaks the syntax is left to the new analysis, which reports it
    broken = Processed(FileResult("app.py"), text="A = 1\n", encoding="utf-8")
    assert pipeline._fixed_by_edits(broken, [finding_with((4, 5, "("))], b"A = 1\n") is False


@pytest.mark.parametrize("files", [
    {"config.yaml": "llm:\n  model: deepseek-chat\n", "app.js": 'const r = await client.chat.completions.create({ model: "deepseek-chat", messages });\n'},
    {".env": "DEEPSEEK_MODEL=deepseek-chat\n", "settings.toml": 'model = "deepseek-chat"\n'},
], ids=["yaml+js", "env+toml"])
def test_other_kinds_are_not_analysed_again_either(tmp_path, monkeypatch, files):
    # a test asserting the id couples every file with it: the run decides
    # otherwise than each file alone, and applies the edits it chose
    write_tree(tmp_path, {**files, "tests/test_model.py": 'def test_model():\n    assert MODEL == "deepseek-chat"\n'})
    calls = []
    real = pipeline._process_path
    monkeypatch.setattr(pipeline, "_process_path", lambda path, *rest: calls.append(path) or real(path, *rest))
    for tier in [(), ("--unsafe-fixes",)]:
        calls.clear()
        fix_tree(tmp_path, *tier)
        assert len(calls) == len(set(calls)), sorted(calls)  # no file read twice


OTHER_FILES = sorted(
    p for p in [*(ROOT / "realworld").glob("*/before/**/*"), *(ROOT.parent / "examples").rglob("*")]
    if p.is_file() and p.suffix not in {".py", ".pyi", ".md", ".rst", ".ipynb"}
    and b"deepseek" in p.read_bytes().lower()
)


@pytest.mark.parametrize("path", OTHER_FILES, ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_other_kinds_edits_give_what_the_handler_gives(path):
    from ds_migrate.analyse import process_file
    from ds_migrate.languages import handler_for
    from ds_migrate.languages.plain import PlainText

    options = Options(mapping=Mapping(), unsafe_fixes=True)
    processed = process_file(path.name, path.read_bytes(), options)
    if processed.text is None:
        pytest.skip("not read as text")
    handler = handler_for(path.name) or PlainText()
    fixes = [f for f in processed.result.findings if f.fix is not None and f.fix.edits]
    assert all(f.fix.text_edit is not None for f in fixes)
    choices = [[f] for f in fixes] + [list(pair) for pair in itertools.combinations(fixes[:12], 2)] + [fixes]
    for chosen in choices:
        by_edits = apply_separate_edits(processed.text, [f.fix.text_edit for f in chosen])
        if by_edits is not None:
            assert by_edits == handler.apply(processed.text, chosen), [f.code for f in chosen]
