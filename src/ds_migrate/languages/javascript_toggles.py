"""The thinking mode in the forms JavaScript callers take: a property of an
openai-node ``create({...})`` object, a top-level key of a ``JSON.stringify``
chat body, ``providerOptions`` of a Vercel AI SDK call. Each adds text edits
to a fix; javascript.py decides which finding gets which.
"""

from __future__ import annotations

import re

from ds_migrate.findings import Applicability, Fix, TextEdit
from ds_migrate.deepseek.hosts import is_foreign_url
from ds_migrate.languages.backend import quote_of
from ds_migrate.languages.treesitter import Source, line_indent, newline_of
from ds_migrate.deepseek.mapping import Mapping

def _ts_toggle(prop: str) -> str:
    """The toggle as a typed spread, which tsc --strict accepts in streaming and
    non-streaming calls alike. openai-node's documented ``// @ts-expect-error``
    above the property does not: on a ``stream: true`` call tsc 5.x and 6.x
    report "no overload matches" at ``create`` instead (TS2769, then TS2578 for
    the unused directive), and tsc 7 reports at the property, so no one line
    for a directive suits every compiler. JavaScript sends the spread key as
    any other (tests/wire/test_wire_js.py type-checks and runs both)."""
    return f"...({{ {prop} }} as Record<string, unknown>)"


def key_name(pair, src: Source) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    name = src.node_text(key)
    return name.strip("'\"`")


def _spread_object(spread, src: Source):
    """The object literal a ``...{...}`` or ``...({...} as T)`` spread adds, if it is one."""
    node = spread.named_children[0] if spread.named_children else None
    while node is not None and node.type in ("parenthesized_expression", "as_expression", "satisfies_expression"):
        node = node.named_children[0] if node.named_children else None
    return node if node is not None and node.type == "object" else None


def sets_thinking(obj, src: Source) -> bool:
    """The object literal sets ``thinking``: as a key, or in an object literal it
    spreads (the TypeScript form the fix adds)."""
    for member in obj.named_children:
        if member.type == "pair" and key_name(member, src) == "thinking":
            return True
        if member.type == "shorthand_property_identifier" and src.node_text(member) == "thinking":
            return True
        if member.type == "spread_element":
            inner = _spread_object(member, src)
            if inner is not None and sets_thinking(inner, src):
                return True
    return False


def thinking_mode(obj, src: Source) -> str | None:
    """The mode ``thinking: { type: "..." }`` sets in the object literal
    (directly or in an object it spreads), or None."""
    for member in obj.named_children:
        if member.type == "pair" and key_name(member, src) == "thinking":
            value = member.child_by_field_name("value")
            for inner in value.named_children if value is not None and value.type == "object" else ():
                if inner.type == "pair" and key_name(inner, src) == "type":
                    mode = src.node_text(inner.child_by_field_name("value")).strip("'\"`")
                    return mode if mode in ("enabled", "disabled") else None
            return None
        if member.type == "spread_element":
            inner = _spread_object(member, src)
            if inner is not None:
                found = thinking_mode(inner, src)
                if found is not None:
                    return found
    return None


def spreads_unknown(obj, src: Source) -> bool:
    """The object literal spreads another object that may set anything."""
    return any(m.type == "spread_element" and _spread_object(m, src) is None for m in obj.named_children)


def openai_thinking_edit(obj, string, src: Source, mode: str, typescript: bool) -> TextEdit:
    """``thinking: { type: ... }`` as the last member of an openai-node ``create({...})``
    object, in its layout; in TypeScript as a typed spread (``_ts_toggle``)."""
    q = quote_of(string, src)
    prop = f"thinking: {{ type: {q}{mode}{q} }}"
    if typescript:
        prop = _ts_toggle(prop)
    members = [c for c in obj.named_children if c.type not in ("comment",)]
    last = members[-1]
    after_last = last.end_byte
    rest = src.data[after_last : obj.end_byte].decode("utf-8")
    trailing_comma = rest.lstrip().startswith(",")
    body = src.data[obj.start_byte : obj.end_byte]
    multiline = b"\n" in body or b"\r" in body
    text = src.text
    indent = line_indent(text, src.char(last.start_byte))
    nl = newline_of(text, src.char(obj.start_byte))  # the file's own line end
    insert_at = src.char(after_last)
    if trailing_comma:
        insert_at = src.char(after_last) + rest.index(",") + 1
    if multiline:
        new = f"{nl}{indent}{prop}" + ("," if trailing_comma else "")
        if not trailing_comma:
            new = "," + new
        return TextEdit(insert_at, insert_at, new)
    new = f" {prop}" if trailing_comma else f", {prop}"
    return TextEdit(insert_at, insert_at, new)


