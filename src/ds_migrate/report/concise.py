"""``--output-format concise``: one line per finding, ``path:line:col: CODE [severity] message``
(editors and terminals make it a link; grep finds it), ``[*]`` before the
message when ``fix --write`` fixes it. Then one line per plan entry and the
closing summary (the API's error text is the full report's: a line per
finding is all this format adds to it)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ds_migrate.findings import Applicability
from ds_migrate.report.plan import plan_one_liners
from ds_migrate.report.text import render_summary, render_statistics, safe_path


def finding_line(finding) -> str:
    """``path:line:col: CODE [severity] [*] message``: the severity decides the
    exit code (``--fail-on``), so every line says it (ruff needs no such mark:
    every diagnostic of its fails the run)."""
    mark = "[*] " if finding.fix_applicability is Applicability.SAFE else ""
    where = f"{safe_path(finding.path)}:{finding.line}:{finding.column}"
    return f"{where}: {finding.code} [{finding.severity.label}] {mark}{finding.message}"


def render_findings(console: Console, run) -> None:
    for finding in run.findings:
        console.print(Text(finding_line(finding)), overflow="ignore", crop=False)


def render_errors(console: Console, run) -> None:
    for error in run.errors:
        where = f"{safe_path(error.path)}:{error.line}:1" if error.line else safe_path(error.path)
        console.print(Text(f"{where}: error: {error.message}"), overflow="ignore", crop=False)
    for path, reason in run.skipped:
        console.print(Text(f"{safe_path(path)}: skipped: {reason}", style="dim"))


def render(console: Console, run, quiet: bool = False, statistics: bool = False) -> None:
    if not statistics:
        render_findings(console, run)
    render_errors(console, run)
    if statistics:
        render_statistics(console, run)
    if quiet:
        return  # ruff's -q: the findings, nothing else
    if statistics:
        render_summary(console, run, plan_shown=False)  # the table and the counts: no plan
        return
    for line in plan_one_liners(run):
        console.print(Text(line), overflow="ignore", crop=False)
    render_summary(console, run)
