"""Files people keep rather than run: changelogs and release notes (history),
data tables (CSV, TSV) and JSON Lines records (evaluation results, logs).

A retired id there is a fact about the past or a row of data: reported as
info, never rewritten, and it does not fail the default ``--fail-on warning``
gate. (A helper module: the history handler and the plain-text fallback use it.)
"""

from __future__ import annotations

import re

from ds_migrate.findings import Finding, Severity
from ds_migrate.findings.lines import LineIndex
from ds_migrate.deepseek.mapping import Mapping

# CHANGELOG, CHANGELOG.md, HISTORY.rst, NEWS.txt, RELEASE_NOTES.md, changes.txt ...
_HISTORY = re.compile(r"(?i)(changelog|changes|history|news|release[-_ ]?notes)(?:[._-].*)?")
HISTORY_GLOBS = tuple(
    f"{name}{tail}"
    for stem in ("changelog", "changes", "history", "news", "release_notes", "release-notes", "releasenotes")
    for name in (stem, stem.upper(), stem.capitalize())
    for tail in ("", ".*", "-*", "_*")
)
DATA_SUFFIXES = (".csv", ".tsv")
RECORD_SUFFIXES = (".jsonl", ".ndjson")


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def is_history(path: str) -> bool:
    return _HISTORY.fullmatch(_name(path)) is not None


def kept_kind(path: str) -> str | None:
    """"history", "data", "records", or None for any other file."""
    name = _name(path).lower()
    if name.endswith(RECORD_SUFFIXES):
        return "records"
    if name.endswith(DATA_SUFFIXES):
        return "data"
    if is_history(path):
        return "history"
    return None


def kept_findings(path: str, text: str, mapping: Mapping, kind: str) -> list[Finding]:
    """Info findings for every retired id in a kept file; no fix."""
    from ds_migrate.findings import finding_at
    from ds_migrate.deepseek.names import find_legacy_names
    from ds_migrate.rules import messages
    from ds_migrate.rules.comment import LegacyNameInComment
    from ds_migrate.rules.legacy_name import LegacyName
    from ds_migrate.rules.recorded_data import LegacyNameInRecordedData

    index = LineIndex(text)
    findings = []
    for name in find_legacy_names(text):
        if kind == "records":
            finding = finding_at(
                path, index, name.start, name.end, LegacyNameInRecordedData,
                messages.recorded(name, "JSON Lines records"), legacy_name=name.text,
            )
        elif kind == "history":
            finding = finding_at(
                path, index, name.start, name.end, LegacyNameInComment,
                messages.mentioned(name, mapping, "changelog") + " (history: not rewritten)", legacy_name=name.text,
            )
            finding.role = "doc"
        else:
            finding = finding_at(
                path, index, name.start, name.end, LegacyName,
                messages.unclaimed(name, "data file: reported, not rewritten"), legacy_name=name.text,
                severity=Severity.INFO,
            )
            finding.role = "doc"
        findings.append(finding)
    return findings
