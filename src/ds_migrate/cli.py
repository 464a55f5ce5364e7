"""The command line: ``ds-migrate scan|fix|rules|explain``."""

from __future__ import annotations

import enum
import sys
from contextlib import contextmanager
from typing import Callable

import click

from ds_migrate import __version__
from ds_migrate.discovery import DEFAULT_EXCLUDES, DEFAULT_INCLUDE, FileFilter
from ds_migrate.engine import DEFAULT_MAX_FILE_SIZE, Options
from ds_migrate.findings import Severity
from ds_migrate.report import FORMATS
from ds_migrate.mapping import DEFAULT_TARGET, DISABLED, ENABLED, LEGACY_MODES, TARGETS, THINKING_FORMS, Mapping


class Exit(enum.IntEnum):
    """ruff's convention."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def common_options(func: Callable) -> Callable:
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format."),
        click.option("--output-file", "-o", metavar="PATH", help="Write the report to this file."),
        click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated)."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes (comma-separated)."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Replace the default excludes with these globs."),
        click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Exclude these globs as well."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True, help="Skip files that .gitignore ignores."),
        click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too."),
        click.option("--target", type=click.Choice(TARGETS), default=DEFAULT_TARGET, show_default=True, help="Model id the retired names become."),
        click.option("--thinking-form", type=click.Choice(THINKING_FORMS), default="object", show_default=True, help="'omit' renames only, without a thinking toggle."),
        click.option("--assume-mode", type=click.Choice(["chat", "reasoner"]), default=None, help="Give V4 requests that set no thinking mode this one (DSM201 fix)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True, help="Lowest severity that makes the exit code 1."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain."),
        click.option("--stdin-filename", metavar="PATH", help="Name to report for source read from '-'."),
        click.option("--quiet", "-q", is_flag=True, help="Print only the summary (and errors)."),
        click.option("--statistics", is_flag=True, help="Print counts per rule."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes to use (default: all cores)."),
        click.option("--include", multiple=True, metavar="GLOB", help="File names to scan (default: every file but known binary kinds)."),
        click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES", help="Ignore these codes in matching files."),
        click.option("--max-file-size", type=click.IntRange(min=1), default=DEFAULT_MAX_FILE_SIZE, show_default=True, help="Skip larger files (bytes)."),
        click.option("--mapping", "mapping_items", multiple=True, metavar="NAME=MODEL", help="Map one retired name to a model (e.g. deepseek-reasoner=deepseek-v4-pro)."),
        click.option("--show-files", is_flag=True, help="List the files that would be scanned, then stop."),
        click.option("--config", metavar="PATH", help="Read this configuration file."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _setting(kwargs: dict, config, name: str, key: str | None = None):
    """The command line wins; then the config file; then the option's default."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(name)
    if source not in (ParameterSource.DEFAULT, None):
        return kwargs[name]
    return config.get(key or name.replace("_", "-"), kwargs[name])


