"""``--format json``: a stable, documented shape (version 1)."""

from __future__ import annotations

import json

from ds_migrate import __version__

from ds_migrate.report.fix_spans import fix_span, source_texts
from ds_migrate.report.links import rule_url
from ds_migrate.report.notes import note_of, plan_numbers
from ds_migrate.report.plan import follow_ups, plan_dicts
from ds_migrate.report.summary import api_error_footer, reported_errors, summarize

SCHEMA_VERSION = 1


def _edits(finding, texts: dict[str, str]) -> list[dict]:
    """ruff's shape: the new content and where it goes (row and column, 1-based)."""
    span = fix_span(finding, texts)
    if span is None:
        return []
    line, column, end_line, end_column, content = span
    return [{
        "content": content,
        "location": {"row": line, "column": column},
        "end_location": {"row": end_line, "column": end_column},
    }]


def finding_dict(finding, numbers: dict[str, int] | None = None, texts: dict[str, str] | None = None) -> dict:
    numbers = numbers or {}
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "legacy_name": finding.legacy_name,
        "fix": finding.fix_applicability.value,
        # the replacement the fix makes (none when no tier applies one)
        "edits": _edits(finding, texts or {}),
        "url": rule_url(finding.code),
        "note": note_of(finding, numbers),
        # the number of its entry in "plan", when a coupled group holds it back
        "plan_entry": numbers.get(finding.group) if finding.group else None,
    }


def render(run, fixed: int = 0, **settings) -> str:
    numbers = plan_numbers(run)
    texts = source_texts(run)
    document = {
        # the marker that keeps a report written into the tree out of the next scan (analyse/own_reports.py)
        "tool": "ds-migrate",
        "tool_version": __version__,
        "version": SCHEMA_VERSION,
        "findings": [finding_dict(f, numbers, texts) for f in run.findings],
        "suppressed": [finding_dict(f, numbers) for f in run.suppressed],
        "errors": [{"path": e.path, "message": e.message, "line": e.line} for e in reported_errors(run)],
        "skipped": [{"path": p, "reason": r} for p, r in run.skipped],
        "summary": summarize(run, fixed, settings.get("would_fix", 0)).as_dict(),
        "plan": plan_dicts(run),
        "follow_ups": [
            {"path": path, "line": line, "note": note}
            for path, line, note in follow_ups([f for p in getattr(run, "processed", []) for f in p.applied], run)
        ],
        "api_error": api_error_footer(run.findings),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
