"""A fix's one replacement in lines and columns (1-based, as findings'
positions), for the reports that carry edits (JSON ``edits``, SARIF
``fixes``): from ``Fix.text_edit`` (offsets into the file's text) and the
text the run read."""

from __future__ import annotations

from ds_migrate.findings import Applicability
from ds_migrate.findings.lines import line_index


def source_texts(run) -> dict[str, str]:
    return {p.result.path: p.text for p in getattr(run, "processed", []) if p.text is not None}


def fix_span(finding, texts: dict[str, str]) -> tuple[int, int, int, int, str] | None:
    """(start line, start column, end line, end column, new text), or None
    when the finding has no fix that some tier applies."""
    fix = finding.fix
    if fix is None or finding.fix_applicability is Applicability.NONE:
        return None
    if fix.region is not None:  # worked out in the worker (Python, for SARIF)
        return fix.region
    text = texts.get(finding.path)
    if fix.text_edit is None or text is None:
        return None
    start, end, new = fix.text_edit
    index = line_index(text)
    return (*index.position(start), *index.position(end), new)
