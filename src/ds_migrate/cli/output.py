"""What ``scan`` and ``fix`` print: reports, the fix summary, a progress bar."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click


def new_console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


PROGRESS_THRESHOLD = 300  # files; fewer finish before a bar is worth drawing


class ProgressBar:
    """A progress bar on a terminal for long runs; nothing otherwise."""

    def __init__(self, kwargs: dict) -> None:
        self.enabled = kwargs["output_format"] == "text" and not kwargs["quiet"] and sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        return self.start if self.enabled else None

    def start(self, total: int):
        if total < PROGRESS_THRESHOLD:
            return lambda files=1: None
        from rich.progress import Progress

        self.bar = Progress(console=new_console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("Scanning", total=total)
        return lambda files=1: self.bar.advance(task, files)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def emit(kwargs: dict, text: str, stderr: bool = False) -> None:
    """Machine-readable output goes to --output-file when given, else stdout."""
    if kwargs["output_file"]:
        with open(kwargs["output_file"], "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, err=stderr, nl=not text.endswith("\n"))


@contextmanager
def _text_console(kwargs: dict, stderr: bool = False):
    if kwargs["output_file"]:
        from rich.console import Console

        with open(kwargs["output_file"], "w", encoding="utf-8") as handle:
            yield Console(file=handle, highlight=False, soft_wrap=True, no_color=True)
        return
    yield new_console(stderr)


def report(run, kwargs: dict, fixed: int = 0, stderr: bool = False) -> None:
    if kwargs["output_format"] != "text":
        from ds_migrate.report import render

        emit(kwargs, render(kwargs["output_format"], run, fixed), stderr)
        return
    from ds_migrate.report import text

    with _text_console(kwargs, stderr) as console:
        text.render(console, run, quiet=kwargs["quiet"], statistics=kwargs["statistics"])


def report_fix_summary(run, remaining, kwargs, written: bool, stderr: bool) -> None:
    applied = [f for p in run.processed for f in p.applied]
    view = _RemainingView(run, remaining)
    if kwargs["output_format"] != "text":
        from ds_migrate.report import render

        emit(kwargs, render(kwargs["output_format"], view, fixed=len(applied)), stderr)
        return
    with _text_console(kwargs, stderr) as console:
        _print_fix_summary(console, view, applied, kwargs["quiet"], written)


def _print_fix_summary(console, view: _RemainingView, applied: list, quiet: bool, written: bool) -> None:
    from ds_migrate.findings import Applicability
    from ds_migrate.report import text

    remaining = view.findings
    if not quiet and remaining:
        text.render_findings(console, view)
    text.render_errors(console, view)
    files = len({f.path for f in applied})
    verb = "Fixed" if written else "Would fix"
    console.print(f"[bold]{verb} {len(applied)} finding{'s' if len(applied) != 1 else ''} in {files} file{'s' if files != 1 else ''}.[/bold]")
    if remaining:
        unsafe = sum(1 for f in remaining if f.fix_applicability is Applicability.UNSAFE)
        blocked = sum(1 for f in remaining if f.fix_applicability is Applicability.NONE)
        parts = []
        if unsafe:
            parts.append(f"{unsafe} need --unsafe-fixes")
        if blocked:
            parts.append(f"{blocked} report-only or refused")
        other = len(remaining) - unsafe - blocked
        if other:
            parts.append(f"{other} safe, not applied")
        console.print(f"{len(remaining)} remaining ({', '.join(parts)}).")
    suppressed = len(view.suppressed)
    if suppressed:
        console.print(f"{suppressed} suppressed by comments.")
    if not quiet:
        from ds_migrate.report.plan import render_follow_ups, render_text

        render_follow_ups(console, applied, written, view)
        render_text(console, view)


class _RemainingView:
    """A run seen through the findings that are left after fixing."""

    def __init__(self, run, remaining) -> None:
        self._run = run
        self.findings = remaining

    def __getattr__(self, name):
        return getattr(self._run, name)
