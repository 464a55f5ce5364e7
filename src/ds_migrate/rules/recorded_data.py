from __future__ import annotations

from ds_migrate.findings import Applicability, Severity
from ds_migrate.rules.base import Example, Rule


class LegacyNameInRecordedData(Rule):
    """
    What it does: notes retired model names in recorded data: HTTP
    cassettes (VCR), snapshot and fixture folders, lock files, and the
    outputs of notebook cells.

    Why it matters: recordings show what was sent back then; rewriting them
    would make them lie. Re-record them after migrating the code that made
    them.

    Fix: none; never rewritten.
    """

    code = "DSM111"
    name = "legacy-name-in-recorded-data"
    severity = Severity.INFO
    fix_availability = Applicability.NONE
    summary = "Retired model name in recorded data (cassettes, snapshots, outputs)"
    claims_names = False
    valid = ('MODEL = "deepseek-v4-flash"\n',)
    invalid = (
        Example(
            "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n    method: POST\n",
            path="tests/cassettes/chat.yaml",
        ),
        Example('{"lockfileVersion": 3, "note": "deepseek-chat"}\n', path="package-lock.json"),
    )
