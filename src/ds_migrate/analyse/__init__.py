"""Scan and fix one file, in stages: reading the bytes (``reading``), then
the Python pipeline (``python_file``) or another kind's handler
(``other_kinds``); both sort their findings and choose fixes the same way
(``sorting``). The result is one ``Processed`` per file.
"""

from __future__ import annotations

from ds_migrate.analyse.deep_stack import DEEP_RECURSION_LIMIT, DEEP_STACK_BYTES, run_with_deep_stack
from ds_migrate.analyse.embedded import EmbeddedCode
from ds_migrate.analyse.options import DEFAULT_MAX_FILE_SIZE, Options
from ds_migrate.analyse.other_kinds import process_other
from ds_migrate.analyse.own_reports import OWN_REPORT, is_own_report
from ds_migrate.analyse.python_file import apply_chosen, fixed_text, process_python, verify_python
from ds_migrate.deepseek.mentions import worth_parsing
from ds_migrate.analyse.reading import DecodeError, decode_python
from ds_migrate.analyse.result import Processed
from ds_migrate.analyse.sorting import choose_fixes
from ds_migrate.findings import FileResult

__all__ = [
    "DEEP_RECURSION_LIMIT", "DEEP_STACK_BYTES", "DEFAULT_MAX_FILE_SIZE", "DecodeError", "Options", "Processed",
    "Preload", "apply_chosen", "choose_fixes", "decode_python", "fixed_text", "process_file", "process_other",
    "process_python", "run_with_deep_stack", "verify_python", "worth_parsing",
]


def process_file(path: str, data: bytes, options: Options, want_fix: bool = False, decision=None) -> Processed:
    """Scan (and fix) one file of any supported kind.

    ``decision`` (decide.py) is the whole run's; without one, a fix is
    decided from this file's own occurrences.
    """
    from ds_migrate.languages import handler_for, is_python

    if is_own_report(path, data):
        return Processed(FileResult(path, skipped=OWN_REPORT))
    handler = handler_for(path)
    if handler is not None:
        return process_other(handler, path, data, options, want_fix, decision, EMBEDDED_CODE)
    if is_python(path, data):
        return process_python(path, data, options, want_fix, decision)
    from ds_migrate.languages.plain import PlainText

    return process_other(PlainText(), path, data, options, want_fix, decision, EMBEDDED_CODE)


# Markdown fences and notebook cells are analysed as files are (languages/
# never imports analyse/: the analysis is handed to their handlers)
EMBEDDED_CODE = EmbeddedCode(process_file, process_python, fixed_text)


class Preload:
    """Imports libcst and the rules in a thread, while ripgrep is still
    searching, once it has named a Python file: this process is then mostly
    waiting for ripgrep, and the import (a good part of a run with few hits)
    no longer follows it. ``wait()`` before parsing or forking."""

    def __init__(self) -> None:
        self._thread = None

    def start(self) -> None:
        import threading

        self._thread = threading.Thread(target=import_python_analysis, daemon=True, name="ds-migrate-preload")
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


def import_python_analysis() -> None:
    from ds_migrate.python import check, slicing  # noqa: F401  (libcst with them)
    from ds_migrate.rules import all_rules

    all_rules()