def _options(kwargs: dict, unsafe_fixes: bool = False) -> tuple[Options, FileFilter]:
    from ds_migrate.config import TARGET_ALIASES, ConfigError, load_config

    try:
        config = load_config(kwargs["config"], _paths(kwargs)[0], kwargs["isolated"])
    except ConfigError as error:
        raise click.exceptions.UsageError(str(error)) from None
    kwargs["_config"] = config
    target = _setting(kwargs, config, "target")
    assume = {"chat": DISABLED, "reasoner": ENABLED}.get(kwargs["assume_mode"] or "")
    overrides = dict(config.get("mapping", {}))
    for item in kwargs["mapping_items"]:
        name, _, model = item.partition("=")
        if name.strip().lower() not in LEGACY_MODES or not model.strip():
            raise click.BadParameter(
                f"expected NAME=MODEL with NAME one of {', '.join(LEGACY_MODES)}, got {item!r}", param_hint="--mapping"
            )
        overrides[name.strip().lower()] = model.strip()
    mapping = Mapping(
        target=TARGET_ALIASES.get(target, target),
        overrides=overrides,
        thinking_form=_setting(kwargs, config, "thinking_form"),
        assume_mode=assume,
    )
    select = kwargs["select"] if kwargs["select"] else tuple(config.get("select", ()))
    ignore = kwargs["ignore"] if kwargs["ignore"] else tuple(config.get("ignore", ()))
    per_file = dict(config.get("per-file-ignores", {}))
    for item in kwargs["per_file_ignores"]:
        glob, _, codes = item.rpartition(":")
        if not glob:
            raise click.BadParameter(f"expected GLOB:CODES, got {item!r}", param_hint="--per-file-ignores")
        per_file[glob] = list(_split_codes((codes,)))
    options = Options(
        mapping=mapping,
        select=_split_codes(tuple(select)),
        ignore=_split_codes(tuple(ignore)),
        unsafe_fixes=unsafe_fixes,
        per_file_ignores=tuple((glob, tuple(_split_codes(tuple(codes)))) for glob, codes in per_file.items()),
        max_file_size=_setting(kwargs, config, "max_file_size"),
        describe_fixes=kwargs["output_format"] == "sarif",
    )
    exclude = tuple(kwargs["exclude"]) or tuple(config.get("exclude", ())) or DEFAULT_EXCLUDES
    file_filter = FileFilter(
        exclude=exclude,
        extend_exclude=tuple(kwargs["extend_exclude"]) + tuple(config.get("extend-exclude", ())),
        respect_gitignore=_setting(kwargs, config, "respect_gitignore"),
        force_exclude=kwargs["force_exclude"],
        include=tuple(kwargs["include"]) or tuple(config.get("include", ())) or DEFAULT_INCLUDE,
    )
    kwargs["fail_on"] = _setting(kwargs, config, "fail_on")
    kwargs["jobs"] = _setting(kwargs, config, "jobs")
    return options, file_filter


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ds-migrate")
def main() -> None:
    """Find and fix DeepSeek model names retired on 2026-07-24.

    deepseek-chat becomes deepseek-v4-flash with thinking disabled, and
    deepseek-reasoner becomes deepseek-v4-flash with thinking enabled: V4
    models think by default, so a bare rename changes behaviour.
    """


def _read_stdin(kwargs: dict, options: Options, want_fix: bool):
    from ds_migrate.engine import process_file
    from ds_migrate.runner import Run

    name = kwargs["stdin_filename"] or "-"
    data = sys.stdin.buffer.read()
    processed = process_file(name, data, options, want_fix)
    run = Run(results=[processed.result], processed=[processed])
    return run, processed, data


def _show_files(paths: list[str], file_filter: FileFilter) -> None:
    from ds_migrate.discovery import discover
    from ds_migrate.runner import display_path

    found = discover(paths, file_filter)
    for path in found.files:
        click.echo(display_path(path))
    for path, reason in found.skipped:
        click.echo(f"skipped: {path}: {reason}", err=True)
    sys.exit(Exit.ERROR if found.missing else Exit.CLEAN)


PROGRESS_THRESHOLD = 300  # files; fewer finish before a bar is worth drawing


