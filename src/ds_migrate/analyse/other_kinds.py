"""Files of every kind beside Python: a handler (languages/) finds, fixes and checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ds_migrate.analyse.options import Options
from ds_migrate.analyse.reading import TextOnly, decode_utf8, read_source
from ds_migrate.analyse.result import Processed
from ds_migrate.analyse.sorting import choose_fixes, search_as_text, sort_into, take_reading
from ds_migrate.findings import FileError, FileResult

if TYPE_CHECKING:
    from ds_migrate.languages.base import Handler


def process_other(handler: Handler, path: str, data: bytes, options: Options, want_fix: bool, decision=None) -> Processed:
    processed = Processed(FileResult(path))
    result = processed.result
    text = take_reading(processed, data, read_source(data, options.max_file_size, decode_utf8), options)
    if text is None:
        return processed
    try:
        findings = handler.scan(path, text, options.mapping)
    except RecursionError:
        search_as_text(result, TextOnly("nested too deeply to analyse", text, "nested too deeply to analyse"), options)
        return processed
    result.parsed = True
    sort_into(result, findings, text, options)
    if want_fix:
        _fix_other(handler, processed, text, options, decision)
    return processed


def _fix_other(handler: Handler, processed: Processed, text: str, options: Options, decision) -> None:
    """Apply the chosen fixes; keep the result only when the handler finds it valid."""
    result, path = processed.result, processed.result.path
    chosen = choose_fixes(result, options, decision)
    if not chosen:
        return
    new_text = handler.apply(text, chosen)
    if new_text == text:
        return
    problem = handler.problem_with(new_text, path)
    if problem:
        if handler.problem_with(text, path):
            problem = "the file did not parse before the fix either, so the fix cannot be checked"
        result.errors.append(FileError(path, f"{problem}; not written"))
        return
    processed.fixed_text = new_text
    processed.fixed_data = new_text.encode(processed.encoding)
    processed.applied = chosen
