"""Files of every kind beside Python: a handler (languages/) finds, fixes and checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ds_migrate.analyse.options import Options
from ds_migrate.analyse.reading import TextOnly, decode_utf8, read_source
from ds_migrate.analyse.result import Processed
from ds_migrate.analyse.sorting import choose_fixes, search_as_text, sort_into, take_reading
from ds_migrate.findings import FileError, FileResult, TextEdit, apply_text_edits

if TYPE_CHECKING:
    from ds_migrate.languages.base import Handler


def process_other(
    handler: Handler, path: str, data: bytes, options: Options, want_fix: bool, decision=None, code=None
) -> Processed:
    """``code``: the analysis a handler of a kind that holds code of another kind is given."""
    processed = Processed(FileResult(path))
    result = processed.result
    flows = decision.flows_for(path) if decision is not None and handler.follows_models else None
    reading = read_source(data, options.max_file_size, decode_utf8, must_read=bool(flows))
    text = take_reading(processed, data, reading, options)
    if text is None:
        return processed
    from ds_migrate.languages.base import Unparsable

    contained = ()  # V4 ids a request's own model names: analyse/sorting.py
    try:
        if handler.embeds_code:
            findings, contained = handler.scan_embedded(path, text, options.mapping, code)
        elif handler.follows_models:
            findings, result.js_flow, contained = handler.scan_with_flow(path, text, options.mapping, flows)
        else:
            findings = handler.scan(path, text, options.mapping)
            if handler.kind == "yaml" and "litellm_params" in text:
                from ds_migrate.languages.litellm_proxy_config import contained_spans

                contained = contained_spans(text)  # a LiteLLM proxy's deployments are requests
    except Unparsable as error:
        search_as_text(result, TextOnly(error.problem, text, error.problem), options)
        return processed
    except RecursionError:
        search_as_text(result, TextOnly("nested too deeply to analyse", text, "nested too deeply to analyse"), options)
        return processed
    result.parsed = True
    sort_into(result, findings, text, options, contained)
    if not handler.embeds_code:
        _give_text_edits(result.findings, text)
    if want_fix:
        _fix_other(handler, processed, text, options, decision, code)
    return processed


def _give_text_edits(findings, text: str) -> None:
    """Each fix as one replacement (``Fix.text_edit``): from its first edit's
    start to its last's end, the edits between applied. A kind that holds code
    of another kind (``embeds_code``) rewrites through that code's analysis,
    so its fixes have none."""
    for finding in findings:
        edits = finding.fix.edits if finding.fix is not None else []
        if not edits or not all(isinstance(edit, TextEdit) for edit in edits):
            continue
        start, end = min(e.start for e in edits), max(e.end for e in edits)
        shifted = [TextEdit(e.start - start, e.end - start, e.new) for e in edits]
        finding.fix.text_edit = (start, end, apply_text_edits(text[start:end], shifted))


def _fix_other(handler: Handler, processed: Processed, text: str, options: Options, decision, code) -> None:
    """Apply the chosen fixes; keep the result only when the handler finds it valid."""
    result, path = processed.result, processed.result.path
    chosen = choose_fixes(result, options, decision)
    if not chosen:
        return
    new_text = handler.apply(text, chosen, code) if handler.embeds_code else handler.apply(text, chosen)
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
