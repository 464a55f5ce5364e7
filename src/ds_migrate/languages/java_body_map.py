"""A Java request body built as a map in place (OkHttp / HttpClient code that
serialises it with Jackson or Gson):

    Map<String, Object> body = new HashMap<>();
    body.put("model", config.getModel());
    body.put("messages", messages);

A map with ``"model"`` and ``"messages"`` keys is the JSON body of a chat
request, and any key put into it is sent. Without a ``"thinking"`` key a V4
model thinks by default, so this is DSM201 at the model: the note gives the
line to add, ``body.put("thinking", Collections.singletonMap("type", ...))``
(Java 8, like the openai-java form in java.py); with ``--assume-mode`` it is
added after the ``put("model", ...)`` statement, unless the map is declared
``Map<String, String>`` (a map value would not compile). Only in a file about
DeepSeek (it names DeepSeek or its host) and with no other provider's host.
"""

from __future__ import annotations

import re

from ds_migrate.deepseek.hosts import is_foreign_url
from ds_migrate.findings import Applicability, Fix, TextEdit
from ds_migrate.languages.treesitter import Source, line_indent, newline_of, walk
from ds_migrate.rules.messages import V4_WITHOUT_MODE
from ds_migrate.rules.v4_without_mode import V4CallWithoutMode

_URL = re.compile(r"""["'](https?://[^"'\s]+)""")


def _put(call, src: Source) -> tuple[str, str, object] | None:
    """``receiver.put("key", value)`` -> (receiver, key, value node)."""
    if call.type != "method_invocation":
        return None
    name, receiver = call.child_by_field_name("name"), call.child_by_field_name("object")
    arguments = call.child_by_field_name("arguments")
    if name is None or receiver is None or arguments is None or src.node_text(name) != "put":
        return None
    values = arguments.named_children
    if len(values) != 2 or values[0].type != "string_literal":
        return None
    return src.node_text(receiver), src.node_text(values[0]).strip('"'), values[1]


def body_maps_without_mode(out, root, src: Source, mapping, collections: str) -> None:
    """DSM201 at each ``put("model", ...)`` of a body map without thinking."""
    text = src.text
    if "deepseek" not in text.lower() or any(is_foreign_url(url) for url in _URL.findall(text)):
        return
    for block in walk(root):
        if block.type not in ("block", "constructor_body"):
            continue
        puts: dict[str, dict[str, object]] = {}
        for statement in block.named_children:
            call = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
            found = _put(call, src) if call is not None else None
            if found is not None:
                puts.setdefault(found[0], {}).setdefault(found[1], (call, found[2], statement))
        for receiver, keys in puts.items():
            if "model" not in keys or "messages" not in keys or "thinking" in keys:
                continue
            _, value, statement = keys["model"]
            fix, note = None, None
            mode = mapping.assume_mode
            line = f'{receiver}.put("thinking", {collections}.singletonMap("type", "{mode or "disabled|enabled"}"));'
            typed = re.search(rf"Map<\s*String\s*,\s*String\s*>\s+{re.escape(receiver)}\b", text)
            if mode is not None and not typed:
                at = src.end(statement)
                edit = TextEdit(at, at, f"{newline_of(text, at)}{line_indent(text, src.start(statement))}{line}")
                fix, note = Fix(Applicability.SAFE, [edit], f"assume thinking {mode}"), f"--assume-mode: thinking {mode}"
            else:
                note = (f"the body map {receiver} is sent as JSON: add {line} (disabled for the chat ids, "
                        "enabled for reasoner), or run with --assume-mode chat|reasoner")
            out.add(V4CallWithoutMode, None, src.start(value), src.end(value), V4_WITHOUT_MODE, fix, note)
