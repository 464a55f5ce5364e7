"""Scan and fix one file: read once, prefilter, decode, analyse, fix, verify.

libcst is imported only when a file actually mentions DeepSeek, so a run
over files that do not stays fast.
"""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from itertools import accumulate
from dataclasses import dataclass, field

from ds_migrate.findings import Applicability, FileError, FileResult, Finding, apply_text_edits
from ds_migrate.lines import LineIndex, line_index
from ds_migrate.mapping import Mapping
from ds_migrate.suppression import is_suppressed

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
# Parse only what a rule can report on: a retired name, a V4 name, the API
# host, a "deepseek-" piece that code completes, or reasoning_content.
_DEEPSEEK_BYTES = re.compile(rb"deepseek", re.IGNORECASE)
_WORTH_PARSING_AT = re.compile(r"deepseek(?:-(?:chat|reasoner|coder|v4|flash|pro|['\"{%$`]|$)|\.com)", re.MULTILINE)


def worth_parsing(text: str) -> bool:
    """Does the text hold something a rule reports on? Tried only where
    "deepseek" occurs: one regex over the whole file costs more than that."""
    lowered = text.lower()
    if "reasoning_content" in lowered:
        return True
    at = lowered.find("deepseek")
    while at >= 0:
        if _WORTH_PARSING_AT.match(lowered, at):
            return True
        at = lowered.find("deepseek", at + 8)
    return False


@dataclass(frozen=True)
class Options:
    mapping: Mapping = field(default_factory=Mapping)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    describe_fixes: bool = False  # work out each fix's text replacement (SARIF)

    def ignored_in_file(self, path: str, code: str) -> bool:
        import fnmatch

        posix = path.replace("\\", "/")
        for glob, codes in self.per_file_ignores:
            if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(posix, f"*/{glob}"):
                if not codes or any(code.upper().startswith(c) for c in codes):
                    return True
        return False

    def selects(self, code: str) -> bool:
        code = code.upper()
        if self.select and not any(code.startswith(s.upper()) for s in self.select):
            return False
        return not any(code.startswith(i.upper()) for i in self.ignore)

    def may_apply(self, finding: Finding) -> bool:
        applicability = finding.fix_applicability
        return applicability is Applicability.SAFE or (
            applicability is Applicability.UNSAFE and self.unsafe_fixes
        )


@dataclass(slots=True)  # one per file: tens of thousands on a big tree
class Processed:
    result: FileResult
    text: str | None = None  # decoded source, when it was decoded
    fixed_text: str | None = None  # new source, when fixes changed it
    fixed_data: bytes | None = None
    applied: list[Finding] = field(default_factory=list)
    # in-process only (dropped before crossing a process boundary)
    module: object | None = None
    encoding: str | None = None
    original: bytes | None = None
    ancestry: dict | None = None  # lets the rewrite skip subtrees no fix touches
    plan: object | None = None  # the slice ``module`` was parsed from (python.slicing)


class DecodeError(Exception):
    pass


