"""Counts every reporter shows the same way."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from ds_migrate.findings import Applicability


@dataclass
class Summary:
    """The counts; in this order, the ``summary`` of ``--format json``."""

    files_scanned: int
    files_as_text: int  # of files_scanned: searched as plain text
    files_skipped: int
    files_failed: int
    findings: int
    suppressed: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]
    fixable: dict[str, int]  # by applicability: "safe", "unsafe"
    fixed: int  # written to disk by this run
    would_fix: int = 0  # a ``fix`` without --write: what --write would fix
    ignored_naming_retired: int = 0  # gitignored files not scanned that name a retired id
    paths_missing: int = 0  # paths given that do not exist: the run failed (exit 2)

    @property
    def fixable_safe(self) -> int:
        return self.fixable["safe"]

    @property
    def fixable_unsafe(self) -> int:
        return self.fixable["unsafe"]

    def as_dict(self) -> dict:
        return asdict(self)


def summarize(run, fixed: int = 0, would_fix: int = 0) -> Summary:
    findings = run.findings
    severities = Counter(f.severity.label for f in findings)
    return Summary(
        files_scanned=run.files_scanned,
        files_skipped=len(run.skipped),
        files_failed=len({e.path for e in run.errors}),
        findings=len(findings),
        suppressed=len(run.suppressed),
        by_severity={s: severities.get(s, 0) for s in ("error", "warning", "info")},
        by_rule=dict(sorted(Counter(f.code for f in findings).items())),
        fixable={
            "safe": sum(1 for f in findings if f.fix_applicability is Applicability.SAFE),
            "unsafe": sum(1 for f in findings if f.fix_applicability is Applicability.UNSAFE),
        },
        fixed=fixed,
        would_fix=would_fix,
        ignored_naming_retired=len(getattr(run, "ignored_naming_retired", ())),
        files_as_text=getattr(run, "files_as_text", 0),
        paths_missing=len(missing_paths(run)),
    )


MISSING_PATH = "no such file or folder"


def missing_paths(run) -> list[str]:
    """The paths given that do not exist (ruff's E902): the run failed."""
    discovery = getattr(run, "discovery", None)
    return list(getattr(discovery, "missing", ()))


def reported_errors(run) -> list:
    """Every error a report lists: the files that failed, then the paths
    given that do not exist (never a silent "0 files scanned")."""
    from ds_migrate.findings import FileError

    return list(run.errors) + [FileError(path, MISSING_PATH) for path in missing_paths(run)]


def rule_statistics(findings) -> list[dict]:
    """Counts per rule, ruff's ``--statistics`` shape: ``fixable_count`` is
    what ``fix --write`` fixes (safe fixes only), ``unsafe_fixable_count``
    what ``--unsafe-fixes`` adds; ``fixable``: any of them is fixed by
    ``fix --write``. The most frequent rule first, ties in code order (as
    ruff sorts its statistics); each rule's worst severity given."""
    by_code: dict[str, list] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    rows = []
    for code, found in sorted(by_code.items()):
        safe = sum(1 for f in found if f.fix_applicability is Applicability.SAFE)
        rows.append({
            "code": code,
            "name": found[0].name,
            "severity": max(f.severity for f in found).label,
            "count": len(found),
            "fixable": safe > 0,
            "fixable_count": safe,
            "unsafe_fixable_count": sum(1 for f in found if f.fix_applicability is Applicability.UNSAFE),
        })
    rows.sort(key=lambda row: (-row["count"], row["code"]))
    return rows


def api_error_footer(findings) -> str | None:
    """The API's 400 text, once per run (findings say only what to use), so
    that someone searching for the error they saw finds it here."""
    from ds_migrate.deepseek.mapping import RETIREMENT, api_error_text
    from ds_migrate.findings.roles import REFUSED
    from ds_migrate.project.decide import base_id
    from ds_migrate.rules import rule_by_code

    name = next((base_id(f.legacy_name) for f in findings if rule_by_code(f.code).role in REFUSED and f.legacy_name), None)
    if name is None:
        return None
    return f'Since {RETIREMENT} the API answers a request that names a retired id with 400 "{api_error_text(name)}"'


def next_steps(summary: Summary, plan_entries: int, plan_shown: bool = True) -> list[str]:
    """What to run next, in a line or two."""
    lines = []
    if summary.fixable_safe:
        line = f"{summary.fixable_safe} fixable with `ds-migrate fix --write` (preview: `ds-migrate fix`)"
        if summary.fixable_unsafe:
            line += f"; {summary.fixable_unsafe} more with `--unsafe-fixes`"
        lines.append(line + ".")
    elif summary.fixable_unsafe:
        lines.append(
            f"{summary.fixable_unsafe} fixable with `ds-migrate fix --write --unsafe-fixes` "
            "(review first: `ds-migrate fix --unsafe-fixes`)."
        )
    if plan_entries:
        groups = "group" if plan_entries == 1 else "groups"
        where = "see the migration plan" if plan_shown else "`ds-migrate scan` shows the migration plan"
        lines.append(f"{plan_entries} coupled {groups} left for a person: {where}.")
    return lines
