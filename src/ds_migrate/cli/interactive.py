"""``fix --interactive``: show each fix and ask before applying it."""

from __future__ import annotations

import difflib

import click
from rich.console import Console
from rich.syntax import Syntax

from ds_migrate.analyse import Options, apply_chosen, fixed_text
from ds_migrate.findings import FileError
from ds_migrate.python.slicing import SpliceError
from ds_migrate.apply.writer import FileChangedError, write_atomically

PROMPT = "Apply this fix? [y]es, [n]o, [a]ll in this file, [q]uit"


def _diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}", n=1)
    )


def review(run, options: Options, console: Console) -> list:
    """Ask about every applicable fix; write each file with what was accepted."""
    accepted_all = []
    for processed, path in zip(run.processed, run.paths):
        candidates = [
            f for f in processed.result.findings if f.fix is not None and options.may_apply(f)
        ]
        accepted = []
        take_rest = False
        for finding in candidates:
            if not take_rest:
                try:
                    preview = fixed_text(processed, [finding], options)
                except SpliceError as error:  # a fix that cannot be placed is not offered
                    console.print(f"[red]{processed.result.path}: {error}; skipped[/red]")
                    continue
                console.rule(f"{processed.result.path}:{finding.line}:{finding.column}  {finding.code}")
                console.print(finding.message)
                console.print(Syntax(_diff(processed.result.path, processed.text, preview), "diff", theme="ansi_dark"))
                answer = click.prompt(PROMPT, type=click.Choice(["y", "n", "a", "q"]), show_choices=False)
                if answer == "q":
                    _write(processed, path, accepted, options)
                    return accepted_all + accepted
                if answer == "n":
                    continue
                take_rest = answer == "a"
            accepted.append(finding)
        _write(processed, path, accepted, options)
        accepted_all.extend(accepted)
    return accepted_all


def _write(processed, path: str, accepted: list, options: Options) -> None:
    apply_chosen(processed, accepted, options)
    if processed.fixed_data is None:
        return
    try:
        write_atomically(path, processed.fixed_data, processed.original)
    except (FileChangedError, OSError) as error:
        processed.result.errors.append(FileError(processed.result.path, str(error)))
        processed.applied = []
