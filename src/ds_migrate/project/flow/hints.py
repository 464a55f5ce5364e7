"""What the model flow tells the analysis of one request: which id reaches it, from where."""

from __future__ import annotations

from dataclasses import dataclass

from ds_migrate.deepseek.names import find_legacy_names


@dataclass(frozen=True)
class Hint:
    """What reaches one request whose model is read from elsewhere."""

    line: int  # of the request's model expression
    model: str  # the id as the source holds it
    origin: str  # "chatbot/config.py:7 (DEFAULT_MODEL = ...)"
    mode: str | None  # the one retired id's mode, when a toggle may be offered
    why_not: str | None = None  # why no toggle is offered, when a retired id reaches it
    # (displayed path, line) of each binding or config line the id comes from
    sources: tuple[tuple[str, int], ...] = ()
    # every source is renamed by the safe tier of this run: the toggle goes with it
    # (else a safe run then an unsafe one would lose it: the id is V4 by then)
    renamed_safely: bool = False
    # the toggle's form at this call is an unsafe fix (``create(**kwargs)`` may
    # carry its own): the values that reach it wait for that tier with it
    toggle_unsafe: bool = False
    # no model reaches it, but its client's base URL, held in another module,
    # is DeepSeek's: a DeepSeek request with no mode (DSM201), model unknown
    host_only: bool = False
    # the one environment variable whose default is the id (os.getenv("X", id),
    # process.env.X ?? id): a mode set here holds whatever it names at run time
    env: str | None = None
    # the request already says its thinking mode: nothing left to set there
    sets_mode: bool = False

    @property
    def is_legacy(self) -> bool:
        return bool(find_legacy_names(self.model))
