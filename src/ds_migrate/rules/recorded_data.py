"""DSM111 in every kind of file: recordings (by their folder, file name or
content) and API responses built in code."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import string_value
from ds_migrate.rules import messages
from ds_migrate.rules.base import CheckContext, Example, Match, Rule

# Folders of recordings, and lock files: in any kind of file, reported, never rewritten.
RECORDED_PARTS = {"cassettes", "cassette", "__snapshots__", "snapshots", "fixtures", "recordings"}
LOCK_FILES = {
    "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "uv.lock", "Pipfile.lock",
    "composer.lock", "Cargo.lock", "Gemfile.lock", "npm-shrinkwrap.json", "bun.lock",
}

# A VCR.py / vcrpy cassette, in YAML
_CASSETTE = re.compile(r"^interactions:\s*$", re.M)
# Persisted run records and mocked responses in JSON: API output, not configuration
_JSON_RESPONSE = re.compile(
    r'"(?:choices|prompt_tokens|completion_tokens|system_fingerprint|reasoning_content)"\s*:'
    r'|"object"\s*:\s*"(?:chat\.completion|text_completion)'
)


def is_recorded_data(path: PurePosixPath) -> bool:
    if path.name in LOCK_FILES or path.name.endswith(".lock"):
        return True
    return any(part.lower() in RECORDED_PARTS for part in path.parts[:-1])


def is_cassette(text: str) -> bool:
    return bool(_CASSETTE.search(text)) and "request:" in text


def is_response_record(text: str) -> bool:
    return bool(_JSON_RESPONSE.search(text))


# Keys only an API response (or a record of one) has; a request has none of them.
RESPONSE_KEYS = frozenset({"choices", "usage", "created", "system_fingerprint", "stop_reason", "finish_reason"})
RESPONSE_OBJECTS = ("chat.completion", "text_completion", "message")
# Types of the SDKs' responses: building one is a mock, not a request.
RESPONSE_TYPES = frozenset({
    "ChatCompletion", "ChatCompletionChunk", "Completion", "Message", "ModelResponse", "AIMessage",
    "ChatResult", "LLMResult", "ChatGeneration",
})


def _key(element: cst.BaseDictElement) -> str | None:
    if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
        return string_value(element.key)
    return None


def is_response_dict(node: cst.Dict) -> bool:
    for element in node.elements:
        key = _key(element)
        if key in RESPONSE_KEYS:
            return True
        if key == "object" and isinstance(element.value, cst.SimpleString):
            if (string_value(element.value) or "").startswith(RESPONSE_OBJECTS):
                return True
    return False


def _builds_response(call: cst.Call) -> bool:
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in {"model_validate", "parse_obj", "construct", "model_construct", "validate"}:
        func = func.value
    name = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
    return name in RESPONSE_TYPES


def response_kind(site: NameSite) -> str | None:
    """The name is data of an API response (mocked or recorded), not a request."""
    for parent in site.role_parents:
        if isinstance(parent, cst.Dict) and is_response_dict(parent):
            return "an API response"
        if isinstance(parent, cst.Call) and _builds_response(parent):
            return "a mocked API response"
        if isinstance(parent, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return None
    return None


class LegacyNameInRecordedData(Rule):
    """
    What it does:
        Notes retired model names in recorded data: HTTP cassettes (VCR),
        snapshot and fixture folders, lock files, the outputs of notebook
        cells, JSON records of past requests and responses, and API responses
        built in code (``ChatCompletion.model_validate({...})``, a dict with
        ``choices``/``usage``, a JS/TS ``mockResolvedValue({ object:
        "chat.completion", model, ... })``): responses are not requests. In
        documentation, the lines of a fenced block of program output
        (``text``, ``console``, ``log``, or an unlabelled log).

    Why it matters:
        Recordings show what was sent back then; rewriting them would make them
        lie. Re-record them after migrating the code that made them.

    Example (tests/cassettes/chat.yaml):
        interactions:
        - request:
            body: '{"model": "deepseek-chat", "messages": []}'
            method: POST

    Fix:
        None; never rewritten.
    """

    code = "DSM111"
    role = roles.RECORDED
    name = "legacy-name-in-recorded-data"
    severity = Severity.INFO
    summary = "Retired model name in recorded data (cassettes, snapshots, outputs)"
    priority = 15
    valid = (
        # a request, not a response: DSM102's
        Example('body = {"model": "deepseek-chat", "messages": []}\n'),
        # configuration beside the tests, not a recording: DSM103's
        Example("llm:\n  model: deepseek-chat\n", path="tests/settings.yaml"),
        Example('{"name": "app", "dependencies": {"openai": "^4.0.0"}, "model": "deepseek-chat"}\n', path="package.json"),
    )
    invalid = (
        Example(
            "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n    method: POST\n",
            path="tests/cassettes/chat.yaml",
        ),
        Example('{"lockfileVersion": 3, "note": "deepseek-chat"}\n', path="package-lock.json"),
        Example('reply = ChatCompletion.model_validate({"id": "x", "model": "deepseek-chat", "choices": []})\n'),
        Example('FAKE = {"object": "chat.completion", "model": "deepseek-reasoner", "choices": []}\n'),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if site.is_comment:
            return None
        kind = response_kind(site)
        if kind is None:
            return None
        return Match(messages.in_response(site.name, kind))
