"""The options ``scan`` and ``fix`` share, and the engine's and discovery's settings made from them."""

from __future__ import annotations

from typing import Callable

import click

from ds_migrate.discover.listing import DEFAULT_EXCLUDES, DEFAULT_INCLUDE, FileFilter
from ds_migrate.analyse import DEFAULT_MAX_FILE_SIZE, Options
from ds_migrate.deepseek.mapping import DEFAULT_TARGET, DISABLED, ENABLED, LEGACY_MODES, TARGETS, THINKING_FORMS, Mapping
from ds_migrate.report import FORMAT_ALIASES, FORMATS


class _Formats(click.Choice):
    """The output formats, also under their older names (``text`` is ``full``)."""

    def convert(self, value, param, ctx):
        return super().convert(FORMAT_ALIASES.get(value, value), param, ctx)


class ConfigProblem(click.ClickException):
    """A configuration file that cannot be used: exit 2 with its message, and
    no "Usage: ... Try --help" block (the command line was fine)."""

    exit_code = 2


def _target_choices() -> tuple[str, ...]:
    from ds_migrate.config import TARGET_ALIASES

    # the values the config's ``target`` accepts, and no other
    return TARGETS + tuple(TARGET_ALIASES)


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def common_options(func: Callable) -> Callable:
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option(
            "--output-format", "--format", "output_format", type=_Formats(FORMATS), default="full", show_default=True,
            help="Report format (--format is the same option; 'text' is 'full').",
        ),
        click.option("--output-file", "-o", metavar="PATH", help="Write the report to this file instead of standard output."),
        click.option("--sarif-file", metavar="PATH", help="Also write a SARIF report to this file (same run)."),
        click.option("--summary-file", metavar="PATH", help="Also append a Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY)."),
        click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated)."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes (comma-separated)."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Replace the default excludes with these globs."),
        click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Exclude these globs as well."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True, help="Skip files that .gitignore ignores."),
        click.option("--include-ignored/--no-include-ignored", default=False, show_default=True, help="Also scan gitignored files that mention DeepSeek (a local .env)."),
        click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too."),
        click.option("--target", type=click.Choice(_target_choices()), default=DEFAULT_TARGET, show_default=True, help="Model id the retired names become: flash = deepseek-v4-flash, pro = deepseek-v4-pro, v4.1 = deepseek-flash (the V4.1 name)."),
        click.option("--thinking-form", type=click.Choice(THINKING_FORMS), default="object", show_default=True, help="'omit' renames only, without a thinking toggle."),
        click.option("--assume-mode", type=click.Choice(["chat", "reasoner"]), default=None, help="Give V4 requests that set no thinking mode this one (DSM201 fix)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True, help="Lowest severity that makes the exit code 1."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain."),
        click.option("--stdin-filename", metavar="PATH", help="Name to report for source read from '-'."),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no plan, summary or hints (as ruff's -q)."),
        click.option("--silent", "-s", is_flag=True, help="Print nothing; the exit code says it (errors still go to standard error)."),
        click.option("--statistics", is_flag=True, help="Print counts per rule instead of each finding (full, concise: a table; json: a list)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes to use (default: all cores)."),
        click.option("--include", multiple=True, metavar="GLOB", help="File names to scan (default: every file but known binary kinds)."),
        click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES", help="Ignore these codes in matching files."),
        click.option("--max-file-size", type=click.IntRange(min=1), default=DEFAULT_MAX_FILE_SIZE, show_default=True, help="Skip larger files (bytes)."),
        click.option("--mapping", "mapping_items", multiple=True, metavar="NAME=MODEL", help="Map one retired name to a model (e.g. deepseek-reasoner=deepseek-v4-pro)."),
        click.option("--show-files", is_flag=True, help="List the files that would be scanned, then stop."),
        click.option(
            "--pre-commit", "pre_commit", is_flag=True,
            help="Check the files pre-commit passes (the hooks do), with the rest of the git repository as "
                 "context for the project-wide decision. With no file named, take them from git: the pushed "
                 "range ($PRE_COMMIT_FROM_REF...$PRE_COMMIT_TO_REF), else the staged files, else the whole repository.",
        ),
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


def settings_from(kwargs: dict, unsafe_fixes: bool = False) -> tuple[Options, FileFilter]:
    """The engine's options and the file filter: the command line, then the config file, then the defaults."""
    from ds_migrate.config import TARGET_ALIASES, ConfigError, load_config, mapping_value_problem

    try:
        config = load_config(kwargs["config"], paths_of(kwargs)[0], kwargs["isolated"])
    except ConfigError as error:
        raise ConfigProblem(str(error)) from None
    kwargs["_config"] = config
    kwargs["unsafe_fixes"] = unsafe_fixes
    target = _setting(kwargs, config, "target")
    assume = {"chat": DISABLED, "reasoner": ENABLED}.get(kwargs["assume_mode"] or "")
    overrides = dict(config.get("mapping", {}))
    for item in kwargs["mapping_items"]:
        name, _, model = item.partition("=")
        if name.strip().lower() not in LEGACY_MODES or not model.strip():
            raise click.BadParameter(
                f"expected NAME=MODEL with NAME one of {', '.join(LEGACY_MODES)}, got {item!r}", param_hint="--mapping"
            )
        problem = mapping_value_problem(name.strip(), model.strip())
        if problem:
            raise click.BadParameter(problem, param_hint="--mapping")
        overrides[name.strip().lower()] = TARGET_ALIASES.get(model.strip(), model.strip())
    mapping = Mapping(
        target=TARGET_ALIASES.get(target, target),
        overrides=overrides,
        thinking_form=_setting(kwargs, config, "thinking_form"),
        assume_mode=assume,
    )
    select = kwargs["select"] if kwargs["select"] else tuple(config.get("select", ()))
    ignore = kwargs["ignore"] if kwargs["ignore"] else tuple(config.get("ignore", ()))
    _check_selectors(kwargs["select"], "--select")
    _check_selectors(kwargs["ignore"], "--ignore")
    _check_selectors(tuple(config.get("select", ())), "select", config)
    _check_selectors(tuple(config.get("ignore", ())), "ignore", config)
    per_file = dict(config.get("per-file-ignores", {}))
    for codes in per_file.values():
        _check_selectors(tuple(codes), "per-file-ignores", config)
    for item in kwargs["per_file_ignores"]:
        glob, _, codes = item.rpartition(":")
        if not glob:
            raise click.BadParameter(f"expected GLOB:CODES, got {item!r}", param_hint="--per-file-ignores")
        _check_selectors((codes,), "--per-file-ignores")
        per_file[glob] = list(_split_codes((codes,)))
    options = Options(
        mapping=mapping,
        select=_split_codes(tuple(select)),
        ignore=_split_codes(tuple(ignore)),
        unsafe_fixes=unsafe_fixes,
        per_file_ignores=tuple((glob, tuple(_split_codes(tuple(codes)))) for glob, codes in per_file.items()),
        max_file_size=_setting(kwargs, config, "max_file_size"),
        # each fix's replacement, for the reports that carry it
        describe_fixes=kwargs["output_format"] in ("sarif", "json") or bool(kwargs["sarif_file"]),
    )
    kwargs["include_ignored"] = _setting(kwargs, config, "include_ignored")
    exclude = tuple(kwargs["exclude"]) or tuple(config.get("exclude", ())) or DEFAULT_EXCLUDES
    file_filter = FileFilter(
        exclude=exclude,
        extend_exclude=tuple(kwargs["extend_exclude"]) + tuple(config.get("extend-exclude", ())),
        respect_gitignore=_setting(kwargs, config, "respect_gitignore"),
        force_exclude=kwargs["force_exclude"],
        include_ignored=kwargs["include_ignored"],
        include=tuple(kwargs["include"]) or tuple(config.get("include", ())) or DEFAULT_INCLUDE,
        root=config.root,
    )
    kwargs["fail_on"] = _setting(kwargs, config, "fail_on")
    kwargs["jobs"] = _setting(kwargs, config, "jobs")
    return options, file_filter


def _check_selectors(values: tuple[str, ...], where: str, config=None) -> None:
    """A selector that names no rule stops the run (exit 2): with a typo in
    ``--select`` a gate would otherwise pass on zero findings."""
    from ds_migrate.cli.selectors import unknown

    bad = unknown(_split_codes(values))
    if not bad:
        return
    names = ", ".join(repr(b) for b in bad)
    hint = "; `ds-migrate rules` lists the codes"
    if config is not None:
        raise ConfigProblem(f"{config.path}: unknown rule selector {names} in '{where}'{hint}")
    raise click.UsageError(f"unknown rule selector {names} in {where}{hint}")


def paths_of(kwargs: dict) -> list[str]:
    if kwargs.get("pre_commit"):
        if "_pre_commit_paths" not in kwargs:
            kwargs["_pre_commit_paths"] = _pre_commit_paths(kwargs)
        return kwargs["_pre_commit_paths"]
    return list(kwargs["paths"]) or ["."]


def _pre_commit_paths(kwargs: dict) -> list[str]:
    from ds_migrate.discover.pre_commit import NotARepository, pre_commit_paths

    if kwargs["paths"]:
        return list(kwargs["paths"])  # pre-commit's own selection: staged, --files, --all-files, a push
    try:
        return pre_commit_paths()
    except NotARepository as error:
        raise click.UsageError(f"--pre-commit: {error}") from None
