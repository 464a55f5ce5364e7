"""``--format markdown``: for a pull-request comment or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from ds_migrate.report.plan import plan_lines
from ds_migrate.report.summary import summarize


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(run, fixed: int = 0) -> str:
    summary = summarize(run, fixed)
    lines = ["## ds-migrate: retired DeepSeek model names", ""]
    if not summary.findings:
        lines.append(f"No retired model names in {summary.files_scanned} files scanned.")
    else:
        lines.append(
            f"**{summary.findings} findings** in {summary.files_scanned} files scanned "
            f"({summary.by_severity['error']} errors, {summary.by_severity['warning']} warnings, "
            f"{summary.by_severity['info']} info). {summary.fixable_safe} fixable with "
            "`ds-migrate fix --write`"
            + (f", {summary.fixable_unsafe} more with `--unsafe-fixes`." if summary.fixable_unsafe else ".")
        )
        lines += ["", "| rule | count |", "|---|---|"]
        lines += [f"| {code} | {count} |" for code, count in summary.by_rule.items()]
        lines += ["", "<details><summary>All findings</summary>", "", "| where | rule | severity | message |", "|---|---|---|---|"]
        for f in run.findings:
            lines.append(f"| `{_cell(f.path)}:{f.line}:{f.column}` | {f.code} | {f.severity.label} | {_cell(f.message)} |")
        lines += ["", "</details>"]
    plan = plan_lines(run)
    if plan:
        lines += ["", "### Migration plan: what is left for a person", "", "```text", *plan, "```"]
    if run.errors:
        lines += ["", "**Files with errors:**", ""]
        lines += [f"- `{_cell(e.path)}`: {_cell(e.message)}" for e in run.errors]
    return "\n".join(lines) + "\n"
