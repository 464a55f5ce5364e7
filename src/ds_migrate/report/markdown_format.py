"""``--format markdown``: for a pull-request comment or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from ds_migrate.report.notes import note_of, plan_numbers
from ds_migrate.report.plan import plan_lines
from ds_migrate.report.summary import api_error_footer, next_steps, reported_errors, summarize


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(run, fixed: int = 0, **settings) -> str:
    summary = summarize(run, fixed, settings.get("would_fix", 0))
    numbers = plan_numbers(run)
    lines = ["## ds-migrate: retired DeepSeek model names", ""]
    errors = reported_errors(run)
    if summary.paths_missing:
        lines += [f"**The scan failed:** {summary.paths_missing} given path(s) do not exist (see the errors below).", ""]
    if not summary.findings and summary.paths_missing:
        # not "no retired model names": a failed run must not read as a clean one
        lines.append(f"No retired model names in the {summary.files_scanned} files that could be scanned.")
    elif not summary.findings:
        lines.append(f"No retired model names in {summary.files_scanned} files scanned.")
    else:
        lines.append(
            f"**{summary.findings} findings** in {summary.files_scanned} files scanned "
            f"({summary.by_severity['error']} errors, {summary.by_severity['warning']} warnings, "
            f"{summary.by_severity['info']} info)."
        )
        steps = next_steps(summary, len(getattr(run, "plan", [])))
        if steps:
            lines += ["", *steps]
        lines += ["", "| rule | count |", "|---|---|"]
        lines += [f"| {code} | {count} |" for code, count in summary.by_rule.items()]
        lines += ["", "<details><summary>All findings</summary>", "", "| where | rule | severity | message | note |", "|---|---|---|---|---|"]
        for f in run.findings:
            note = note_of(f, numbers) or ""
            lines.append(
                f"| `{_cell(f.path)}:{f.line}:{f.column}` | {f.code} | {f.severity.label} | {_cell(f.message)} | {_cell(note)} |"
            )
        lines += ["", "</details>"]
    plan = plan_lines(run)
    if plan:
        lines += ["", "### Migration plan: what is left for a person", "", "```text", *plan, "```"]
    footer = api_error_footer(run.findings)
    if footer:
        lines += ["", _cell(footer)]
    if errors:
        lines += ["", "**Errors:**", ""]
        lines += [f"- `{_cell(e.path)}`: {_cell(e.message)}" for e in errors]
    return "\n".join(lines) + "\n"
