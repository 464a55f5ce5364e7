"""The command line: ``ds-migrate scan|fix|rules|explain``."""

from __future__ import annotations

import enum
import sys
from dataclasses import replace

import click

from ds_migrate import __version__
from ds_migrate.cli.habits import HabitGroup
from ds_migrate.cli.options import common_options, paths_of, settings_from
from ds_migrate.cli.output import (
    ProgressBar, check_statistics_format, missing_path_errors, new_console, report, report_fix_summary, warn,
)
from ds_migrate.discover.listing import FileFilter
from ds_migrate.analyse import Options
from ds_migrate.findings import Severity
from ds_migrate.findings.wording import to_name


class Exit(enum.IntEnum):
    """ruff's convention."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def _exit_code(run, kwargs: dict, remaining=None) -> Exit:
    if kwargs["exit_zero"]:
        return Exit.CLEAN
    if run.discovery.missing:
        return Exit.ERROR  # a path that does not exist is a usage error
    threshold = Severity.parse(kwargs["fail_on"])
    findings = run.findings if remaining is None else remaining
    if any(f.severity >= threshold for f in findings) or run.errors:
        return Exit.FINDINGS
    return Exit.CLEAN


@click.group(cls=HabitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ds-migrate")
def main() -> None:
    """Find and fix DeepSeek model names retired on 2026-07-24.

    deepseek-chat becomes deepseek-v4-flash with thinking disabled, and
    deepseek-reasoner becomes deepseek-v4-flash with thinking enabled: V4
    models think by default, so a bare rename changes behaviour.
    """


def _read_stdin(kwargs: dict, options: Options, want_fix: bool):
    from ds_migrate.pipeline import stdin_run

    name = kwargs["stdin_filename"] or "-"
    data = sys.stdin.buffer.read()
    # decided with the rest of the repository, as `fix NAME` is (issue 24)
    run, processed = stdin_run(name, data, options, want_fix)
    return run, processed, data


def _show_files(paths: list[str], file_filter: FileFilter) -> None:
    from ds_migrate.discover.listing import discover
    from ds_migrate.discover.listing import display_path

    found = discover(paths, file_filter)
    for path in found.files:
        click.echo(display_path(path))
    for path, reason in found.skipped:
        click.echo(f"skipped: {path}: {reason}", err=True)
    sys.exit(Exit.ERROR if found.missing else Exit.CLEAN)


@main.command()
@common_options
def scan(**kwargs) -> None:
    """Report every use of a retired model name (exit 1 if any).

    `ds-migrate check` is the same command (ruff's name for it)."""
    from ds_migrate.pipeline import run as run_files

    check_statistics_format(kwargs)
    options, file_filter = settings_from(kwargs)
    paths = paths_of(kwargs)
    if kwargs["show_files"]:
        _show_files(paths, file_filter)
    if paths == ["-"]:
        run, _, _ = _read_stdin(kwargs, options, want_fix=False)
    else:
        with ProgressBar(kwargs) as progress:
            run = run_files(paths, options, file_filter, jobs=kwargs["jobs"], progress=progress)
    missing_path_errors(run)
    report(run, kwargs)
    _warn_about_what_was_not_scanned(run, paths, file_filter, kwargs)
    sys.exit(_exit_code(run, kwargs))


def _warn_about_what_was_not_scanned(run, paths: list[str], file_filter: FileFilter, kwargs: dict) -> None:
    """On standard error (standard output may be a JSON document): a folder
    with nothing to scan (ruff's convention: a warning, exit 0), and the
    gitignored files (a local .env) that name a retired id. Not with -q or
    -s (ruff prints no warnings then either)."""
    if kwargs["quiet"] or kwargs["silent"]:
        return
    if paths != ["-"] and not run.discovery.missing and run.files_scanned == 0 and not run.skipped:
        warn("No files found under the given path(s)")
    ignored = getattr(run, "ignored_naming_retired", [])
    if ignored:
        from ds_migrate.discover.listing import display_path
        from ds_migrate.report.text import safe_path

        count = len(ignored)
        files = "file names" if count == 1 else "files name"
        named, rest = to_name(ignored, IGNORED_LISTED)
        shown = [safe_path(display_path(path)) for path in named]
        more = f" and {rest} more" if rest else ""
        warn(f"{count} ignored {files} a retired id: {', '.join(shown)}{more} "
             "(see --include-ignored / the `include-ignored` setting)")


IGNORED_LISTED = 3  # gitignored files named in the warning; the rest are counted


@main.command()
@common_options
@click.option("--write", is_flag=True, help="Write the fixes to the files.")
@click.option("--diff", "plain_diff", is_flag=True, help="Print a plain unified diff (for patch / git apply).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that need a human glance.")
@click.option("--interactive", "-i", is_flag=True, help="Show each fix and ask before applying it.")
def fix(write: bool, plain_diff: bool, unsafe_fixes: bool, interactive: bool, **kwargs) -> None:
    """Show (or with --write, apply) the rewrite to V4 with an explicit thinking mode."""
    from ds_migrate.report import diff as diff_report
    from ds_migrate.pipeline import run as run_files

    check_statistics_format(kwargs)
    options, file_filter = settings_from(kwargs, unsafe_fixes=unsafe_fixes)
    paths = paths_of(kwargs)
    if plain_diff and (write or interactive):
        # as ruff: --diff only shows what would change, whatever else is asked
        warn("--diff shows the changes and writes nothing; --write and --interactive are ignored")
        kwargs["_diff_asked_to_write"] = True
        write = interactive = False
    if paths == ["-"]:
        _fix_stdin(kwargs, options, plain_diff)
    if kwargs["show_files"]:
        _show_files(paths, file_filter)
    if interactive:
        if not sys.stdin.isatty():
            raise click.UsageError("--interactive needs a terminal on standard input; use --diff or --write instead")
        from ds_migrate.cli.interactive import review

        # every fix comes back as a text edit, from workers as from this process
        run = run_files(paths, replace(options, describe_fixes=True), file_filter, want_fix=False, jobs=kwargs["jobs"])
        review(run, options, new_console())
        write = True
    else:
        with ProgressBar(kwargs) as progress:
            run = run_files(paths, options, file_filter, want_fix=True, write=write, jobs=kwargs["jobs"], progress=progress)
    remaining = _remaining(run)
    missing_path_errors(run)
    if not write and not kwargs["silent"]:
        if plain_diff:
            click.echo(diff_report.plain(run), nl=False)
        elif kwargs["output_format"] == "full":
            diff_report.rich_diff(new_console(), run)
    report_fix_summary(run, remaining, kwargs, written=write, stderr=plain_diff)
    _warn_about_what_was_not_scanned(run, paths, file_filter, kwargs)
    if run.discovery.missing and not kwargs["exit_zero"]:
        sys.exit(Exit.ERROR)
    if not write and not kwargs["exit_zero"]:
        # a preview (ruff's `check --diff`): 1 only when a fix is pending;
        # what no fix changes is for `scan` to gate on
        would_change = any(p.fixed_data is not None for p in run.processed)
        sys.exit(Exit.FINDINGS if would_change else Exit.CLEAN)
    sys.exit(_exit_code(run, kwargs, remaining))


def _fix_stdin(kwargs: dict, options: Options, plain_diff: bool) -> None:
    """``fix -``: the fixed text on standard output, as an editor wants it
    (exit 0 when nothing is left, as ``fix --write``); with ``--diff``, a
    unified diff instead, exit 1 when something would change (ruff's
    ``check --diff -``). The report goes to standard error."""
    from ds_migrate.report.diff import stdin_diff

    run, processed, data = _read_stdin(kwargs, options, want_fix=True)
    if plain_diff:
        sys.stdout.write(stdin_diff(processed))
    else:
        sys.stdout.buffer.write(processed.fixed_data if processed.fixed_data is not None else data)
    sys.stdout.flush()
    kwargs["_stdin"] = True
    remaining = _remaining(run)
    report_fix_summary(run, remaining, kwargs, written=not plain_diff, stderr=True)
    if plain_diff and not kwargs["exit_zero"]:
        sys.exit(Exit.FINDINGS if processed.fixed_data is not None else Exit.CLEAN)
    sys.exit(_exit_code(run, kwargs, remaining))


def _remaining(run) -> list:
    """The findings of ``run`` that no fix was applied to (the very objects:
    two findings can be equal and yet only one of them fixed)."""
    applied = {id(f) for p in run.processed for f in p.applied}
    return [f for f in run.findings if id(f) not in applied]


@main.command()
@click.option("--output-format", "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, severity, fix (how safe, and when there is one), summary."""
    from ds_migrate.rules import all_rules

    docs = [rule.doc() for rule in all_rules()]
    if output_format == "json":
        import json

        click.echo(json.dumps([doc.as_dict() for doc in docs], indent=2))
        return
    rows = [(doc.code, doc.name, doc.severity, doc.fix_label, doc.summary) for doc in docs]
    if not sys.stdout.isatty():
        # no terminal, no width to fit: one line per rule, never wrapped
        header = ("code", "name", "severity", "fix", "summary")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])
        return
    from rich.table import Table

    table = Table(show_edge=False)
    for column in ("code", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("fix", max_width=10, overflow="fold")
    table.add_column("summary", ratio=1)
    for row in rows:
        table.add_row(*row)
    new_console().print(table)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True))
