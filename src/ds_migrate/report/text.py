"""The terminal report (``--output-format full``): findings grouped by file,
source line and caret, the migration plan, the API's error once, and a
closing summary that says what to run next. The table of counts per rule
only with ``--statistics``. Plain text when not on a terminal or with NO_COLOR."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from ds_migrate.findings import Applicability, Severity
from ds_migrate.findings.lines import LineIndex
from ds_migrate.report.notes import note_of, plan_numbers
from ds_migrate.report.summary import api_error_footer, next_steps, rule_statistics, summarize

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def safe_path(path: str) -> str:
    """A path with control characters escaped, so it cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in path)


def _source_lines(run) -> dict[str, LineIndex]:
    return {p.result.path: LineIndex(p.text) for p in run.processed if p.text is not None}


def render_findings(console: Console, run) -> None:
    sources = _source_lines(run)
    numbers = plan_numbers(run)
    for path, group in groupby(run.findings, key=lambda f: f.path):
        console.print(Text(safe_path(path), style="bold underline"))
        index = sources.get(path)
        for finding in group:
            head = Text.assemble(
                (f"  {finding.line}:{finding.column}", "dim"),
                "  ",
                (finding.code, "bold"),
                "  ",
                (finding.severity.label, _STYLE[finding.severity]),
                "  ",
                finding.message,
            )
            console.print(head)
            if index is not None:
                source = index.line_text(finding.line).expandtabs(4)
                width = len(str(finding.line))
                prefix = source[: finding.column - 1]
                span = finding.end_column - finding.column if finding.end_line == finding.line else 1
                console.print(Text(f"    {finding.line} | ", style="dim") + Text(source))
                console.print(
                    Text(" " * (width + 5) + "| ", style="dim")
                    + Text(" " * len(prefix) + "^" * max(span, 1), style=_STYLE[finding.severity])
                )
            fixable = finding.fix_applicability
            note = note_of(finding, numbers)
            if fixable is not Applicability.NONE:
                console.print(Text(f"      fix ({fixable.value})", style="green"), end="")
                # "fix (safe): renames the value; ...", not "fix (safe): fix renames ..."
                console.print(Text(f": {note.removeprefix('fix ')}" if note else "", style="dim"))
            elif note:
                console.print(Text(f"      note: {note}", style="dim"))
        console.print()


def render_errors(console: Console, run) -> None:
    for error in run.errors:
        console.print(Text(f"error: {safe_path(error.path)}: {error.message}", style="red"))
    for path, reason in run.skipped:
        console.print(Text(f"skipped: {safe_path(path)}: {reason}", style="dim"))


def render_statistics(console: Console, run) -> None:
    """Counts per rule (``--statistics``): "fixable" is what ``fix --write``
    fixes, "unsafe" what ``--unsafe-fixes`` adds, as the closing summary
    counts them."""
    rows = rule_statistics(run.findings)
    if rows:
        # from the findings themselves: importing the rules would import
        # libcst, a tenth of a second on a run that may not have needed it
        from rich.table import Table  # not on a clean run (pre-commit)

        rules = Table(show_edge=False, box=None, pad_edge=False)
        for column in ("code", "name", "severity", "count", "fixable", "unsafe"):
            rules.add_column(column, justify="right" if column in ("count", "fixable", "unsafe") else "left")
        for row in rows:
            rules.add_row(row["code"], row["name"], row["severity"], str(row["count"]),
                          str(row["fixable_count"]), str(row["unsafe_fixable_count"]))
        console.print(rules)
        console.print()


def render_footer(console: Console, run) -> None:
    footer = api_error_footer(run.findings)
    if footer:
        console.print(Text(footer, style="dim"))


def render_summary(console: Console, run, fixed: int = 0, plan_shown: bool = True) -> None:
    summary = summarize(run, fixed)
    parts = [f"{summary.by_severity[s]} {s}" for s in ("error", "warning", "info") if summary.by_severity[s]]
    counts = f" ({', '.join(parts)})" if parts else ""
    line = f"Found {summary.findings} finding{'s' if summary.findings != 1 else ''}{counts}"
    line += f" in {summary.files_scanned} file{'s' if summary.files_scanned != 1 else ''} scanned"
    if summary.files_as_text:
        line += f" ({summary.files_as_text} as plain text)"
    if summary.suppressed:
        line += f", {summary.suppressed} suppressed"
    if summary.files_skipped:
        line += f", {summary.files_skipped} skipped"
    if summary.files_failed:
        line += f", {summary.files_failed} with errors"
    if summary.paths_missing:
        # the paths themselves are on standard error (cli: missing_path_errors)
        line += f"; {summary.paths_missing} path{'s' if summary.paths_missing != 1 else ''} not found"
    console.print(Text(line + ".", style="bold"))
    for hint in next_steps(summary, len(getattr(run, "plan", [])), plan_shown):
        console.print(Text(hint, style="green"))


def render(console: Console, run, quiet: bool = False, statistics: bool = False) -> None:
    """Default: findings, the plan, the API's error, totals and what to run
    next. --statistics: the table per rule instead of the findings, and the
    totals (no plan). --quiet (ruff's -q): the findings (or the table) and errors only."""
    from ds_migrate.report.plan import render_text as render_plan

    if not statistics:
        render_findings(console, run)
    render_errors(console, run)
    if statistics:
        render_statistics(console, run)
    if quiet:
        return
    if run.errors or run.skipped:
        console.print()
    if statistics:
        # the table and the counts, as ruff's --statistics: the plan is the full report's
        render_summary(console, run, plan_shown=False)
        return
    render_plan(console, run)
    render_footer(console, run)
    render_summary(console, run)
