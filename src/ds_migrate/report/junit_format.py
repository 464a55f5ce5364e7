"""``--format junit``: one test case per scanned file, failing when it has findings."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from ds_migrate.report.summary import reported_errors


def render(run, fixed: int = 0, **settings) -> str:
    by_path = defaultdict(list)
    for finding in run.findings:
        by_path[finding.path].append(finding)
    errors = defaultdict(list)
    for error in reported_errors(run):
        errors[error.path].append(error)
    scanned = {r.path for r in run.results if r.skipped is None} | set(run.clean_paths())
    paths = sorted(scanned | set(by_path) | set(errors))
    suite = ET.Element(
        "testsuite",
        name="ds-migrate",
        tests=str(len(paths)),
        failures=str(sum(1 for p in paths if by_path[p])),
        errors=str(sum(1 for p in paths if errors[p])),
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="ds-migrate", name=path)
        findings = by_path[path]
        if findings:
            failure = ET.SubElement(
                case, "failure", message=f"{len(findings)} retired DeepSeek model use(s)", type="ds-migrate"
            )
            failure.text = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.label}] {f.message}" for f in findings
            )
        for error in errors[path]:
            ET.SubElement(case, "error", message=error.message, type="ds-migrate")
    tree = ET.Element("testsuites")
    tree.append(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"
