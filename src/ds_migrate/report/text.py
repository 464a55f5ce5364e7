"""The terminal report: findings grouped by file, source line and caret,
then a summary table. Plain text when not on a terminal or with NO_COLOR."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from ds_migrate.findings import Applicability, Severity
from ds_migrate.findings.lines import LineIndex
from ds_migrate.report.summary import summarize

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def safe_path(path: str) -> str:
    """A path with control characters escaped, so it cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in path)


def _source_lines(run) -> dict[str, LineIndex]:
    return {p.result.path: LineIndex(p.text) for p in run.processed if p.text is not None}


def render_findings(console: Console, run) -> None:
    sources = _source_lines(run)
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
            if fixable is not Applicability.NONE:
                console.print(Text(f"      fix ({fixable.value})", style="green"), end="")
                console.print(Text(f": {finding.explanation}" if finding.explanation else "", style="dim"))
            elif finding.explanation:
                console.print(Text(f"      note: {finding.explanation}", style="dim"))
        console.print()


def render_errors(console: Console, run) -> None:
    for error in run.errors:
        console.print(Text(f"error: {safe_path(error.path)}: {error.message}", style="red"))
    for path in run.discovery.missing:
        console.print(Text(f"error: {safe_path(path)}: no such file or folder", style="red"))
    for path, reason in run.skipped:
        console.print(Text(f"skipped: {safe_path(path)}: {reason}", style="dim"))


def render_summary(console: Console, run, table: bool = True, fixed: int = 0) -> None:
    summary = summarize(run, fixed)
    if table and summary.findings:
        # from the findings themselves: importing the rules would import
        # libcst, a tenth of a second on a run that may not have needed it
        from rich.table import Table  # not on a clean run (pre-commit)

        rules = Table(show_edge=False, box=None, pad_edge=False)
        for column in ("code", "name", "severity", "count", "fixable"):
            rules.add_column(column, justify="right" if column in ("count", "fixable") else "left")
        for code, count in summary.by_rule.items():
            found = [f for f in run.findings if f.code == code]
            worst = max(f.severity for f in found)
            fixable = sum(1 for f in found if f.fix_applicability is not Applicability.NONE)
            rules.add_row(code, found[0].name, worst.label, str(count), str(fixable))
        console.print(rules)
        console.print()
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
    console.print(Text(line + ".", style="bold"))
    if summary.fixable_safe or summary.fixable_unsafe:
        hint = f"{summary.fixable_safe} fixable with `ds-migrate fix --write`"
        if summary.fixable_unsafe:
            hint += f"; {summary.fixable_unsafe} more with `--unsafe-fixes`"
        console.print(Text(hint + ".", style="green"))


def render(console: Console, run, quiet: bool = False, statistics: bool = False) -> None:
    """Default: findings, table, totals. --statistics: table and totals. --quiet: totals."""
    if not quiet and not statistics:
        render_findings(console, run)
    render_errors(console, run)
    render_summary(console, run, table=not quiet)
