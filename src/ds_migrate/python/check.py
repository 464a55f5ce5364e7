"""Run the rules over one parsed module and turn matches into findings."""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Finding
from ds_migrate.lines import LineIndex
from ds_migrate.mapping import Mapping
from ds_migrate.names import find_legacy_names
from ds_migrate.python.analyzer import analyze
from ds_migrate.rules import CheckContext, Rule, name_rules, rule_by_code


def finding_at(
    path: str, index: LineIndex, start: int, end: int, rule: Rule, message: str, **extra
) -> Finding:
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.code,
        name=rule.name,
        severity=extra.pop("severity", None) or rule.severity,
        message=message,
        **extra,
    )


def check_module(path: str, source: str, module: cst.Module, mapping: Mapping) -> list[Finding]:
    analysis = analyze(source, module)
    index = LineIndex(source)
    ctx = CheckContext(mapping)
    rules = name_rules()
    findings: list[Finding] = []
    claimed: set[int] = set()
    for site in analysis.sites:
        for rule in rules:
            match = rule.match(site, ctx)
            if match is None:
                continue
            findings.append(
                finding_at(
                    path,
                    index,
                    site.absolute_start,
                    site.absolute_end,
                    rule,
                    match.message,
                    severity=match.severity,
                    legacy_name=site.name.text,
                    fix=match.fix,
                    note=match.note,
                )
            )
            claimed.add(site.absolute_start)
            break
    dynamic = rule_by_code("DSM107")
    for site in analysis.dynamic:
        start = site.offset + site.start
        findings.append(finding_at(path, index, start, start + len("deepseek-"), dynamic, dynamic.message))
    findings.extend(
        unclaimed_names(path, source, index, claimed, "not inside a string or comment the analysis understood")
    )
    return findings


def unclaimed_names(
    path: str, text: str, index: LineIndex, claimed: set[int], why: str
) -> list[Finding]:
    """Findings for occurrences no rule claimed, so that none is ever lost."""
    rule = rule_by_code("DSM109")
    found = []
    for name in find_legacy_names(text):
        if name.start in claimed:
            continue
        found.append(
            finding_at(
                path,
                index,
                name.start,
                name.end,
                rule,
                f"Retired model name '{name.text}' ({why})",
                legacy_name=name.text,
            )
        )
    return found
