"""ds-migrate's own reports are recorded data, never code to scan or fix.

A scan that writes ``report.json`` or ``ds-migrate.sarif`` into the tree it
scans (the Action writes its SARIF into the workspace) would otherwise find
every finding again in the next run, with safe fixes inside the report.
They are recognised by shape, whatever their name: any SARIF log (the
results of some tool), our JSON report (its ``tool`` marker, or in reports
written before the marker its top-level keys) and ``--statistics``' JSON list.
"""

from __future__ import annotations

import json

OWN_REPORT = "a ds-migrate or SARIF report (recorded data), not scanned"

_SUFFIXES = (".json", ".sarif")
# the top level of `--output-format json` (json_format.py) before the marker
_REPORT_KEYS = {"version", "findings", "errors", "summary", "plan"}
_STATISTICS_KEYS = {"code", "count", "fixable_count", "unsafe_fixable_count"}


def is_own_report(path: str, data: bytes) -> bool:
    """Whether ``data`` is a SARIF log or one of ds-migrate's JSON reports."""
    if not path.lower().endswith(_SUFFIXES):
        return False
    head = data[:4096].lstrip()
    if not head.startswith((b"{", b"[")) or not (b'"runs"' in head or b'"findings"' in head
                                                  or b'"tool"' in head or b'"fixable_count"' in head):
        return False  # not worth parsing: most JSON files are neither
    try:
        document = json.loads(data)
    except ValueError:
        return False
    if isinstance(document, list):
        return bool(document) and all(isinstance(row, dict) and _STATISTICS_KEYS <= set(row) for row in document)
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("runs"), list) and ("sarif" in str(document.get("$schema", "")).lower()
                                                   or document.get("version") == "2.1.0"):
        return True
    return document.get("tool") == "ds-migrate" or _REPORT_KEYS <= set(document)