class _progress:
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

        self.bar = Progress(console=_console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("Scanning", total=total)
        return lambda files=1: self.bar.advance(task, files)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _paths(kwargs: dict) -> list[str]:
    return list(kwargs["paths"]) or ["."]


@main.command()
@common_options
def scan(**kwargs) -> None:
    """Report every use of a retired model name (exit 1 if any)."""
    from ds_migrate.runner import run as run_files

    options, file_filter = _options(kwargs)
    paths = _paths(kwargs)
    if kwargs["show_files"]:
        _show_files(paths, file_filter)
    if paths == ["-"]:
        run, _, _ = _read_stdin(kwargs, options, want_fix=False)
    else:
        with _progress(kwargs) as progress:
            run = run_files(paths, options, file_filter, jobs=kwargs["jobs"], progress=progress)
    _report(run, kwargs)
    sys.exit(_exit_code(run, kwargs))


def _emit(kwargs: dict, text: str, stderr: bool = False) -> None:
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
    yield _console(stderr)


def _report(run, kwargs: dict, fixed: int = 0, stderr: bool = False) -> None:
    if kwargs["output_format"] != "text":
        from ds_migrate.report import render

        _emit(kwargs, render(kwargs["output_format"], run, fixed), stderr)
        return
    from ds_migrate.report import text

    with _text_console(kwargs, stderr) as console:
        text.render(console, run, quiet=kwargs["quiet"], statistics=kwargs["statistics"])


@main.command()
@common_options
@click.option("--write", is_flag=True, help="Write the fixes to the files.")
@click.option("--diff", "plain_diff", is_flag=True, help="Print a plain unified diff (for patch / git apply).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that need a human glance.")
@click.option("--interactive", "-i", is_flag=True, help="Show each fix and ask before applying it.")
def fix(write: bool, plain_diff: bool, unsafe_fixes: bool, interactive: bool, **kwargs) -> None:
    """Show (or with --write, apply) the rewrite to V4 with an explicit thinking mode."""
    from ds_migrate.report import diff as diff_report
    from ds_migrate.runner import run as run_files

    options, file_filter = _options(kwargs, unsafe_fixes=unsafe_fixes)
    paths = _paths(kwargs)
    if paths == ["-"]:
        run, processed, data = _read_stdin(kwargs, options, want_fix=True)
        sys.stdout.buffer.write(processed.fixed_data if processed.fixed_data is not None else data)
        sys.stdout.flush()
        remaining = _remaining(run)
        _report_fix_summary(run, remaining, kwargs, written=False, stderr=True)
        sys.exit(_exit_code(run, kwargs, remaining))
    if kwargs["show_files"]:
        _show_files(paths, file_filter)
    if interactive:
        if not sys.stdin.isatty():
            raise click.UsageError("--interactive needs a terminal on standard input; use --diff or --write instead")
        from ds_migrate.interactive import review

        run = run_files(paths, options, file_filter, want_fix=False, jobs=1)
        review(run, options, _console())
        write = True
    else:
        with _progress(kwargs) as progress:
            run = run_files(paths, options, file_filter, want_fix=True, write=write, jobs=kwargs["jobs"], progress=progress)
    remaining = _remaining(run)
    if not write:
        if plain_diff:
            click.echo(diff_report.plain(run), nl=False)
        elif kwargs["output_format"] == "text":
            diff_report.rich_diff(_console(), run)
    _report_fix_summary(run, remaining, kwargs, written=write, stderr=plain_diff)
    if run.discovery.missing and not kwargs["exit_zero"]:
        sys.exit(Exit.ERROR)
    if not write and not kwargs["exit_zero"]:
        would_change = any(p.fixed_data is not None for p in run.processed)
        sys.exit(Exit.FINDINGS if would_change or run.errors else _exit_code(run, kwargs, remaining))
    sys.exit(_exit_code(run, kwargs, remaining))


def _remaining(run) -> list:
    """The findings of ``run`` that no fix was applied to (the very objects:
    two findings can be equal and yet only one of them fixed)."""
    applied = {id(f) for p in run.processed for f in p.applied}
    return [f for f in run.findings if id(f) not in applied]


def _report_fix_summary(run, remaining, kwargs, written: bool, stderr: bool) -> None:
    applied = [f for p in run.processed for f in p.applied]
    view = _RemainingView(run, remaining)
    if kwargs["output_format"] != "text":
        from ds_migrate.report import render

        _emit(kwargs, render(kwargs["output_format"], view, fixed=len(applied)), stderr)
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


@main.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, severity, fix (how safe, and when there is one), summary."""
    from ds_migrate.rules import all_rules

    docs = [rule.doc() for rule in all_rules()]
    if output_format == "json":
        import json

        click.echo(json.dumps([doc.as_dict() for doc in docs], indent=2))
        return
    from rich.table import Table

    table = Table(show_edge=False)
    for column in ("code", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("fix", max_width=10, overflow="fold")
    table.add_column("summary", ratio=1)
    for doc in docs:
        table.add_row(doc.code, doc.name, doc.severity, doc.fix_label, doc.summary)
    _console().print(table)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True))
def init(folder: str) -> None:
    """Write a commented starter [tool.ds-migrate] section."""
    from pathlib import Path

    from ds_migrate.config import STARTER

    root = Path(folder)
    pyproject = root / "pyproject.toml"
    target = pyproject if pyproject.is_file() else root / "ds-migrate.toml"
    existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    if "[tool.ds-migrate]" in existing:
        raise click.UsageError(f"{target} already has a [tool.ds-migrate] section")
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