_VERCEL_CALLS = ("generateText", "generateObject", "streamText", "streamObject")
NOT_A_BODY = "not a chat request body"


def _pairs(obj, src: Source) -> dict:
    """Members of an object literal by key: ``key: value`` pairs and ``{ messages }`` shorthands."""
    found = {}
    for member in obj.named_children:
        if member.type == "pair":
            found[key_name(member, src)] = member
        elif member.type == "shorthand_property_identifier":
            found[src.node_text(member)] = member
    return found


def _append_property_edit(obj, src: Source, prop: str) -> TextEdit:
    """Insert ``prop`` as the last member of the object literal ``obj``, in its layout."""
    members = [c for c in obj.named_children if c.type != "comment"]
    if not members:
        start = src.char(obj.start_byte) + 1
        return TextEdit(start, src.char(obj.end_byte) - 1, f" {prop} ")
    last = members[-1]
    rest = src.data[last.end_byte : obj.end_byte].decode("utf-8")
    trailing_comma = rest.lstrip().startswith(",")
    insert_at = src.char(last.end_byte) + (rest.index(",") + 1 if trailing_comma else 0)
    if src.data[obj.start_byte : obj.end_byte].count(b"\n"):
        text = src.text
        last_start = src.char(last.start_byte)
        line_start = text.rfind("\n", 0, last_start) + 1
        indent = re.match(r"[ \t]*", text[line_start:]).group(0)
        if trailing_comma:
            return TextEdit(insert_at, insert_at, f"\n{indent}{prop},")
        return TextEdit(insert_at, insert_at, f",\n{indent}{prop}")
    return TextEdit(insert_at, insert_at, f" {prop}" if trailing_comma else f", {prop}")


def _thinking_text(mode: str, q: str) -> str:
    return f"thinking: {{ type: {q}{mode}{q} }}"


def vercel_toggle(fix: Fix, model_call, string, src: Source, mode: str, otherwise: str) -> str | None:
    """``generateText({ model: deepseek('deepseek-chat'), ... })``: add
    ``providerOptions: { deepseek: { thinking: { type } } }`` to the call's
    options, which @ai-sdk/deepseek sends as the body's ``thinking``. The
    finding's note: None when the toggle is added, ``otherwise`` when the
    model is not given to one of these calls here."""
    if "@ai-sdk/deepseek" not in src.text or model_call is None:
        return otherwise
    pair = model_call.parent
    if pair is None or pair.type != "pair" or key_name(pair, src) != "model":
        return otherwise
    obj = pair.parent
    arguments = obj.parent if obj is not None else None
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None else None
    if callee is None or not src.node_text(callee).endswith(_VERCEL_CALLS) or arguments.named_children[0] != obj:
        return otherwise
    q = quote_of(string, src)
    thinking = _thinking_text(mode, q)
    pairs = _pairs(obj, src)
    if any(c.type == "spread_element" for c in obj.named_children):
        fix.applicability = Applicability.UNSAFE
    options = pairs.get("providerOptions")
    if options is None:
        fix.edits.append(_append_property_edit(obj, src, f"providerOptions: {{ deepseek: {{ {thinking} }} }}"))
        return "the options spread another object that may set providerOptions" if fix.applicability is Applicability.UNSAFE else None
    value = options.child_by_field_name("value")
    if value is None or value.type != "object":
        return f"providerOptions is built elsewhere: set deepseek.thinking to {{ type: '{mode}' }} in it"
    inner = _pairs(value, src).get("deepseek")
    if inner is None:
        fix.edits.append(_append_property_edit(value, src, f"deepseek: {{ {thinking} }}"))
        return None
    deepseek_value = inner.child_by_field_name("value")
    if deepseek_value is None or deepseek_value.type != "object":
        return f"providerOptions.deepseek is built elsewhere: set thinking to {{ type: '{mode}' }} in it"
    if "thinking" in _pairs(deepseek_value, src):
        return "the call already sets providerOptions.deepseek.thinking; kept as is"
    fix.edits.append(_append_property_edit(deepseek_value, src, thinking))
    return None


