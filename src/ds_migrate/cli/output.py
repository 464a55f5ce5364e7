"""What ``scan`` and ``fix`` print: reports, the fix summary, a progress bar."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from ds_migrate.report import CONSOLE_FORMATS


def new_console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


PROGRESS_THRESHOLD = 300  # files; fewer finish before a bar is worth drawing


class ProgressBar:
    """A progress bar on a terminal for long runs; nothing otherwise."""

    def __init__(self, kwargs: dict) -> None:
        self.enabled = (kwargs["output_format"] in CONSOLE_FORMATS and not kwargs["quiet"] and not kwargs["silent"]
                        and sys.stderr.isatty())
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


class ReportFileError(click.ClickException):
    """A report file that cannot be written: an error of the run (exit 2), not findings."""

    exit_code = 2


def open_report(path: str, mode: str = "w"):
    """A report file, its folder made first (as ruff does); a file that
    cannot be written stops the run with exit 2."""
    import os

    try:
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        return open(path, mode, encoding="utf-8")
    except OSError as error:
        raise ReportFileError(f"cannot write the report file {path}: {error.strerror or error}") from None


def emit(kwargs: dict, text: str, stderr: bool = False) -> None:
    """Machine-readable output goes to --output-file when given, else stdout."""
    if kwargs["output_file"]:
        with open_report(kwargs["output_file"]) as handle:
            handle.write(text)
    else:
        click.echo(text, err=stderr, nl=not text.endswith("\n"))


@contextmanager
def _text_console(kwargs: dict, stderr: bool = False):
    if kwargs["output_file"]:
        from rich.console import Console

        with open_report(kwargs["output_file"]) as handle:
            yield Console(file=handle, highlight=False, soft_wrap=True, no_color=True)
        return
    yield new_console(stderr)


def _console_module(output_format: str):
    if output_format == "concise":
        from ds_migrate.report import concise

        return concise
    from ds_migrate.report import text

    return text


def _settings(kwargs: dict, applied: int = 0, written: bool = False) -> dict:
    """What the machine formats need beyond the run: a dry run's fixes are
    ``would_fix``, never ``fixed``."""
    return {
        "fixed": applied if written else 0,
        "would_fix": 0 if written else applied,
        "fail_on": kwargs.get("fail_on"),
    }


def side_reports(run, kwargs: dict, applied: int = 0, written: bool = False) -> None:
    """--sarif-file and --summary-file: more reports of the same run, so a CI
    job scans once. The summary is appended, as $GITHUB_STEP_SUMMARY expects."""
    from ds_migrate.report import render

    settings = _settings(kwargs, applied, written)
    fixed = settings.pop("fixed")
    if kwargs.get("sarif_file"):
        with open_report(kwargs["sarif_file"]) as handle:
            handle.write(render("sarif", run, fixed, **settings) + "\n")
    if kwargs.get("summary_file"):
        with open_report(kwargs["summary_file"], "a") as handle:
            handle.write(render("markdown", run, fixed, **settings))


# the formats --statistics can answer in (a table, or ruff's JSON list)
STATISTICS_FORMATS = (*CONSOLE_FORMATS, "json")


def check_statistics_format(kwargs: dict) -> None:
    """``--statistics`` in a format that cannot hold counts per rule is a usage
    error, not a report of another kind."""
    if kwargs.get("statistics") and kwargs["output_format"] not in STATISTICS_FORMATS:
        raise click.UsageError(
            f"--statistics prints counts per rule in full, concise or json, not {kwargs['output_format']}"
        )


def silenced(kwargs: dict) -> bool:
    """--silent: no report on standard output (files asked for are still written)."""
    return kwargs.get("silent", False) and not kwargs["output_file"]


def report(run, kwargs: dict, stderr: bool = False) -> None:
    output_format = kwargs["output_format"]
    if silenced(kwargs):
        pass
    elif kwargs["statistics"] and output_format == "json":
        import json

        from ds_migrate.report.summary import rule_statistics

        # ruff's `--statistics --output-format json`: the list, instead of the findings
        emit(kwargs, json.dumps(rule_statistics(run.findings), indent=2), stderr)
    elif output_format not in CONSOLE_FORMATS:
        from ds_migrate.report import render

        settings = _settings(kwargs)
        emit(kwargs, render(output_format, run, settings.pop("fixed"), **settings), stderr)
    else:
        with _text_console(kwargs, stderr) as console:
            _console_module(output_format).render(console, run, quiet=kwargs["quiet"], statistics=kwargs["statistics"])
    side_reports(run, kwargs)


def report_fix_summary(run, remaining, kwargs, written: bool, stderr: bool) -> None:
    applied = [f for p in run.processed for f in p.applied]
    view = _RemainingView(run, remaining)
    output_format = kwargs["output_format"]
    if silenced(kwargs):
        pass
    elif kwargs["statistics"] and output_format == "json":
        import json

        from ds_migrate.report.summary import rule_statistics

        emit(kwargs, json.dumps(rule_statistics(remaining), indent=2), stderr)
    elif output_format not in CONSOLE_FORMATS:
        from ds_migrate.report import render

        settings = _settings(kwargs, len(applied), written)
        emit(kwargs, render(output_format, view, settings.pop("fixed"), **settings), stderr)
    else:
        with _text_console(kwargs, stderr) as console:
            module = _console_module(output_format)
            _print_fix_summary(console, view, applied, kwargs["quiet"], written, module, kwargs.get("unsafe_fixes", False),
                               kwargs["statistics"], kwargs.get("_diff_asked_to_write", False), kwargs.get("_stdin", False))
    side_reports(view, kwargs, len(applied), written)


def missing_path_errors(run) -> None:
    """A path given that does not exist, on standard error in every format
    (ruff's E902); the reports also carry it, and the run exits 2."""
    from ds_migrate.report.summary import MISSING_PATH, missing_paths

    missing = missing_paths(run)
    if not missing:
        return  # report.text imports rich: a tenth of a second a quiet clean run need not spend
    from ds_migrate.report.text import safe_path

    for path in missing:
        click.echo(f"error: {safe_path(path)}: {MISSING_PATH}", err=True)


def warn(message: str) -> None:
    """A warning on standard error, whatever the format (stdout may be JSON)."""
    click.echo(f"warning: {message}", err=True)


def _print_fix_summary(
    console, view, applied: list, quiet: bool, written: bool, module, unsafe_fixes: bool = False, statistics: bool = False,
    diff_asked_to_write: bool = False, stdin: bool = False,
) -> None:
    from ds_migrate.findings import Applicability
    from ds_migrate.report.text import render_footer, render_statistics

    remaining = view.findings
    # a preview is short, as ruff's `check --diff`: the diff, the counts and
    # the next step; `scan` shows what is left and the plan
    preview = not written
    if preview and applied and module.__name__.endswith("concise") and not statistics:
        # the concise preview has no diff: one line per finding the fix would change
        for finding in applied:
            console.print(module.finding_line(finding), markup=False, highlight=False, overflow="ignore", crop=False)
    if remaining:
        if statistics:
            render_statistics(console, view)
        elif not preview:
            module.render_findings(console, view)
    module.render_errors(console, view)
    if quiet:
        return  # ruff's -q: the findings left, nothing else
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
        left = f"{len(remaining)} remaining ({', '.join(parts)})"
        if preview:
            plan = len(getattr(view, "plan", []))
            shows = " and the migration plan" if plan else ""
            left += f": `ds-migrate scan` shows them{shows}"
        console.print(left + ".", markup=False)
    suppressed = len(view.suppressed)
    if suppressed:
        console.print(f"{suppressed} suppressed by comments.")
    from ds_migrate.report.plan import plan_one_liners, render_follow_ups, render_text

    # what the diff leaves thinking by default belongs to the preview; the plan
    # and the API's error are scan's (and fix --write's) to show
    render_follow_ups(console, applied, written, view)
    if preview:
        pass
    elif module.__name__.endswith("concise"):
        for line in plan_one_liners(view):
            console.print(line, markup=False, highlight=False)
    else:
        render_text(console, view)
        render_footer(console, view)
    if applied and not written and not stdin:  # standard input is never written: no --write to run
        command = "ds-migrate fix --write" + (" --unsafe-fixes" if unsafe_fixes else "")
        if diff_asked_to_write:
            # --write was given: the advice is to drop --diff, not to add --write
            console.print(f"--diff never writes: run the same command without --diff (`{command}`) to apply them.",
                          style="green", markup=False)
        else:
            console.print(f"Run `{command}` to apply them.", style="green", markup=False)


class _RemainingView:
    """A run seen through the findings that are left after fixing."""

    def __init__(self, run, remaining) -> None:
        self._run = run
        self.findings = remaining

    def __getattr__(self, name):
        return getattr(self._run, name)
