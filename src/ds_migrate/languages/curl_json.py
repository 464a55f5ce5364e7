"""JSON request bodies given to curl in shell: ``curl URL -d '{"model": ...}'``.

A single-quoted shell word holds its text as is, so the body is the JSON
between the quotes; the command and its words come from tree-sitter's bash
grammar (shell_values.py), whatever its line ends and continuations. A chat body (``"model"`` and ``"messages"``) sent to
DeepSeek (or to a URL the script does not show) gets a top-level
``"thinking"`` key, in the body's own layout, next to the renamed model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ds_migrate.findings import TextEdit
from ds_migrate.deepseek.hosts import is_deepseek_url
from ds_migrate.languages.treesitter import line_indent, newline_of



@dataclass
class CurlBody:
    start: int  # offset of the JSON text (inside the quotes)
    end: int
    body: dict
    url: str | None  # the first URL of the command, if it shows one


def curl_bodies(text: str, curls) -> list[CurlBody]:
    """The JSON object bodies of the curl commands that tree-sitter's bash
    grammar found (languages/shell_values.py: ``CurlArgs``)."""
    found = []
    for curl in curls:
        for start, end in curl.bodies:
            try:
                body = json.loads(text[start:end])
            except ValueError:
                continue
            if isinstance(body, dict):
                found.append(CurlBody(start, end, body, curl.url))
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
    if "\n" in json_text[:close] or "\r" in json_text[:close]:
        # the keys' indentation: the whitespace before the first key, when it opens a line
        first_key = re.match(r"\s*\{([ \t]*(?:\r\n|\r|\n))*([ \t]*)\S", json_text)
        if first_key and first_key.group(1) is not None:
            indent = first_key.group(2)
        else:
            indent = line_indent(before, len(before))
        return TextEdit(insert_at, insert_at, f",{newline_of(json_text, 0)}{indent}{value}")
    return TextEdit(insert_at, insert_at, f"{comma}{value}")
