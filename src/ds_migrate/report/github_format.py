"""``--format github``: workflow commands that GitHub shows as annotations."""

from __future__ import annotations

from ds_migrate.findings import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(run, fixed: int = 0) -> str:
    lines = []
    for f in run.findings:
        properties = ",".join(
            [
                f"file={_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_property(f'{f.code} {f.name}')}",
            ]
        )
        message = f.message + (f" ({f.explanation})" if f.explanation else "")
        lines.append(f"::{_LEVEL[f.severity]} {properties}::{_data(message)}")
    for error in run.errors:
        where = f",line={error.line}" if error.line else ""
        lines.append(f"::error file={_property(error.path)}{where},title=ds-migrate::{_data(error.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
