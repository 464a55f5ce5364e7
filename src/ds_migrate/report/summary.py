"""Counts every reporter shows the same way."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ds_migrate.findings import Applicability


@dataclass
class Summary:
    files_scanned: int
    files_skipped: int
    files_failed: int
    findings: int
    suppressed: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]
    fixable_safe: int
    fixable_unsafe: int
    fixed: int
    files_as_text: int = 0  # of files_scanned: searched as plain text

    def as_dict(self) -> dict:
        return {
            "files_scanned": self.files_scanned,
            "files_as_text": self.files_as_text,
            "files_skipped": self.files_skipped,
            "files_failed": self.files_failed,
            "findings": self.findings,
            "suppressed": self.suppressed,
            "by_severity": self.by_severity,
            "by_rule": self.by_rule,
            "fixable": {"safe": self.fixable_safe, "unsafe": self.fixable_unsafe},
            "fixed": self.fixed,
        }


def summarize(run, fixed: int = 0) -> Summary:
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
        fixable_safe=sum(1 for f in findings if f.fix_applicability is Applicability.SAFE),
        fixable_unsafe=sum(1 for f in findings if f.fix_applicability is Applicability.UNSAFE),
        fixed=fixed,
        files_as_text=getattr(run, "files_as_text", 0),
    )
