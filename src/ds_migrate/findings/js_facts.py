"""What a worker tells the parent about one JavaScript/TypeScript module's
model values, so the parent can link requests to the values they read
across modules without parsing (languages/javascript_flow.py gathers,
project/js_flow.py links). Plain data: it crosses the process boundary."""

from __future__ import annotations

from dataclasses import dataclass

LITERAL = "literal"  # a model id written in this module
IMPORT = "import"  # a name another module exports (followed by the parent)
UNKNOWN = "unknown"  # anything else: a parameter, a call's result, a global


@dataclass(frozen=True)
class Lead:
    """One place a model expression's value may come from."""

    kind: str  # LITERAL, IMPORT or UNKNOWN
    value: str = ""  # LITERAL: the string; IMPORT: the exported name; UNKNOWN: what it is
    line: int = 0  # LITERAL: the line of the string
    what: str = ""  # LITERAL: what holds it ("chatModel = ...")
    specifier: str = ""  # IMPORT: the module as written ("./settings")
    through_parameter: bool = False  # a caller may pass another value
    env: str = ""  # the environment variable read first, when there is one


@dataclass(frozen=True)
class JsRequest:
    """A request whose model is not written in place."""

    line: int  # of the model expression
    leads: tuple[Lead, ...]
    host: str | None  # "deepseek", "foreign" or None (not visible)
    no_toggle: str | None = None  # why no toggle can go in its body, whatever reaches it


@dataclass(frozen=True)
class JsFacts:
    requests: tuple[JsRequest, ...] = ()
    # exported name (``default`` for a default export, ``settings.model``
    # for a property of an exported object) -> where its value comes from
    exports: tuple[tuple[str, tuple[Lead, ...]], ...] = ()

    def export(self, name: str) -> tuple[Lead, ...] | None:
        for exported, leads in self.exports:
            if exported == name:
                return leads
        return None

    @property
    def gives_a_model(self) -> bool:
        """An importer may take a model id from this module."""
        return any(lead.kind != UNKNOWN for _, leads in self.exports for lead in leads)