def init(folder: str) -> None:
    """Write a commented starter configuration: a [tool.ds-migrate] section
    appended to pyproject.toml, or ds-migrate.toml when there is none."""
    from pathlib import Path

    from ds_migrate.config import STARTER

    root = Path(folder)
    pyproject = root / "pyproject.toml"
    target = pyproject if pyproject.is_file() else root / "ds-migrate.toml"
    existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    if "[tool.ds-migrate]" in existing:
        raise click.UsageError(f"{target} already has a [tool.ds-migrate] section")
    if target.name == "ds-migrate.toml" and existing.strip():
        # the whole file is ds-migrate's: a second starter would repeat every key
        raise click.UsageError(f"{target} already exists; edit it (or remove it to start again)")
    text = STARTER if target.name == "pyproject.toml" else STARTER.replace("[tool.ds-migrate]\n", "")
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(separator + text)
    click.echo(f"Wrote a starter configuration to {target}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of a rule."""
    from ds_migrate.rules import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        raise click.UsageError(f"unknown rule {code!r}; `ds-migrate rules` lists them")
    doc = rule.doc()
    click.echo(f"{doc.code} ({doc.name})  severity: {doc.severity}  fix: {doc.fix_label}\n")
    click.echo(doc.summary + "\n")
    click.echo(doc.as_text())
