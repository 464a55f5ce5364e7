"""Dockerfile values with positions: instructions split here, their shell
words read by tree-sitter's bash grammar.

A Dockerfile's own syntax is small (an instruction word, arguments, lines
joined by the escape character, ``#`` comment lines), so it is split here.
The arguments of ENV, ARG, LABEL and shell-form RUN, CMD and ENTRYPOINT follow
shell quoting: they are handed to shell_values.py in a copy of the file in
which every other character is a blank, so offsets stay those of the file.
Legacy ``ENV KEY value`` takes the rest of the line as the value; exec-form
``["python", "--model", "..."]`` arrays are read by the JSON string scanner.
"""

from __future__ import annotations

import json
import re

from ds_migrate.languages.config_places import COMMENT, VALUE, Place
from ds_migrate.languages.shell_values import ShellRead, shell_places

_SHELL_ARGUMENTS = frozenset({"ENV", "ARG", "LABEL", "RUN", "CMD", "ENTRYPOINT", "SHELL", "HEALTHCHECK"})
_EXEC_FORM = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "HEALTHCHECK"})
_NEWLINE = re.compile(r"\r\n|\r|\n")
_DIRECTIVE = re.compile(r"#\s*escape\s*=\s*(\S)", re.IGNORECASE)


def dockerfile_places(text: str) -> ShellRead:
    escape = "\\"
    shadow = [c if c in "\r\n" else " " for c in text]
    places: list[Place] = []
    lines = _lines(text)
    first_instruction = True
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        stripped = line.lstrip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("#"):
            directive = _DIRECTIVE.match(stripped)
            if first_instruction and directive:
                escape = directive.group(1)
            places.append(Place(start + len(line) - len(stripped), end, COMMENT))
            i += 1
            continue
        first_instruction = False
        # one instruction: this line and those its escape character continues
        parts = [(start, end)]
        while text[parts[-1][0] : parts[-1][1]].rstrip().endswith(escape) and i + 1 < len(lines):
            i += 1
            s, e = lines[i]
            if text[s:e].lstrip().startswith("#"):
                places.append(Place(s, e, COMMENT))  # a comment line inside an instruction is dropped by Docker
                continue
            parts.append((s, e))
        i += 1
        word = stripped.split(None, 1)[0]
        instruction = word.upper()
        args_start = start + len(line) - len(stripped) + len(word)
        _instruction(text, shadow, places, instruction, args_start, parts)
    read = shell_places("".join(shadow), text)
    read.places.extend(places)
    return read


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, its line end excluded."""
    spans, at = [], 0
    for match in _NEWLINE.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    if at < len(text):
        spans.append((at, len(text)))
    return spans


def _instruction(text: str, shadow: list[str], places: list[Place], instruction: str, args_start: int, parts) -> None:
    args = text[args_start : parts[0][1]].strip()
    if instruction in _EXEC_FORM and args.startswith("["):
        places.extend(_exec_form(text, args_start, parts[-1][1]))
        return
    if instruction == "ENV" and args and "=" not in args.split(None, 1)[0] and len(parts) == 1:
        places.extend(_legacy_env(text, args_start, parts[0][1]))
        return
    if instruction not in _SHELL_ARGUMENTS:
        return
    for n, (s, e) in enumerate(parts):
        begin = args_start if n == 0 else s
        for k in range(begin, e):
            shadow[k] = text[k]
    if instruction == "LABEL":
        # label keys may hold dots and dashes (org.opencontainers.image.title):
        # the shell reads them as variable names once those are underscores
        word_start = True
        quote = None
        for k in range(args_start, parts[-1][1]):
            c = shadow[k]
            if quote:
                quote = None if c == quote else quote
            elif c in "'\"":
                quote = c
            elif c in " \t\r\n\\":
                word_start = True
                continue
            elif c == "=":
                word_start = False
            elif word_start and c in ".-":
                shadow[k] = "_"


def _legacy_env(text: str, start: int, end: int) -> list[Place]:
    """``ENV KEY value with spaces``: the value is the rest of the line."""
    rest = text[start:end]
    key = rest.split(None, 1)[0]
    value_start = start + rest.index(key) + len(key)
    value = text[value_start:end]
    value_start += len(value) - len(value.lstrip())
    value_end = value_start + len(value.strip())
    if value_end - value_start >= 2 and text[value_start] == text[value_end - 1] and text[value_start] in "\"'":
        value_start, value_end = value_start + 1, value_end - 1
    return [Place(value_start, value_end, VALUE, key)]


def _exec_form(text: str, start: int, end: int) -> list[Place]:
    """The strings of a JSON array (``CMD ["python", "--model", "..."]``), each
    an argument: after an option it is that option's value."""
    body = text[start:end]
    opening = body.find("[")
    try:
        json.loads(body)
    except ValueError:
        return []
    places, previous, at = [], None, opening
    while True:
        quote = body.find('"', at)
        if quote == -1:
            return places
        value, after = json.decoder.scanstring(body, quote + 1)
        key = previous if previous and previous.startswith("-") else None
        places.append(Place(start + quote + 1, start + after - 1, VALUE, key))
        previous, at = value, after
