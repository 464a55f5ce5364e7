"""``--format junit``: one test case per scanned file, failing when it has
findings at or above ``--fail-on`` (the gate's own threshold: a file with only
info findings passes, as the run does); the others are listed in the case's
``<system-out>``."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from ds_migrate.findings import Severity
from ds_migrate.report.summary import reported_errors


def _line(finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity.label}] {finding.message}"


def render(run, fixed: int = 0, **settings) -> str:
    by_path = defaultdict(list)
    for finding in run.findings:
        by_path[finding.path].append(finding)
    errors = defaultdict(list)
    for error in reported_errors(run):
        errors[error.path].append(error)
    scanned = {r.path for r in run.results if r.skipped is None} | set(run.clean_paths())
    paths = sorted(scanned | set(by_path) | set(errors))
    threshold = Severity.parse(settings.get("fail_on") or "warning")
    failing = {p: [f for f in found if f.severity >= threshold] for p, found in by_path.items()}
    suite = ET.Element(
        "testsuite",
        name="ds-migrate",
        tests=str(len(paths)),
        failures=str(sum(1 for p in paths if failing.get(p))),
        errors=str(sum(1 for p in paths if errors[p])),
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="ds-migrate", name=path)
        failures = failing.get(path, [])
        if failures:
            failure = ET.SubElement(
                case, "failure", message=f"{len(failures)} retired DeepSeek model use(s)", type="ds-migrate"
            )
            failure.text = "\n".join(_line(f) for f in failures)
        below = [f for f in by_path.get(path, []) if f.severity < threshold]
        if below:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(_line(f) for f in below)
        for error in errors[path]:
            ET.SubElement(case, "error", message=error.message, type="ds-migrate")
    tree = ET.Element("testsuites")
    tree.append(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"
