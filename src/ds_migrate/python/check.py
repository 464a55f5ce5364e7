"""Run the rules over one parsed module and turn matches into findings."""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Finding, finding_at, roles
from ds_migrate.findings.lines import LineIndex, line_index
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.languages.textscan import unclaimed_names
from ds_migrate.python.analyzer import analyze
from ds_migrate.python.contained import contained_v4_spans
from ds_migrate.python.collisions import (
    beside_current_id,
    in_compat_branch,
    message_names_current_id,
    named_as_legacy,
)
from ds_migrate.rules.compat_code import as_compat
from ds_migrate.rules.dynamic_name import PIECE, DynamicModelName
from ds_migrate.rules.messages import DYNAMIC_NAME
from ds_migrate.rules import CheckContext, name_rules, rule_by_code




class _Locator:
    """Where a request's parts are, found from the model string's known
    offset when possible; libcst's position metadata (a pass over the whole
    module, several times the cost of the parse) only when not."""

    def __init__(self, module: cst.Module, index: LineIndex, source: str, offsets: dict[int, int]) -> None:
        self.module = module
        self.index = index
        self.source = source
        self.offsets = offsets
        self._positions = None

    def locate(self, node: cst.CSTNode, request) -> tuple[int, int]:
        if id(node) in self.offsets and isinstance(node, cst.SimpleString):
            start = self.offsets[id(node)]
            return start, start + len(node.value)
        anchor = self._anchor(request) if request is not None else None
        if anchor is not None:
            anchor_node, start = anchor
            if node is request.node:
                return start, start + len(anchor_node.value)
            if any(v is node for v in request.params.values()):
                found = self._within(request.node, anchor_node, start, node)
                if found is not None:
                    first_line = self.module.code_for_node(node).split("\n", 1)[0]
                    return found, found + len(first_line)
        return self.span(node)

    def _within(self, request_node, anchor_node, anchor_start: int, node) -> int | None:
        """Offset of ``node`` measured inside the request's own text, from
        the model string's known offset: a search of the source near the
        model string found the neighbour's ``temperature=`` when two requests
        share a few lines. Lines keep their breaks in the request's code
        alone; only the block's indentation and the text before the request
        on its first line differ, and those are measured per line."""
        inside = _positions_within(request_node)
        if id(node) not in inside or id(anchor_node) not in inside:
            return None
        (a_line, a_col), (n_line, n_col) = inside[id(anchor_node)], inside[id(node)]
        lines = inside["lines"]
        a_row = self.index.position(anchor_start)[0]
        row = a_row + n_line - a_line
        if n_line == a_line:
            shift = self.index.position(anchor_start)[1] - 1 - a_col
        else:
            original = self.index.line_text(row)
            alone = lines[n_line - 1]
            if n_line == 1:  # the request's first line ends where the original's does
                shift = len(original) - len(alone)
            else:
                shift = (len(original) - len(original.lstrip())) - (len(alone) - len(alone.lstrip()))
        return self.index.offset(row, n_col + shift + 1)

    def _anchor(self, request) -> tuple[cst.SimpleString, int] | None:
        """The request's model string and its offset in the source, when known."""
        from ds_migrate.python.usage import MODEL_KEYWORDS

        for key, value in request.params.items():
            if key in MODEL_KEYWORDS and id(value) in self.offsets:
                return value, self.offsets[id(value)]
        if request.context is not None and request.node.args:
            first = request.node.args[0].value
            if id(first) in self.offsets:
                return first, self.offsets[id(first)]
        return None

    def span(self, node: cst.CSTNode) -> tuple[int, int]:
        if self._positions is None:
            from libcst.metadata import MetadataWrapper, PositionProvider

            wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(PositionProvider)
        code_range = self._positions[node]
        start = self.index.offset(code_range.start.line, code_range.start.column + 1)
        end = self.index.offset(code_range.end.line, code_range.end.column + 1)
        return start, end


