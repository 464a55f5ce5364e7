"""Every file kind the engine dispatches to keeps the Handler protocol
(languages/base.py), and "is this Python?" has one answer."""

from __future__ import annotations

import inspect

import pytest

from ds_migrate.analyse import Options, process_file
from ds_migrate.findings import Finding
from ds_migrate.languages import all_handlers, handler_for, is_python, searched_as_text
from ds_migrate.languages.base import Handler
from ds_migrate.languages.plain import PlainText
from ds_migrate.deepseek.mapping import Mapping

METHODS = ("claims", "scan", "apply", "problem_with")


def _parameters(function) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def _expected_parameters(handler, name: str) -> list[tuple[str, object, object]]:
    """The protocol's parameters; a handler of a kind that holds code of another
    kind (``embeds_code``) takes the analysis of that code last, for scan and apply."""
    expected = _parameters(getattr(Handler, name))
    if handler.embeds_code and name in ("scan", "apply"):
        expected.append(("code", inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.empty))
    return expected


def protocol_problems(handler) -> list[str]:
    """How ``handler`` falls short of the protocol the engine calls it by."""
    problems = []
    if not isinstance(handler, Handler):
        problems.append("not a Handler")
    for name in METHODS:
        method = getattr(type(handler), name, None)
        if method is None:
            problems.append(f"no {name}")
        elif _parameters(method) != _expected_parameters(handler, name):
            problems.append(f"{name}{inspect.signature(method)} differs from the protocol")
    if getattr(type(handler), "scan", None) is Handler.scan:
        problems.append("scan not defined")
    return problems


@pytest.mark.parametrize("handler", [*all_handlers(), PlainText()], ids=lambda h: type(h).__name__)
def test_every_registered_handler_keeps_the_protocol(handler):
    assert protocol_problems(handler) == []


def test_the_registry_finds_every_file_kind():
    kinds = {h.kind for h in all_handlers()}
    assert {"javascript", "markdown", "notebook", "json", "yaml", "toml", "go", "rust"} <= kinds
    assert "" not in kinds  # the plain-text fallback is never chosen by name


def test_the_protocol_check_can_fail():
    class Broken(Handler):
        kind = ""  # not registered

        def apply(self, text: str) -> str:  # the chosen findings are missing
            return text

    assert protocol_problems(Broken()) == [
        "apply(self, text: 'str') -> 'str' differs from the protocol",
        "scan not defined",
    ]
    assert protocol_problems(object()) == ["not a Handler", "no claims", "no scan", "no apply", "no problem_with"]


def test_the_default_apply_makes_the_fixes_text_edits():
    handler = handler_for("config.yaml")
    assert type(handler).apply is Handler.apply
    text = "llm:\n  model: deepseek-chat  # the cheap one\n"
    (finding,) = handler.scan("config.yaml", text, Mapping())
    assert handler.apply(text, [finding]) == "llm:\n  model: deepseek-v4-flash  # the cheap one\n"


@pytest.mark.parametrize(
    ("path", "data", "python"),
    [
        ("app.py", b"", True),
        ("stubs/app.pyi", b"", True),
        ("gui.pyw", b"", True),
        ("-", b"", True),  # standard input
        ("tool", b"#!/usr/bin/env python3\n", True),
        ("tool", b"#!/bin/sh\n", False),
        ("tool", b"", False),
        ("app.py.txt", b"", False),
    ],
)
def test_is_python(path, data, python):
    assert is_python(path, data) is python


@pytest.mark.parametrize(
    ("path", "data", "codes", "role"),
    [
        ("tool", b'#!/usr/bin/env python\nMODEL = "deepseek-chat"\n', ["DSM103"], "value"),  # parsed as Python
        ("tool", b'MODEL = "deepseek-chat"\n', ["DSM109"], "doc"),  # plain text
        ("tool.sh", b'#!/usr/bin/env python\nMODEL=deepseek-chat\n', ["DSM103"], "value"),  # the handler first
        ("gui.pyw", b'MODEL = "deepseek-chat"\n', ["DSM103"], "value"),  # DSM103's own role
    ],
)
def test_the_dispatch_asks_the_handlers_then_is_python(path, data, codes, role):
    findings: list[Finding] = process_file(path, data, Options()).result.findings
    assert [f.code for f in findings] == codes
    assert [f.role for f in findings] == [role]


def test_python_names_go_to_no_handler_and_are_not_counted_as_text():
    for path in ("a.py", "a.pyi", "a.pyw"):
        assert handler_for(path) is None
        assert not searched_as_text(path)
    assert searched_as_text("notes.unknown")
    assert not searched_as_text("app.ts")
