"""Build output that was committed: copies the build makes from the sources.

Maven copies ``src/main/resources`` to ``target/classes``, Gradle to
``build/resources/main``, IntelliJ to ``out/production``, Eclipse to
``bin/main``; setuptools copies packages to ``build/lib``. A retired id in such
a copy is fixed by fixing its source and building again: rewriting the copy
by hand is churn a maintainer would not commit (and the next build undoes
it). So it is reported as info, never rewritten, and couples with nothing.
"""

from __future__ import annotations

import re

from ds_migrate.findings import Finding, Severity, roles

# A folder a build writes, recognised by the layout inside it (a bare "build/"
# or "bin/" may hold sources: scripts, a package named build).
_OUTPUT = re.compile(
    r"(?:^|/)(?:"
    r"target/(?:classes|test-classes|generated-sources|generated-test-sources|generated-resources)"
    r"|build/(?:classes|resources/(?:main|test)|generated|intermediates|tmp|lib(?:\.[\w.-]+)?)"
    r"|out/(?:production|test)"
    r"|bin/(?:main|test)"
    r")/",
)


def build_output_dir(path: str) -> str | None:
    """The build-output folder ``path`` lies in (``target/classes/``), or None."""
    match = _OUTPUT.search(path.replace("\\", "/"))
    return match.group(0).lstrip("/") if match else None


def mark_build_output(path: str, findings: list[Finding]) -> None:
    """Every retired id in a committed build copy: info, no fix, no coupling."""
    where = build_output_dir(path)
    if where is None:
        return
    for finding in findings:
        if not finding.legacy_name:
            finding.fix = None  # a toggle in a copy is churn too
            finding.note = f"in build output ({where}): fix the source and build again"
            continue
        finding.code, finding.name, finding.severity = "DSM109", "legacy-name", Severity.INFO
        finding.message = (
            f"Retired model name '{finding.legacy_name}' in build output ({where} is written by the build): "
            "not rewritten; fix the source it was copied from and build again"
        )
        finding.fix, finding.note, finding.role = None, None, roles.GENERATED
