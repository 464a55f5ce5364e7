"""Run the rules over one parsed module and turn matches into findings."""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Finding, finding_at
from ds_migrate.lines import LineIndex
from ds_migrate.mapping import Mapping
from ds_migrate.languages.textscan import unclaimed_names
from ds_migrate.python.analyzer import analyze
from ds_migrate.rules import CheckContext, Rule, name_rules, rule_by_code


class _Locator:
    """Node positions from libcst metadata, computed only if a rule needs them."""

    def __init__(self, module: cst.Module, index: LineIndex) -> None:
        self.module = module
        self.index = index
        self._positions = None

    def span(self, node: cst.CSTNode) -> tuple[int, int]:
        if self._positions is None:
            from libcst.metadata import MetadataWrapper, PositionProvider

            wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(PositionProvider)
        code_range = self._positions[node]
        start = self.index.offset(code_range.start.line, code_range.start.column + 1)
        end = self.index.offset(code_range.end.line, code_range.end.column + 1)
        return start, end


def check_module(path: str, source: str, module: cst.Module, mapping: Mapping) -> list[Finding]:
    analysis = analyze(source, module)
    index = LineIndex(source)
    ctx = CheckContext(mapping, assume_mode=mapping.assume_mode, info=analysis.info)
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
    findings.extend(_thinking_findings(path, module, index, ctx))
    return findings


def _thinking_findings(path: str, module: cst.Module, index: LineIndex, ctx: CheckContext) -> list[Finding]:
    from ds_migrate.python.requests import deepseek_requests
    from ds_migrate.rules import all_rules

    rules = [rule for rule in all_rules() if not rule.claims_names]
    ctx.requests = deepseek_requests(ctx.info)
    locator = _Locator(module, index)
    findings = []
    for rule in rules:
        matches = [m for request in ctx.requests for m in rule.check_request(request, ctx)]
        matches.extend(rule.check_module(ctx))
        for match in matches:
            start, end = locator.span(match.node)
            findings.append(
                finding_at(
                    path, index, start, end, rule, match.message,
                    severity=match.severity, fix=match.fix, note=match.note,
                )
            )
    return findings
