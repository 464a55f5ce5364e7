"""What every file kind does with its findings: hold and mark them, sort
them into reported, suppressed and unselected, and choose the fixes to apply."""

from __future__ import annotations

from ds_migrate.analyse.options import Options
from ds_migrate.analyse.reading import Reading, TextOnly
from ds_migrate.analyse.result import Processed
from ds_migrate.findings import FileError, FileResult, Finding
from ds_migrate.findings.lines import LineIndex, line_index
from ds_migrate.findings.suppression import is_suppressed


def take_reading(processed: Processed, data: bytes, reading: Reading, options: Options) -> str | None:
    """Record what reading ``data`` gave; the text to analyse, if any."""
    if reading.skipped:
        processed.result.skipped = reading.skipped
    elif reading.text_only is not None:
        search_as_text(processed.result, reading.text_only, options)
    elif reading.text is not None:
        processed.text, processed.encoding, processed.original = reading.text, reading.encoding, data
    return reading.text


def search_as_text(result: FileResult, text_only: TextOnly, options: Options, line: int | None = None) -> None:
    """Report why the source cannot be parsed, and find the names in it as text."""
    from ds_migrate.languages.textscan import unclaimed_names

    result.errors.append(FileError(result.path, f"{text_only.problem}; searched as text, not fixed", line))
    text = text_only.text
    sort_into(result, unclaimed_names(result.path, text, LineIndex(text), set(), text_only.why), text, options)


def _mark_compat_code(findings: list[Finding], index) -> None:
    """A legacy id on a line that also names a V4 id is compat code, in every file kind."""
    from ds_migrate.rules import rule_by_code
    from ds_migrate.rules.compat_code import as_compat, names_current_id

    rule = None
    for finding in findings:
        if finding.legacy_name and finding.role not in ("compat", "route") and rule_by_code(finding.code).line_with_v4_is_compat:
            if names_current_id(index.line_text(finding.line)):
                rule = rule or rule_by_code("DSM113")
                as_compat(finding, rule)


def _hold_lines_with_hidden_copies(findings: list[Finding], index) -> None:
    """A line holding a legacy id also in a form no rule renames (``"/deepseek-chat"``,
    a test's expected output) cannot have only its other copy renamed."""
    from ds_migrate.deepseek.names import LEGACY_BASE_NAMES

    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.legacy_name:
            by_line.setdefault(finding.line, []).append(finding)
    for line, found in by_line.items():
        lowered = index.line_text(line).lower()
        raw = sum(lowered.count(base) for base in LEGACY_BASE_NAMES)
        if raw > len(found):
            for finding in found:
                finding.hold = "the same line names it again in a form that is not renamed"


def sort_into(
    result: FileResult, findings: list[Finding], text: str, options: Options, contained=()
) -> None:
    """``contained``: (start, end, mode) of the strings that name a V4 id only as a
    request's own model, with the thinking mode that request sets (python/contained.py, languages/javascript_requests.py):
    no code can observe those, so they are not among the file's ``current_ids``."""
    from ds_migrate.languages.textscan import provider_slug_findings

    from ds_migrate.analyse.build_output import mark_build_output

    index = line_index(text)
    findings = findings + provider_slug_findings(result.path, text, index, findings)
    mark_build_output(result.path, findings)
    _hold_lines_with_hidden_copies(findings, index)
    own_settings = _own_settings(result.path, text)
    if "deepseek-" in text and (("-v4-" in text) or ("deepseek-flash" in text) or ("deepseek-pro" in text)):
        from ds_migrate.rules.compat_code import V4_ID

        # a mapping in ds-migrate's own settings names its target: no use of it (else
        # keeping the plan's --mapping in pyproject.toml held the group it unblocks)
        result.current_ids = tuple(sorted({
            m.group(0).lower() for m in V4_ID.finditer(text)
            if _span_of(m.start(), contained) is None and index.position(m.start())[0] not in own_settings
        }))
        result.contained_ids = tuple(sorted({
            (m.group(0).lower(), span[2]) for m in V4_ID.finditer(text)
            if (span := _span_of(m.start(), contained)) is not None
        }, key=lambda pair: (pair[0], pair[1] or "")))
        _mark_compat_code(findings, index)
    for finding in sorted(findings, key=Finding.sort_key):
        if finding.line in own_settings:
            # ds-migrate's own settings name retired ids on purpose (a mapping, the
            # starter's commented example): not a use, couples nothing, and not
            # counted as suppressed either (init's file made every run say "1 suppressed")
            continue
        if not options.selects(finding.code):
            finding.suppressed = finding.unselected = True  # not reported, but it still couples (decide.py)
            result.unselected.append(finding)
            continue
        if options.ignored_in_file(result.path, finding.code) or is_suppressed(
            index.line_text(finding.line), finding.code
        ):
            finding.suppressed = True
            result.suppressed.append(finding)
        else:
            result.findings.append(finding)


def _span_of(offset: int, spans):
    """The (start, end, mode) of ``spans`` that holds ``offset``, or None."""
    return next((span for span in spans if span[0] <= offset < span[1]), None)


def _own_settings(path: str, text: str) -> set[int]:
    if not path.endswith(".toml"):
        return set()
    from ds_migrate.config import settings_lines

    return settings_lines(path, text)


def choose_fixes(result: FileResult, options: Options, decision=None) -> list[Finding]:
    """The findings whose fixes this run applies: the decision (the whole
    run's, or this file's own when the file stands alone) lowers fixes that
    would break coupled uses; then the tier the user chose applies."""
    from ds_migrate.project.decide import decide

    every = result.findings + result.suppressed + result.unselected
    if decision is None:
        present = {current: result.path for current in result.current_ids}
        answered = {}
        for current, mode in result.contained_ids:
            answered.setdefault(current, []).append((result.path, mode))
        decision = decide(every, target_of=options.mapping.target_of, present=present, answered=answered)
    decision.annotate(every)
    return [f for f in result.findings if f.fix is not None and options.may_apply(f)]
