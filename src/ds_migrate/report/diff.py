"""What ``fix`` would change, as a unified diff: coloured, or plain for patch."""

from __future__ import annotations

import difflib
import re

from rich.syntax import Syntax

_AFTER_LINE_FEED = re.compile(r"(?<=\n)")
_NO_NEWLINE = "\\ No newline at end of file\n"


def patch_lines(text: str) -> list[str]:
    """The lines of ``text`` as patch tools count them: split after each LF
    only, so a lone CR stays inside its line (CRLF keeps its CR)."""
    lines = _AFTER_LINE_FEED.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def unified_diff(old: str, new: str, path: str) -> str:
    """A diff ``git apply`` and ``patch`` accept byte-exactly, including the
    marker for a last line without a line feed."""
    out = []
    for line in difflib.unified_diff(
        patch_lines(old), patch_lines(new), fromfile=f"a/{path}", tofile=f"b/{path}"
    ):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _file_diff(processed) -> str:
    return unified_diff(processed.text, processed.fixed_text, processed.result.path)


def _changed(run):
    return [p for p in run.processed if p.fixed_text is not None and p.text is not None]


def plain(run) -> str:
    return "".join(_file_diff(p) for p in _changed(run))


def stdin_diff(processed) -> str:
    """The diff of standard input (named by --stdin-filename, else "-")."""
    if processed.fixed_text is None or processed.text is None:
        return ""
    return _file_diff(processed)


def rich_diff(console, run) -> None:
    """The preview a person reads: secrets around the changes masked
    (report/secrets.py); ``plain`` is the exact patch."""
    from ds_migrate.report.secrets import mask_diff

    for processed in _changed(run):
        console.print(Syntax(mask_diff(_file_diff(processed)), "diff", theme="ansi_dark", background_color="default"))
