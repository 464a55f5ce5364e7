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
    fixed: int

    @property
    def fixable_safe(self) -> int:
        return self.fixable["safe"]

    @property
    def fixable_unsafe(self) -> int:
        return self.fixable["unsafe"]

    def as_dict(self) -> dict:
        return asdict(self)


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
        fixable={
            "safe": sum(1 for f in findings if f.fix_applicability is Applicability.SAFE),
            "unsafe": sum(1 for f in findings if f.fix_applicability is Applicability.UNSAFE),
        },
        fixed=fixed,
        files_as_text=getattr(run, "files_as_text", 0),
    )
