"""Scan and fix one file: read once, prefilter, decode, analyse, fix, verify.

libcst is imported only when a file actually mentions DeepSeek, so a run
over files that do not stays fast.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field

from ds_migrate.findings import Applicability, FileError, FileResult, Finding
from ds_migrate.lines import LineIndex
from ds_migrate.mapping import Mapping
from ds_migrate.suppression import is_suppressed

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
_MENTION = re.compile(rb"deepseek", re.IGNORECASE)
_WORTH_PARSING = re.compile(r"deepseek-|deepseek\.com|reasoning_content", re.IGNORECASE)


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


@dataclass
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


def process_python(path: str, data: bytes, options: Options, want_fix: bool = False) -> Processed:
    result = FileResult(path)
    processed = Processed(result, original=data)
    if len(data) > options.max_file_size:
        result.skipped = f"larger than {options.max_file_size // (1024 * 1024)} MiB"
        return processed
    if b"\x00" in data:
        result.skipped = "binary (contains NUL bytes)"
        return processed
    if not _MENTION.search(data):
        return processed
    try:
        text, encoding = decode_python(data)
    except DecodeError as error:
        result.errors.append(FileError(path, f"cannot decode: {error}; searched as text, not fixed"))
        _text_fallback(result, data.decode("latin-1"), options, "file could not be decoded")
        return processed
    processed.text = text
    if not _WORTH_PARSING.search(text):
        return processed

    import libcst as cst

    from ds_migrate.python.check import check_module

    try:
        module = cst.parse_module(text)
    except (cst.ParserSyntaxError, RecursionError) as error:
        line = getattr(error, "raw_line", None)
        message = getattr(error, "message", None) or type(error).__name__
        where = f" at line {line}" if line else ""
        result.errors.append(
            FileError(path, f"syntax error{where}: {message}; searched as text, not fixed", line)
        )
        _text_fallback(result, text, options, "file does not parse")
        return processed
    result.parsed = True
    processed.module, processed.encoding = module, encoding
    findings = check_module(path, text, module, options.mapping)
    _sort_into(result, findings, text, options)
    if options.describe_fixes:
        _describe_fixes(result, module, text, options)
    if want_fix:
        _fix(processed, module, encoding, data, options)
    return processed


def _describe_fixes(result: FileResult, module, text: str, options: Options) -> None:
    """Attach to each fix the one text replacement it makes (for SARIF)."""
    from ds_migrate.python.rewrite import apply_fixes

    index = LineIndex(text)
    for finding in result.findings:
        if finding.fix is None or not finding.fix.edits:
            continue
        new = apply_fixes(module, [finding.fix], options.mapping)
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


def _sort_into(result: FileResult, findings: list[Finding], text: str, options: Options) -> None:
    index = LineIndex(text)
    for finding in sorted(findings, key=Finding.sort_key):
        if not options.selects(finding.code):
            continue
        if options.ignored_in_file(result.path, finding.code) or is_suppressed(
            index.line_text(finding.line), finding.code
        ):
            finding.suppressed = True
            result.suppressed.append(finding)
        else:
            result.findings.append(finding)


def _text_fallback(result: FileResult, text: str, options: Options, why: str) -> None:
    from ds_migrate.python.check import unclaimed_names

    findings = unclaimed_names(result.path, text, LineIndex(text), set(), why)
    _sort_into(result, findings, text, options)


def _fix(processed: Processed, module, encoding: str, data: bytes, options: Options) -> None:
    chosen = [f for f in processed.result.findings if f.fix is not None and options.may_apply(f)]
    apply_chosen(processed, chosen, options)


def fixed_text(processed: Processed, chosen: list[Finding], options: Options) -> str:
    """The source with the fixes of ``chosen`` applied (in memory)."""
    from ds_migrate.python.rewrite import apply_fixes

    return apply_fixes(processed.module, [f.fix for f in chosen], options.mapping)


def apply_chosen(processed: Processed, chosen: list[Finding], options: Options) -> None:
    """Apply the fixes of ``chosen``, verify the result, and keep it for writing."""
    import libcst as cst

    result = processed.result
    if not chosen or processed.module is None:
        return
    new_text = fixed_text(processed, chosen, options)
    if new_text == processed.text:
        return
    try:
        cst.parse_module(new_text)
        new_data = new_text.encode(processed.encoding)
    except (cst.ParserSyntaxError, UnicodeEncodeError, RecursionError) as error:
        result.errors.append(
            FileError(result.path, f"internal error: the fixed code did not verify ({error}); not written")
        )
        return
    processed.fixed_text = new_text
    processed.fixed_data = new_data
    processed.applied = chosen
