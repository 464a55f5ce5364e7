"""``--output-format github``: workflow commands that GitHub shows as annotations.

GitHub shows only about ten annotations of each level per step, so info
findings (history, docs, recorded data) are not annotated unless
``--fail-on info`` makes them fail the run; the Markdown summary
(``--summary-file``) lists everything."""

from __future__ import annotations

from ds_migrate.findings import Severity
from ds_migrate.report.notes import note_of
from ds_migrate.report.summary import MISSING_PATH, reported_errors

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(run, fixed: int = 0, **settings) -> str:
    lines = []
    numbers: dict[str, int] = {}  # no plan here (and its numbers move): notes name the id
    lowest = min(Severity.parse(settings.get("fail_on") or "warning"), Severity.WARNING)
    for f in run.findings:
        if f.severity < lowest:
            continue
        properties = ",".join(
            [
                f"file={_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                # the tool's name first, as ruff's "ruff (S101)": a pull request
                # may carry several linters' annotations; the severity, since
                # it decides the gate (--fail-on), not the annotation's level
                f"title={_property(f'ds-migrate ({f.code} [{f.severity.label}])')}",
            ]
        )
        note = note_of(f, numbers)
        message = f.message + (f" ({note})" if note else "")
        lines.append(f"::{_LEVEL[f.severity]} {properties}::{_data(message)}")
    for error in reported_errors(run):
        if error.message == MISSING_PATH:
            # no file to annotate: the message names the path
            lines.append(f"::error title=ds-migrate::{_data(f'{error.path}: {error.message}')}")
            continue
        where = f",line={error.line}" if error.line else ""
        lines.append(f"::error file={_property(error.path)}{where},title=ds-migrate::{_data(error.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
