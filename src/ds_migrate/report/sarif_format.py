"""``--format sarif``: SARIF 2.1.0 for code scanning, rules from their own docs."""

from __future__ import annotations

import json

from ds_migrate import __version__
from ds_migrate.findings import Severity
from ds_migrate.report.fix_spans import fix_span, source_texts
from ds_migrate.report import links
from ds_migrate.report.notes import note_of
from ds_migrate.report.summary import MISSING_PATH, missing_paths, reported_errors

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules():
    from ds_migrate.rules import all_rules

    return all_rules()


def _rule_entry(rule) -> dict:
    doc = rule.doc()
    entry = {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description()},
        "help": {"text": doc.as_text(), "markdown": doc.as_markdown()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"fix": doc.fix_safety, "fixable": doc.fixable.value, "tags": ["deepseek", "migration"]},
    }
    url = links.rule_url(doc.code)
    if url:
        entry["helpUri"] = url
    return entry


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(finding, index: dict, numbers: dict, texts: dict) -> dict:
    note = note_of(finding, numbers)
    result = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message + (f" ({note})" if note else "")},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path.replace("\\", "/")},
                    "region": _region(finding.line, finding.column, finding.end_line, finding.end_column),
                }
            }
        ],
        "properties": {"fix": finding.fix_applicability.value},
    }
    region = fix_span(finding, texts)
    if region is not None:
        start_line, start_column, end_line, end_column, inserted = region
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix_applicability.value} fix: {finding.fix.description or 'rewrite'}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": finding.path.replace("\\", "/")},
                        "replacements": [
                            {
                                "deletedRegion": _region(start_line, start_column, end_line, end_column),
                                "insertedContent": {"text": inserted},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def render(run, fixed: int = 0, **settings) -> str:
    rules = _rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    numbers: dict[str, int] = {}  # no plan here (and its numbers move): notes name the id
    texts = source_texts(run)
    driver = {
        "name": "ds-migrate",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule_entry(rule) for rule in rules],
    }
    home = links.home_url()
    if home:
        driver["informationUri"] = home
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message if error.message != MISSING_PATH else f"{error.path}: {error.message}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": error.path.replace("\\", "/")}}}],
        }
        for error in reported_errors(run)
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        # a path that does not exist fails the run (exit 2): code
                        # scanning must not take its empty results as "all fixed"
                        "executionSuccessful": not missing_paths(run),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": [_result(f, index, numbers, texts) for f in run.findings],
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
