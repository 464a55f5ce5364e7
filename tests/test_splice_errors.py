"""Only a fix that cannot be placed becomes "internal error; not written":
a bug anywhere else (an edit callback, say) is not hidden behind it."""

import pytest

from ds_migrate.analyse import Options, apply_chosen, process_file
from ds_migrate.findings import NodeEdit
from ds_migrate.python import rewrite
from ds_migrate.python.slicing import SpliceError

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'


def scanned():
    processed = process_file("app.py", LEGACY.encode(), Options())
    (finding,) = processed.result.findings
    return processed, finding


def test_a_fix_that_cannot_be_placed_is_reported_and_not_written(monkeypatch):
    processed, finding = scanned()

    def cannot_place(*args, **kwargs):
        raise SpliceError("a fixed statement is not where the slice put it")

    monkeypatch.setattr(rewrite, "apply_fixes", cannot_place)
    apply_chosen(processed, [finding], Options())
    assert processed.fixed_data is None
    assert [e.message for e in processed.result.errors] == [
        "internal error: a fixed statement is not where the slice put it; not written"
    ]


def test_a_bug_in_an_edit_callback_is_raised_not_reported_as_a_splice_error():
    processed, finding = scanned()

    def broken(node):
        raise ValueError("bug in an edit callback")

    finding.fix.edits = [
        NodeEdit(edit.key, broken) if isinstance(edit, NodeEdit) else edit for edit in finding.fix.edits
    ]
    assert any(isinstance(edit, NodeEdit) for edit in finding.fix.edits)
    with pytest.raises(ValueError, match="bug in an edit callback"):
        apply_chosen(processed, [finding], Options())
    assert processed.result.errors == []
