"""JSON request bodies given to curl in shell: ``curl URL -d '{"model": ...}'``.

A single-quoted shell word holds its text as is, so the body is the JSON
between the quotes. A chat body (``"model"`` and ``"messages"``) sent to
DeepSeek (or to a URL the script does not show) gets a top-level
``"thinking"`` key, in the body's own layout, next to the renamed model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ds_migrate.findings import TextEdit
from ds_migrate.deepseek.hosts import is_deepseek_url

# the data options of curl, then a single-quoted word
_DATA = re.compile(r"(?:^|\s)(?:-d|--data|--data-raw|--data-binary|--json)(?:\s+|=)'([^']*)'")
_URL = re.compile(r"https?://[^\s'\"]+")
_CURL = re.compile(r"(?:^|[\s;|&(`$])curl\s")


@dataclass
class CurlBody:
    start: int  # offset of the JSON text (inside the quotes)
    end: int
    body: dict
    url: str | None  # the first URL of the command, if it shows one


def _command_span(text: str, at: int) -> tuple[int, int]:
    """The logical shell line around ``at``: lines joined by a trailing backslash."""
    start = text.rfind("\n", 0, at) + 1
    while start > 1 and text[start - 2] == "\\":
        start = text.rfind("\n", 0, start - 2) + 1
    end = text.find("\n", at)
    while end != -1 and end > 0 and text[end - 1] == "\\":
        end = text.find("\n", end + 1)
    return start, len(text) if end == -1 else end


def curl_bodies(text: str) -> list[CurlBody]:
    found = []
    for match in _DATA.finditer(text):
        start, end = _command_span(text, match.start(1))
        # a quoted body may span lines of its own: the command runs to its end
        end = max(end, _command_span(text, match.end(1))[1])
        command = text[start:end]
        if not _CURL.search(command):
            continue
        try:
            body = json.loads(match.group(1))
        except ValueError:
            continue
        if not isinstance(body, dict):
            continue
        url = _URL.search(command)
        found.append(CurlBody(match.start(1), match.end(1), body, url.group(0) if url else None))
    return found


def goes_to_deepseek(body: CurlBody) -> bool:
    return body.url is None or is_deepseek_url(body.url)


def thinking_edit(text: str, body: CurlBody, mode: str) -> TextEdit | None:
    """Insert ``"thinking": {"type": mode}`` as the body's last key, in its layout."""
    json_text = text[body.start : body.end]
    close = json_text.rstrip().rfind("}")
    if close <= 0:
        return None
    before = json_text[:close].rstrip()
    if before.endswith("{"):
        return None
    colon = ": " if re.search(r'"\s*:\s', json_text) else ":"
    comma = ", " if re.search(r",\s", json_text) else ","
    value = f'"thinking"{colon}{{"type"{colon}"{mode}"}}'
    insert_at = body.start + len(before)
    if "\n" in json_text[:close]:
        # the keys' indentation: the whitespace before the first key, when it opens a line
        first_key = re.match(r"\s*\{([ \t]*\n)*([ \t]*)\S", json_text)
        if first_key and first_key.group(1) is not None:
            indent = first_key.group(2)
        else:
            indent = re.match(r"[ \t]*", before[before.rfind("\n") + 1 :]).group(0)
        return TextEdit(insert_at, insert_at, f",\n{indent}{value}")
    return TextEdit(insert_at, insert_at, f"{comma}{value}")
