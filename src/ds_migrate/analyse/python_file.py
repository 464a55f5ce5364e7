"""The Python pipeline: parse (a slice of) the module, analyse, sort the
findings, describe fixes, choose, apply and verify.

libcst is imported only when a file actually mentions DeepSeek, so a run
over files that do not stays fast.
"""

from __future__ import annotations

import re
from itertools import accumulate

from ds_migrate.analyse.deep_stack import run_with_deep_stack
from ds_migrate.analyse.options import Options
from ds_migrate.analyse.reading import TextOnly, decode_python, read_source
from ds_migrate.analyse.result import Processed
from ds_migrate.analyse.sorting import choose_fixes, search_as_text, sort_into, take_reading
from ds_migrate.deepseek.mentions import worth_parsing
from ds_migrate.findings import FileError, FileResult, Finding
from ds_migrate.findings.lines import differing_span, line_index

def process_python(path: str, data: bytes, options: Options, want_fix: bool = False, decision=None) -> Processed:
    processed = Processed(FileResult(path))
    flows = decision.flows_for(path) if decision is not None else None
    reading = read_source(data, options.max_file_size, decode_python, must_read=bool(flows))
    text = take_reading(processed, data, reading, options)
    if text is None:
        return processed
    from ds_migrate.python.model_sources import reads_model_by_name

    processed.result.reads_model = reads_model_by_name(text)  # ds_migrate/project/flow/ follows those
    if not worth_parsing(text) and not flows:
        if decision is None:
            # what it exports, read here (a regex gate, then CPython's parser):
            # else the run searches the importers of every such module
            from ds_migrate.python.model_sources import extract

            processed.result.exports = extract(text)
        return processed
    too_complex = _too_complex(text)
    if too_complex:
        search_as_text(processed.result, TextOnly(too_complex, text, "file too complex to parse safely"), options)
        return processed
    run_with_deep_stack(_analyse, processed, text, options, want_fix, decision)
    if decision is None:
        from ds_migrate.python import module_tree
        from ds_migrate.python.model_sources import extract

        # a walk over the tree the slice's plan parsed: the run follows
        # importers of the modules that export something (ds_migrate/project/flow/)
        processed.result.exports = extract(text)
        module_tree.forget()
    return processed


# CPython itself refuses more than 200 nested brackets; libcst's parser slows
# down sharply (and its stack runs out) on far less extreme shapes.
MAX_BRACKET_DEPTH = 200
MAX_LINE_LENGTH = 20_000
_NOT_BRACKET = re.compile(r"[^()\[\]{}]+")
_DEPTH_STEP = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def _error_line(text: str, error: Exception) -> int | None:
    """Where the parse failed. libcst's tokenizer errors say line 1 wherever
    the bad character is (``a ?? b`` on line 17 of TypeScript piped as
    Python: a sixth fresh reader); CPython's parser then says where."""
    line = getattr(error, "raw_line", None)
    if "tokenizer error" in (getattr(error, "message", "") or ""):
        try:
            compile(text, "<checked>", "exec", flags=0x400, dont_inherit=True)  # ast.PyCF_ONLY_AST
        except SyntaxError as found:
            line = found.lineno or line
        except (ValueError, RecursionError, MemoryError):
            pass
    return line


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


def _analyse(processed: Processed, text: str, options: Options, want_fix: bool, decision) -> None:
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
            line = _error_line(text, error)
            message = getattr(error, "message", None) or type(error).__name__
            where = f" at line {line}" if line else ""
            search_as_text(result, TextOnly(f"syntax error{where}: {message}", text, "file does not parse"), options, line)
            return
        if plan is not None and not _units_match(module, plan):
            plan = None  # cannot guide the splice: print the whole module
        try:
            checked = check_module(path, text, module, options.mapping, plan, flows)
        except RecursionError:
            search_as_text(result, TextOnly("nested too deeply to analyse", text, "nested too deeply to analyse"), options)
            return
    findings, ancestry, contained = checked
    from ds_migrate.python.test_data import mark_own_test_data

    mark_own_test_data(text, findings)
    result.parsed = True
    processed.module, processed.ancestry, processed.plan = module, ancestry, plan
    sort_into(result, findings, text, options, contained)
    if options.describe_fixes or want_fix:
        _describe_fixes(result, module, text, options, ancestry, plan, regions=options.describe_fixes)
    if want_fix:
        try:
            apply_chosen(processed, choose_fixes(result, options, decision), options)
        except RecursionError:
            result.errors.append(FileError(path, "nested too deeply to rewrite; not fixed"))


def _parse_slice(text: str):
    """The slice plan and the libcst module parsed from it (python/slicing)."""
    from ds_migrate.python import slicing

    return slicing.parse(text)


def _units_match(module, plan) -> bool:
    """Does libcst see the statements the plan's units are? Else the plan
    can guide neither the analysis nor the splice."""
    return len(module.body) == len(plan.units)


def _describe_fixes(
    result: FileResult, module, text: str, options: Options, ancestry: dict, plan=None, regions: bool = True
) -> None:
    """Attach to each fix the one text replacement it makes: in offsets, for
    the parent to apply (``text_edit``), and in lines and columns for SARIF
    (``region``, when ``regions``).

    Each fix is applied alone, as the rewrite would apply it: only the nodes
    on its path are visited and only the statements it changes are printed
    again (python/rewrite.py, python/slicing.py); where the texts differ is
    found without a Python loop over the file.
    """
    from ds_migrate.python.rewrite import apply_fixes
    from ds_migrate.python.slicing import SpliceError

    index = line_index(text)
    for finding in result.findings:
        if finding.fix is None or not finding.fix.edits:
            continue
        try:
            new = apply_fixes(module, [finding.fix], options.mapping, ancestry, text, plan)
        except SpliceError:  # no region to describe
            continue
        start, end_old, end_new = differing_span(text, new)
        finding.fix.text_edit = (start, end_old, new[start:end_new])
        if not regions:
            continue
        start_line, start_column = index.position(start)
        end_line, end_column = index.position(end_old)
        finding.fix.region = (start_line, start_column, end_line, end_column, new[start:end_new])


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