def decode_python(data: bytes) -> tuple[str, str]:
    """Text and codec of Python source, honouring a BOM and a PEP 263 cookie."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise DecodeError(str(error)) from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not valid {encoding} (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def _needs_reading(processed: Processed, data: bytes, options: Options, requests_from_elsewhere: bool = False) -> bool:
    """The checks every file passes before it is decoded: size, UTF-16, binary, prefilter.

    A file that cannot mention DeepSeek is clean whatever its size or kind,
    so it gets no "skipped" message (and the answer is the same whether or
    not ripgrep ruled it out first).
    """
    result = processed.result
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _utf16(processed, data, options)
        return False
    if len(data) > options.max_file_size:
        # no lowered copy of a huge file: the slower regex costs no memory
        if _DEEPSEEK_BYTES.search(data):
            result.skipped = f"larger than {_size(options.max_file_size)} (--max-file-size)"
        return False
    # bytes.lower() and a plain search run at memory speed; an IGNORECASE
    # regex is five times slower on a big tree
    if b"deepseek" not in data.lower() and not requests_from_elsewhere:
        return False
    if b"\x00" in data:
        result.skipped = "binary (contains NUL bytes)"
        return False
    return True


def process_python(path: str, data: bytes, options: Options, want_fix: bool = False, decision=None) -> Processed:
    result = FileResult(path)
    processed = Processed(result)
    flows = decision.flows_for(path) if decision is not None else None
    if not _needs_reading(processed, data, options, bool(flows)):
        return processed
    processed.original = data
    try:
        text, encoding = decode_python(data)
    except DecodeError as error:
        result.errors.append(FileError(path, f"cannot decode: {error}; searched as text, not fixed"))
        _text_fallback(result, data.decode("latin-1"), options, "file could not be decoded")
        return processed
    processed.text = text
    from ds_migrate.python.model_sources import extract, reads_model_by_name

    result.model_sources = extract(text)  # a client or URL setting is worth following, too
    result.reads_model = reads_model_by_name(text)
    if not worth_parsing(text) and not flows:
        return processed
    too_complex = _too_complex(text)
    if too_complex:
        result.errors.append(FileError(path, f"{too_complex}; searched as text, not fixed"))
        _text_fallback(result, text, options, "file too complex to parse safely")
        return processed
    run_with_deep_stack(_analyse, processed, text, encoding, options, want_fix, decision)
    return processed


def _size(count: int) -> str:
    if count >= 1024 * 1024 and count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MiB"
    return f"{count} bytes"


def _utf16(processed: Processed, data: bytes, options: Options) -> Processed:
    """Python never reads UTF-16 source, but a name in it is still a name."""
    result = processed.result
    if len(data) > options.max_file_size:
        result.skipped = f"larger than {_size(options.max_file_size)} (--max-file-size)"
        return processed
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        result.skipped = "binary (UTF-16 byte order mark, undecodable)"
        return processed
    if "deepseek" not in text.lower():
        return processed
    result.errors.append(
        FileError(result.path, "UTF-16 encoded (byte order mark): Python source must be UTF-8 "
                  "or declare its codec; searched as text, not fixed")
    )
    _text_fallback(result, text, options, "UTF-16 file")
    return processed


def _analyse(processed: Processed, text: str, encoding: str, options: Options, want_fix: bool, decision) -> None:
    import libcst as cst

    from ds_migrate.python.check import check_module
    from ds_migrate.python.slicing import SliceTooNarrow

    result, path = processed.result, processed.result.path
    checked = None
    flows = decision.flows_for(path) if decision is not None else None
    # requests whose model comes from elsewhere need not mention DeepSeek: no slice
    plan, module = _parse_slice(text) if not flows else (None, None)
    if module is not None:
        try:
            checked = check_module(path, text, module, options.mapping, plan)
        except (SliceTooNarrow, RecursionError):
            plan = plan.widened(text)  # the whole module decides, and reports its own errors
    if checked is None:
        try:
            module = cst.parse_module(text)
        except (cst.ParserSyntaxError, RecursionError, MemoryError) as error:
            line = getattr(error, "raw_line", None)
            message = getattr(error, "message", None) or type(error).__name__
            where = f" at line {line}" if line else ""
            result.errors.append(
                FileError(path, f"syntax error{where}: {message}; searched as text, not fixed", line)
            )
            _text_fallback(result, text, options, "file does not parse")
            return
        if plan is not None and len(module.body) != len(plan.units):
            plan = None  # cannot guide the splice: print the whole module
        try:
            checked = check_module(path, text, module, options.mapping, plan, flows)
        except RecursionError:
            result.errors.append(FileError(path, "nested too deeply to analyse; searched as text, not fixed"))
            _text_fallback(result, text, options, "nested too deeply to analyse")
            return
    findings, ancestry = checked
    result.parsed = True
    processed.module, processed.encoding, processed.ancestry = module, encoding, ancestry
    processed.plan = plan
    _sort_into(result, findings, text, options)
    if options.describe_fixes:
        _describe_fixes(result, module, text, options, ancestry, plan)
    if want_fix:
        try:
            apply_chosen(processed, choose_fixes(result, options, decision), options)
        except RecursionError:
            result.errors.append(FileError(path, "nested too deeply to rewrite; not fixed"))


def _parse_slice(text: str):
    """The slice plan and the libcst module parsed from it (python/slicing)."""
    from ds_migrate.python import slicing

    return slicing.parse(text)


# CPython itself refuses more than 200 nested brackets; libcst's parser slows
# down sharply (and its stack runs out) on far less extreme shapes.
MAX_BRACKET_DEPTH = 200
MAX_LINE_LENGTH = 20_000
_NOT_BRACKET = re.compile(r"[^()\[\]{}]+")


def _too_complex(text: str) -> str | None:
    """Why the file should not go to the parser, for shapes that would hang or crash it."""
    if len(text) > MAX_LINE_LENGTH and max(map(len, text.split("\n"))) > MAX_LINE_LENGTH:
        return f"a line longer than {MAX_LINE_LENGTH} characters (minified or generated code)"
    brackets = _NOT_BRACKET.sub("", text)
    if len(brackets) > MAX_BRACKET_DEPTH:
        # running depth, computed at C speed: +1 per opening, -1 per closing
        deepest = max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)))
        if deepest > MAX_BRACKET_DEPTH:
            return f"brackets nested {deepest} deep (Python allows {MAX_BRACKET_DEPTH})"
    return None


_DEPTH_STEP = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


DEEP_STACK_BYTES = 256 * 1024 * 1024
DEEP_RECURSION_LIMIT = 20_000
_DEEP_THREAD = "ds-migrate-deep-stack"


def run_with_deep_stack(function, *args) -> None:
    """Run ``function`` on a thread with a large stack.

    libcst's parser and visitors recurse once per nesting level; on the main
    thread's default stack a deeply nested file could crash the process
    instead of raising an error we can report.
    """
    import sys
    import threading

    if threading.current_thread().name == _DEEP_THREAD:
        function(*args)  # already on a deep stack (a worker runs its whole batch on one)
        return
    failure: list[BaseException] = []

    def target() -> None:
        try:
            function(*args)
        except BaseException as error:  # re-raised on the calling thread
            failure.append(error)

    if sys.getrecursionlimit() < DEEP_RECURSION_LIMIT:
        sys.setrecursionlimit(DEEP_RECURSION_LIMIT)
    previous = threading.stack_size(DEEP_STACK_BYTES)
    try:
        thread = threading.Thread(target=target, name=_DEEP_THREAD)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    if failure:
        raise failure[0]


def _describe_fixes(result: FileResult, module, text: str, options: Options, ancestry: dict, plan=None) -> None:
    """Attach to each fix the one text replacement it makes (for SARIF)."""
    from ds_migrate.python.rewrite import apply_fixes
    from ds_migrate.python.slicing import SpliceError

    index = LineIndex(text)
    for finding in result.findings:
        if finding.fix is None or not finding.fix.edits:
            continue
        try:
            new = apply_fixes(module, [finding.fix], options.mapping, ancestry, text, plan)
        except SpliceError:  # no region to describe
            continue
        start = 0
        limit = min(len(text), len(new))
        while start < limit and text[start] == new[start]:
            start += 1
        end_old, end_new = len(text), len(new)
        while end_old > start and end_new > start and text[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        start_line, start_column = index.position(start)
        end_line, end_column = index.position(end_old)
        finding.fix.region = (start_line, start_column, end_line, end_column, new[start:end_new])


# Findings that may already be compat code (a V4 id on the same line).
_MAY_BE_COMPAT = frozenset({"DSM101", "DSM102", "DSM103", "DSM104", "DSM105", "DSM106", "DSM108", "DSM109", "DSM112"})


def _mark_compat_code(findings: list[Finding], index) -> None:
    """A legacy id on a line that also names a V4 id is compat code, in every file kind."""
    from ds_migrate.rules import rule_by_code
    from ds_migrate.rules.compat_code import as_compat, names_current_id

    rule = None
    for finding in findings:
        if finding.legacy_name and finding.code in _MAY_BE_COMPAT and finding.role != "compat":
            if names_current_id(index.line_text(finding.line)):
                rule = rule or rule_by_code("DSM113")
                as_compat(finding, rule)


def _hold_lines_with_hidden_copies(findings: list[Finding], index) -> None:
    """A line holding a legacy id also in a form no rule renames (``"/deepseek-chat"``,
    a test's expected output) cannot have only its other copy renamed."""
    from ds_migrate.names import LEGACY_BASE_NAMES

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


def _sort_into(result: FileResult, findings: list[Finding], text: str, options: Options) -> None:
    from ds_migrate.languages.textscan import provider_slug_findings

    index = line_index(text)
    findings = findings + provider_slug_findings(result.path, text, index, findings)
    _hold_lines_with_hidden_copies(findings, index)
    if "deepseek-" in text and (("-v4-" in text) or ("deepseek-flash" in text) or ("deepseek-pro" in text)):
        from ds_migrate.rules.compat_code import V4_ID

        result.current_ids = tuple(sorted({m.group(0).lower() for m in V4_ID.finditer(text)}))
        _mark_compat_code(findings, index)
    for finding in sorted(findings, key=Finding.sort_key):
        if not options.selects(finding.code):
            finding.suppressed = True  # not reported, but it still couples (decide.py)
            result.unselected.append(finding)
            continue
        if options.ignored_in_file(result.path, finding.code) or is_suppressed(
            index.line_text(finding.line), finding.code
        ):
            finding.suppressed = True
            result.suppressed.append(finding)
        else:
            result.findings.append(finding)


def _text_fallback(result: FileResult, text: str, options: Options, why: str) -> None:
    from ds_migrate.languages.textscan import unclaimed_names

    findings = unclaimed_names(result.path, text, LineIndex(text), set(), why)
    _sort_into(result, findings, text, options)


def choose_fixes(result: FileResult, options: Options, decision=None) -> list[Finding]:
    """The findings whose fixes this run applies: the decision (the whole
    run's, or this file's own when the file stands alone) lowers fixes that
    would break coupled uses; then the tier the user chose applies."""
    from ds_migrate.decide import decide

    every = result.findings + result.suppressed + result.unselected
    if decision is None:
        present = {current: result.path for current in result.current_ids}
        decision = decide(every, target_of=options.mapping.target_of, present=present)
    decision.annotate(every)
    return [f for f in result.findings if f.fix is not None and options.may_apply(f)]


def verify_python(new_text: str, old_text: str, changed: list[str] | None = None) -> None:
    """Raise if ``new_text`` does not parse.

    CPython's own parser checks in a tenth of libcst's time; only when it
    cannot read the original either (syntax newer than this interpreter)
    does libcst, which read the original, check the result. ``changed``,
    when given, are the only statements that differ from the original
    (which CPython read), each whole (an indented one inside ``if 1:``):
    checking them checks the file.
    """
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if changed:
            for statement in changed:
                ast.parse(statement)
            return
        try:
            ast.parse(new_text)
            return
        except SyntaxError:
            try:
                ast.parse(old_text)
            except SyntaxError:
                pass
            else:
                raise
    import libcst as cst

    cst.parse_module(new_text)


def fixed_text(processed: Processed, chosen: list[Finding], options: Options, changed: list[str] | None = None) -> str:
    """The source with the fixes of ``chosen`` applied (in memory)."""
    from ds_migrate.python.rewrite import apply_fixes

    return apply_fixes(
        processed.module, [f.fix for f in chosen], options.mapping, processed.ancestry, processed.text,
        processed.plan, changed,
    )


def apply_chosen(processed: Processed, chosen: list[Finding], options: Options) -> None:
    """Apply the fixes of ``chosen``, verify the result, and keep it for writing."""
    import libcst as cst

    from ds_migrate.python.slicing import SpliceError

    result = processed.result
    if not chosen or processed.module is None:
        return
    changed: list[str] | None = [] if processed.plan is not None else None
    try:
        new_text = fixed_text(processed, chosen, options, changed)
    except SpliceError as error:  # cannot happen for edits in parsed code
        result.errors.append(FileError(result.path, f"internal error: {error}; not written"))
        return
    if new_text == processed.text:
        return
    try:
        verify_python(new_text, processed.text, changed)
        new_data = new_text.encode(processed.encoding)
    except (cst.ParserSyntaxError, SyntaxError, UnicodeEncodeError, RecursionError) as error:
        result.errors.append(
            FileError(result.path, f"internal error: the fixed code did not verify ({error}); not written")
        )
        return
    processed.fixed_text = new_text
    processed.fixed_data = new_data
    processed.applied = chosen


def process_file(path: str, data: bytes, options: Options, want_fix: bool = False, decision=None) -> Processed:
    """Scan (and fix) one file of any supported kind.

    ``decision`` (decide.py) is the whole run's; without one, a fix is
    decided from this file's own occurrences.
    """
    from ds_migrate.languages import handler_for

    handler = handler_for(path)
    if handler is not None:
        return process_other(handler, path, data, options, want_fix, decision)
    if path.endswith((".py", ".pyi", ".pyw")) or path == "-" or data.startswith(b"#!") and b"python" in data[:100]:
        return process_python(path, data, options, want_fix, decision)
    from ds_migrate.languages.plain import PlainText

    return process_other(PlainText(), path, data, options, want_fix, decision)


def process_other(handler, path: str, data: bytes, options: Options, want_fix: bool, decision=None) -> Processed:
    result = FileResult(path)
    processed = Processed(result)
    if not _needs_reading(processed, data, options):
        return processed
    processed.original = data
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        result.errors.append(
            FileError(path, f"cannot decode: not valid utf-8 (byte 0x{data[error.start]:02x} "
                      f"at offset {error.start}); searched as text, not fixed")
        )
        _text_fallback(result, data.decode("latin-1"), options, "file could not be decoded")
        return processed
    processed.text, processed.encoding = text, encoding
    try:
        findings = handler.scan(path, text, options.mapping)
    except RecursionError:
        result.errors.append(FileError(path, "nested too deeply to analyse; searched as text, not fixed"))
        _text_fallback(result, text, options, "nested too deeply to analyse")
        return processed
    result.parsed = True
    _sort_into(result, findings, text, options)
    if want_fix:
        chosen = choose_fixes(result, options, decision)
        if not chosen:
            return processed
        new_text = handler.apply(text, chosen) if hasattr(handler, "apply") else apply_text_edits(
            text, [edit for f in chosen for edit in f.fix.edits]
        )
        if new_text == text:
            return processed
        problem = handler.problem_with(new_text, path)
        if problem:
            if handler.problem_with(text, path):
                problem = "the file did not parse before the fix either, so the fix cannot be checked"
            result.errors.append(FileError(path, f"{problem}; not written"))
            return processed
        processed.fixed_text = new_text
        processed.fixed_data = new_text.encode(encoding)
        processed.applied = chosen
    return processed