def first_argument_of_enclosing_call(node, hops: int = 6):
    """The first argument of the call around ``node`` (``fetch(url, { body })``),
    looked for at most ``hops`` parents up; None without one."""
    current = node
    for _ in range(hops):
        current = current.parent
        if current is None:
            return None
        if current.type == "call_expression":
            arguments = current.child_by_field_name("arguments")
            return arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return None


def _foreign_url(node, src: Source) -> str | None:
    """The URL of the ``fetch(url, { body })`` around ``node``, when it visibly names another host."""
    first = first_argument_of_enclosing_call(node)
    if first is not None and first.type in ("string", "template_string"):
        url = src.node_text(first).strip("'\"`")
        if "://" in url and is_foreign_url(url):
            return url
    return None


def json_body_toggle(fix: Fix, obj, call, string, src: Source, mapping: Mapping, name) -> str | None:
    """``JSON.stringify({ model: 'deepseek-chat', messages })``, a chat body sent as
    JSON (``fetch(url, { body: JSON.stringify(...) })``): add a top-level
    ``thinking`` key. ``NOT_A_BODY`` when the object is no chat body."""
    pairs = _pairs(obj, src)
    if "messages" not in pairs:
        return NOT_A_BODY
    mode = mapping.replacement(name.base).mode
    url = _foreign_url(call, src)
    if url is not None:
        return NOT_A_BODY
    if not mapping.adds_toggle:
        return None
    if "thinking" in pairs:
        return "the body already sets thinking; kept as is"
    fix.edits.append(_append_property_edit(obj, src, _thinking_text(mode, quote_of(string, src))))
    if any(c.type == "spread_element" for c in obj.named_children):
        fix.applicability = Applicability.UNSAFE
        return "the body spreads another object that may already set thinking"
    return None


def calls_posting(obj, src: Source, typescript: bool) -> list | None:
    """The calls that take the object of ``const body = { model, messages }``
    when the variable is only their argument (``fetch(url, { body:
    JSON.stringify(body) })``, ``axios.post(url, body)``) or read for a
    field (``log(body.model)``): the body is then posted as written, as one
    built in place is. None when the variable is exported, typed (the
    annotation decides which keys type-check), posted to another provider's
    host, spread, assigned, returned, or its ``thinking`` read."""
    declarator = obj.parent
    if declarator is None or declarator.type != "variable_declarator" or declarator.child_by_field_name("value") != obj:
        return None
    name = declarator.child_by_field_name("name")
    if name is None or name.type != "identifier" or (typescript and declarator.child_by_field_name("type")):
        return None
    declaration = declarator.parent
    if declaration is None or declaration.parent is None or declaration.parent.type == "export_statement":
        return None
    scope = declaration.parent
    while scope is not None and scope.type not in ("statement_block", "program"):
        scope = scope.parent
    if scope is None:
        return None
    text = src.node_text(name)
    calls = []
    stack = [scope]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node == name or node.type not in ("identifier", "shorthand_property_identifier") or src.node_text(node) != text:
            continue
        parent = node.parent
        if node.type == "identifier" and parent is not None and parent.type == "member_expression":
            field = parent.child_by_field_name("property")
            if parent.child_by_field_name("object") == node and field is not None and src.node_text(field) != "thinking":
                continue  # ``body.model`` logged: a read that the added key cannot change
        if node.type != "identifier" or parent is None or parent.type != "arguments":
            return None  # spread, assigned, returned or shadowed: others may see the body
        if parent.parent is None or parent.parent.type != "call_expression":
            return None  # new Request(url, body): a constructor keeps it
        calls.append(parent.parent)
    if any(_foreign_url(call, src) for call in calls):
        return None  # posted to another provider: its id, not DeepSeek's
    return calls or None


