"""ruff's habits on ds-migrate's command line: ``check`` is ``scan``, ruff's
options that ds-migrate spells another way get a pointed hint, and an
unknown option is offered only a close match (click's own guess offered
``--jobs`` for ``--bogus`` and ``--config`` for ``--fix``)."""

from __future__ import annotations

import click

# ruff's commands `check` and `rule`: the same commands here, left out of the listing
ALIASES = {"check": "scan", "rule": "explain"}

_REPORT_ONLY = "{command} only reports"  # scan, or check
# per command: a ruff option, and what does its job here
HINTS = {
    "scan": {
        "--fix": f"{_REPORT_ONLY}; `ds-migrate fix --write` applies the safe fixes (preview: `ds-migrate fix`)",
        "--unsafe-fixes": f"{_REPORT_ONLY}; `ds-migrate fix --write --unsafe-fixes` applies the unsafe fixes too",
        "--fix-only": f"{_REPORT_ONLY}; `ds-migrate fix --write` applies the fixes",
        "--diff": f"{_REPORT_ONLY}; `ds-migrate fix --diff` prints the fixes as a patch",
        "--show-fixes": f"{_REPORT_ONLY}; `ds-migrate fix` shows every fix as a diff",
    },
    "fix": {
        "--fix": "fix shows the changes; `ds-migrate fix --write` applies them",
    },
}
# how alike an unknown option and a real one must be for a "did you mean"
CLOSE_ENOUGH = 0.7


class HabitCommand(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            raise _pointed(error, self, ctx) from None


# commands that only print a listing: a reader closing the pipe early
# (``ds-migrate rules | head -1``) is no failure, as in ruff
_LISTINGS = frozenset({"rules", "explain"})


class HabitGroup(click.Group):
    command_class = HabitCommand

    def get_command(self, ctx: click.Context, cmd_name: str):
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def main(self, args=None, *rest, **kwargs):
        import sys

        try:
            return super().main(args, *rest, **kwargs)
        except SystemExit as done:
            # click answers a closed pipe (EPIPE) with exit 1 after wrapping stdout
            closed = type(sys.stdout).__name__.endswith("PacifyFlushWrapper")
            words = list(args) if args is not None else sys.argv[1:]
            if done.code == 1 and closed and words and words[0] in _LISTINGS:
                raise SystemExit(0) from None
            raise


def _pointed(error: click.NoSuchOption, command: click.Command, ctx: click.Context) -> click.NoSuchOption:
    name = error.option_name
    hint = HINTS.get(command.name or "", {}).get(name)
    if hint is not None:
        hint = hint.format(command=ctx.info_name or command.name)
        return click.NoSuchOption(name, message=f"No such option {name!r}: {hint}.", ctx=ctx)
    from difflib import SequenceMatcher  # only on a mistyped option: not on every run's import

    known = [opt for param in command.get_params(ctx) for opt in param.opts + param.secondary_opts if opt.startswith("--")]
    close = sorted(
        (opt for opt in known if SequenceMatcher(None, name, opt).ratio() >= CLOSE_ENOUGH),
        key=lambda opt: -SequenceMatcher(None, name, opt).ratio(),
    )
    failure = click.NoSuchOption(name, ctx=ctx)
    failure.possibilities = close[:3] or None  # type: ignore[misc]
    return failure
