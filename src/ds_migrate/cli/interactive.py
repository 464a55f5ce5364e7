"""``fix --interactive``: show each fix and ask before applying it.

The run analyses files in its workers (any ``--jobs``); each fix comes back
as a text edit (``Fix.text_edit``), which is what is shown and applied. A
file is analysed again, here, only for what edits cannot do alone: a fix of
a kind without one (a Markdown block, a notebook cell), or accepted fixes
whose edits touch each other."""

from __future__ import annotations

import difflib

import click
from rich.console import Console
from rich.syntax import Syntax

from ds_migrate.analyse import Options, apply_chosen, fixed_text, process_file
from ds_migrate.apply.edits import apply_separate_edits
from ds_migrate.apply.writer import FileChangedError, write_atomically
from ds_migrate.findings import FileError
from ds_migrate.python.slicing import SpliceError
from ds_migrate.report.secrets import mask_diff

PROMPT = "Apply this fix? [y]es, [n]o, [a]ll in this file, [q]uit"


def _diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}", n=1)
    )


class _File:
    """One file under review: its text, and its analysis here when needed."""

    def __init__(self, processed, path: str, options: Options) -> None:
        self.processed, self.path, self.options = processed, path, options
        self._here = None

    def here(self):
        """The file analysed in this process (its fixes' trees at hand); None
        when it no longer reads as it did."""
        if self._here is None:
            try:
                with open(self.path, "rb") as handle:
                    data = handle.read()
            except OSError:
                return None
            self._here = process_file(self.processed.result.path, data, self.options)
            if self._here.text != self.processed.text:
                self._here = None  # changed on disk since the run read it
        return self._here

    def _matching(self, here, findings: list) -> list | None:
        by_identity = {f.identity: f for f in here.result.findings}
        found = [by_identity.get(f.identity) for f in findings]
        return None if any(f is None or f.fix is None for f in found) else found

    def text_with(self, findings: list) -> str:
        edits = [f.fix.text_edit for f in findings]
        if self.processed.text is not None and None not in edits:
            new = apply_separate_edits(self.processed.text, edits)
            if new is not None:
                return new
        here = self.here()
        matching = self._matching(here, findings) if here is not None else None
        if matching is None:
            raise SpliceError("the file changed since it was read")
        return fixed_text(here, matching, self.options)

    def write(self, accepted: list) -> None:
        processed = self.processed
        if not accepted:
            return
        here = self.here()
        matching = self._matching(here, accepted) if here is not None else None
        if matching is None:
            processed.result.errors.append(FileError(processed.result.path, "changed on disk since it was read; not written"))
            return
        apply_chosen(here, matching, self.options)
        if here.fixed_data is None:
            return
        try:
            write_atomically(self.path, here.fixed_data, here.original)
        except (FileChangedError, OSError) as error:
            processed.result.errors.append(FileError(processed.result.path, str(error)))
            return
        processed.fixed_text, processed.fixed_data, processed.applied = here.fixed_text, here.fixed_data, accepted


def review(run, options: Options, console: Console) -> list:
    """Ask about every applicable fix; write each file with what was accepted."""
    accepted_all = []
    for processed, path in zip(run.processed, run.paths):
        candidates = [
            f for f in processed.result.findings if f.fix is not None and options.may_apply(f)
        ]
        file = _File(processed, path, options)
        accepted = []
        take_rest = False
        for finding in candidates:
            if not take_rest:
                try:
                    preview = file.text_with([finding])
                except SpliceError as error:  # a fix that cannot be placed is not offered
                    console.print(f"[red]{processed.result.path}: {error}; skipped[/red]")
                    continue
                console.rule(f"{processed.result.path}:{finding.line}:{finding.column}  {finding.code}")
                console.print(finding.message)
                shown = mask_diff(_diff(processed.result.path, processed.text, preview))
                console.print(Syntax(shown, "diff", theme="ansi_dark"))
                answer = click.prompt(PROMPT, type=click.Choice(["y", "n", "a", "q"]), show_choices=False)
                if answer == "q":
                    file.write(accepted)
                    return accepted_all + accepted
                if answer == "n":
                    continue
                take_rest = answer == "a"
            accepted.append(finding)
        file.write(accepted)
        accepted_all.extend(accepted)
    return accepted_all
