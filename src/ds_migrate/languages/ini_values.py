"""INI/CFG values with positions, read as configparser reads them.

configparser checks the file but keeps no offsets, so its grammar is read
here line by line with positions: ``[section]`` headers, ``#``/``;`` comment
lines, ``key = value`` or ``key: value``, and continuation lines (indented
deeper than their key) that make a value span lines; such a value is text
(``setup.cfg``'s long descriptions, tox commands). A `` #`` or `` ;`` after
a value is taken as a comment, as most INI dialects do (configparser keeps it
in the value unless told otherwise; either way a rename does not touch it).
"""

from __future__ import annotations

import re

from ds_migrate.languages.base import Unparsable
from ds_migrate.languages.config_places import COMMENT, KEY, TEXT, UNKNOWN, VALUE, Place

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def ini_places(text: str) -> list[Place]:
    import configparser

    try:
        configparser.ConfigParser(strict=False, interpolation=None).read_string(text)
    except configparser.Error as error:
        raise Unparsable(f"not valid INI ({str(error).splitlines()[0]})") from None
    places: list[Place] = []
    option: list | None = None  # [indent, key, value start, value end, multi-line]
    section_keys: list[tuple[int, int, str]] = []

    def close_option() -> None:
        nonlocal option
        if option is not None:
            _, key, start, end, multi = option
            places.append(Place(start, end, TEXT if multi else VALUE, key))
            option = None

    def close_section() -> None:
        siblings = frozenset(k for _, _, k in section_keys)  # one set per section, as JSON's
        for start, end, key in section_keys:
            places.append(Place(start, end, KEY, siblings=siblings))
        section_keys.clear()

    for match in _LINE.finditer(text):
        line, start = match.group(1), match.start(1)
        if not match.group(0):
            break
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if option is not None and (not stripped or indent > option[0]) and not stripped.startswith(("#", ";")):
            if stripped:
                option[3], option[4] = start + len(line.rstrip()), True
            continue
        if stripped.startswith(("#", ";")):
            places.append(Place(start + indent, start + len(line), COMMENT))
            continue
        close_option()
        if not stripped:
            continue
        if stripped.startswith("["):
            close_section()
            continue
        delimiter = min((i for i in (line.find("="), line.find(":")) if i != -1), default=-1)
        if delimiter == -1:
            places.append(Place(start, start + len(line), UNKNOWN))
            continue
        key = line[:delimiter].strip()
        key_start = start + line.index(key) if key else start
        section_keys.append((key_start, key_start + len(key), key.lower()))
        value_start = delimiter + 1 + (len(line[delimiter + 1 :]) - len(line[delimiter + 1 :].lstrip()))
        value_end = _before_comment(line, value_start)
        if value_end < len(line):
            places.append(Place(start + value_end, start + len(line), COMMENT))
        value_end = len(line[:value_end].rstrip())
        option = [indent, key, start + value_start, start + max(value_start, value_end), False]
    close_option()
    close_section()
    return places


def _before_comment(line: str, at: int) -> int:
    for i in range(at, len(line)):
        if line[i] in "#;" and i > at and line[i - 1] in " \t":
            return i
    return len(line)