def _positions_within(node: cst.CSTNode) -> dict:
    """(line, column) of each node of ``node`` within ``node``'s own code,
    and that code's lines (key ``"lines"``): libcst's positions over a module
    made of the expression alone, so the cost is the request's size."""
    from libcst.metadata import MetadataWrapper, PositionProvider

    if not isinstance(node, cst.BaseExpression):
        return {}
    alone = cst.Module(body=[cst.SimpleStatementLine(body=[cst.Expr(value=node)])])
    positions = MetadataWrapper(alone, unsafe_skip_copy=True).resolve(PositionProvider)
    found: dict = {id(n): (r.start.line, r.start.column) for n, r in positions.items()}
    found["lines"] = [line.rstrip("\r") for line in alone.code.split("\n")]
    return found


def check_module(
    path: str, source: str, module: cst.Module, mapping: Mapping, plan=None, flows=None
) -> tuple[list[Finding], dict[int, tuple[cst.CSTNode, ...]], list[tuple[int, int, str | None]]]:
    """The findings, the ancestors of every node a fix may edit, and the
    spans of the strings that name a V4 id only as a request's own model
    (python/contained.py).

    ``module`` may be parsed from a slice of ``source`` (``plan``); the
    module-wide facts a slice leaves out then come from the plan.
    ``flows``: line -> flow.Hint, for requests whose model comes from
    another module (the whole run found them; the module is parsed whole).
    """
    analysis = analyze(source, module, plan, path)
    index = line_index(source)
    ctx = CheckContext(mapping, assume_mode=mapping.assume_mode, info=analysis.info)
    rules = name_rules()
    findings: list[Finding] = []
    claimed: set[int] = set()
    for site in analysis.sites:
        for rule in rules:
            match = rule.match(site, ctx)
            if match is None:
                continue
            finding = finding_at(
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
                role=match.role,
            )
            if (
                (roles.IN_COLLECTIONS in rule.may_be_compat_in and (beside_current_id(site) or named_as_legacy(site)))
                or (roles.IN_BRANCHES in rule.may_be_compat_in and in_compat_branch(site))
                or (roles.IN_TEXT in rule.may_be_compat_in and message_names_current_id(site))
            ):
                as_compat(finding, rule_by_code("DSM113"))
            findings.append(finding)
            claimed.add(site.absolute_start)
            break
    for site in analysis.dynamic:
        start = site.offset + site.start
        findings.append(finding_at(path, index, start, start + len(PIECE), DynamicModelName, DYNAMIC_NAME))
    findings.extend(
        unclaimed_names(path, source, index, claimed, "not inside a string or comment the analysis understood")
    )
    findings.extend(_thinking_findings(path, module, index, ctx, analysis.offsets, flows))
    contained = contained_v4_spans(analysis) if analysis.v4_strings else []
    if analysis.info.questions is not None:
        plan.check_covers(analysis.info.questions)
    return findings, analysis.ancestry, contained


def _thinking_findings(
    path: str, module: cst.Module, index: LineIndex, ctx: CheckContext, offsets: dict[int, int], flows=None
) -> list[Finding]:
    from ds_migrate.python.requests import deepseek_requests
    from ds_migrate.rules import all_rules

    rules = [rule for rule in all_rules() if not rule.claims_names]
    locator = _Locator(module, index, index.text, offsets)

    def flow_of(node):
        start, _ = locator.span(node)
        return flows.get(index.position(start)[0])

    ctx.requests = deepseek_requests(ctx.info, flow_of if flows else None)
    findings = []
    for rule in rules:
        matches = [(m, request) for request in ctx.requests for m in rule.check_request(request, ctx)]
        matches.extend((m, None) for m in rule.check_module(ctx))
        for match, request in matches:
            start, end = locator.locate(match.node, request)
            findings.append(
                finding_at(
                    path, index, start, end, rule, match.message,
                    severity=match.severity, fix=match.fix, note=match.note,
                )
            )
    return findings