def is_stringify(call, src: Source) -> bool:
    """``JSON.stringify(...)``, however spaced."""
    callee = call.child_by_field_name("function") if call is not None else None
    return callee is not None and re.sub(r"\s+", "", src.node_text(callee)) == "JSON.stringify"


def posted_body_toggle(obj, src: Source, typescript: bool, mode: str | None) -> tuple[bool, TextEdit | None]:
    """A chat body (``model`` and ``messages``, no ``thinking``) that is
    posted as written: ``JSON.stringify({...})`` or a variable only handed
    to calls (``calls_posting``), not to another provider's host. (whether
    it is one, the edit adding ``mode`` when a mode is given)."""
    pairs = _pairs(obj, src)
    if "messages" not in pairs or "thinking" in pairs or any(k in pairs for k in _FIM_KEYS):
        return False, None
    arguments = obj.parent
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    if is_stringify(call, src):
        if _foreign_url(call, src) is not None:
            return False, None
    else:
        calls = calls_posting(obj, src, typescript)
        if not calls or (typescript and not any(is_stringify(c, src) for c in calls)):
            return False, None  # TypeScript: a wrapper's parameter type decides which keys type-check
    if mode is None:
        return True, None
    model = pairs.get("model")
    value = model.child_by_field_name("value") if model is not None and model.type == "pair" else None
    quote = src.node_text(value)[0] if value is not None and value.type == "string" else "'"
    return True, _append_property_edit(obj, src, _thinking_text(mode, quote))


_CHAT_KEYS = ("messages", "message")
_FIM_KEYS = ("prompt", "suffix")


def is_completion_body(obj, src: Source) -> bool:
    """An object with ``prompt`` (or ``suffix``) and no ``messages``: a body
    for ``/completions`` (FIM, prefix completion), which takes no thinking mode."""
    pairs = _pairs(obj, src)
    return any(key in pairs for key in _FIM_KEYS) and not any(key in pairs for key in _CHAT_KEYS)


def call_body_toggle(fix: Fix, obj, call, string, src: Source, mapping: Mapping, name, typescript: bool) -> str | None:
    """``client.createChatCompletion({ model: 'deepseek-chat', messages })``, a
    chat body handed to a hand-written client or a tool (``runTool("chat",
    { model, message })``): in JavaScript the body gets a top-level
    ``thinking`` key, as a raw payload does in Python. In TypeScript the
    parameter's type decides whether the key type-checks and the wrapper
    whether it is sent, so the note says where the mode goes instead.
    ``NOT_A_BODY`` for an object that is no chat body (a FIM prompt, options)."""
    pairs = _pairs(obj, src)
    if not any(key in pairs for key in _CHAT_KEYS) or any(key in pairs for key in _FIM_KEYS):
        return NOT_A_BODY
    if _foreign_url(call, src) is not None:
        return NOT_A_BODY
    mode = mapping.replacement(name.base).mode
    if not mapping.adds_toggle:
        return None
    if "thinking" in pairs:
        return "the body already sets thinking; kept as is"
    callee = call.child_by_field_name("function")
    where = src.node_text(callee) if callee is not None else "the call"
    if typescript:
        return (f"fix renames only: {where}(...) takes this body; set thinking: {{ type: '{mode}' }} where the "
                f"request is made, in {where} (its parameter type decides whether the key type-checks here)")
    fix.edits.append(_append_property_edit(obj, src, _thinking_text(mode, quote_of(string, src))))
    if any(c.type == "spread_element" for c in obj.named_children):
        fix.applicability = Applicability.UNSAFE
        return "the body spreads another object that may already set thinking"
    return None
