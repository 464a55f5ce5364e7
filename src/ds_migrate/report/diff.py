"""What ``fix`` would change, as a unified diff: coloured, or plain for patch."""

from __future__ import annotations

import difflib

from rich.syntax import Syntax


def _file_diff(processed) -> str:
    path = processed.result.path
    return "".join(
        difflib.unified_diff(
            processed.text.splitlines(keepends=True),
            processed.fixed_text.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def _changed(run):
    return [p for p in run.processed if p.fixed_text is not None and p.text is not None]


def plain(run) -> str:
    return "".join(_file_diff(p) for p in _changed(run))


def rich_diff(console, run) -> None:
    for processed in _changed(run):
        console.print(Syntax(_file_diff(processed), "diff", theme="ansi_dark", background_color="default"))
