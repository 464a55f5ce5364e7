"""openai-node requests as requests: the client a ``...chat.completions.create``
call is made on (its ``baseURL``, when the file builds it with a string),
and the V4 request that does not say whether to think (DSM201)."""

from __future__ import annotations

import re

from ds_migrate.findings import Applicability, Fix
from ds_migrate.deepseek.hosts import is_deepseek_url, is_foreign_url
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.languages.javascript_toggles import (
    key_name, openai_thinking_edit, posted_body_toggle, sets_thinking, spreads_unknown,
)
from ds_migrate.languages.treesitter import Source, walk
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.rules.compat_code import V4_ID
from ds_migrate.rules.messages import V4_WITHOUT_MODE
from ds_migrate.rules.v4_without_mode import RETURNED_BODY, V4CallWithoutMode, returned_body_note

# openai-node chat calls, by the callee as written
CREATE = re.compile(r"\bchat\.completions\.(?:create|parse|stream)$|\bchat\.completions\.with\w*\.create$")
# the keys of an object that name its model, and the AI SDK's DeepSeek model factory
MODEL_KEYS = {"model", "modelName", "model_name", "modelId", "model_id", "id"}
_VERCEL = {"deepseek", "deepSeek"}
# a whole V4 id, behind any provider route
_WHOLE_V4 = re.compile(r"(?:[\w.@-]+[/:])*" + V4_ID.pattern, re.IGNORECASE)


def contained_model(fragment, src: Source) -> bool:
    """Does this string fragment name a V4 id only as a request's own model:
    the model property of an object handed to a call, or the AI SDK
    factory's argument? Nothing else observes such a literal (SPEC section
    4): the same places give a retired id the request role
    (``JavaScriptHandler._string``), so a literal the run renames is seen
    alike by the next run."""
    string = fragment.parent
    if string is None or string.type != "string" or not _WHOLE_V4.fullmatch(src.node_text(fragment)):
        return False
    if len([c for c in string.named_children if c.type == "string_fragment"]) != 1:
        return False
    parent = string.parent
    if parent is None:
        return False
    if parent.type == "pair":
        if parent.child_by_field_name("value") != string or key_name(parent, src) not in MODEL_KEYS:
            return False
        obj = parent.parent
        arguments = obj.parent if obj is not None else None
        return arguments is not None and arguments.type == "arguments"
    if parent.type == "arguments" and parent.named_children and parent.named_children[0] == string:
        callee = parent.parent.child_by_field_name("function") if parent.parent is not None else None
        return callee is not None and src.node_text(callee) in _VERCEL
    return False


def v4_request_without_mode(out, call, src: Source, mapping: Mapping, typescript: bool) -> None:
    """openai-node ``...chat.completions.create({...})`` with a V4 model, or
    any model on a client built with DeepSeek's base URL, and no thinking."""
    callee = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if callee is None or arguments is None or not arguments.named_children:
        return
    if not CREATE.search(re.sub(r"\s+", "", src.node_text(callee))):
        return
    obj = arguments.named_children[0]
    if obj.type != "object":
        return
    pairs = {key_name(p, src): p for p in obj.named_children if p.type == "pair"}
    model = pairs.get("model")
    if model is None or sets_thinking(obj, src):
        return
    value = model.child_by_field_name("value")
    if value is None:
        return
    host = client_host(callee, src)
    if is_foreign_url(host):
        return
    text = src.node_text(value).strip("'\"`") if value.type == "string" else None
    if text is not None and find_legacy_names(text):
        return  # as in Python: the retired id's finding (DSM101) renames it with its mode
    literal = text is not None and V4_ID.fullmatch(text)
    if not literal and not is_deepseek_url(host):
        return
    fix = None
    if mapping.assume_mode is not None:
        edit = openai_thinking_edit(obj, value, src, mapping.assume_mode, typescript)
        fix = Fix(Applicability.SAFE, [edit], f"assume thinking {mapping.assume_mode}")
        if spreads_unknown(obj, src):
            fix.applicability = Applicability.UNSAFE
    start = src.char(value.start_byte)
    out.add(V4CallWithoutMode, None, start, src.char(value.end_byte), V4_WITHOUT_MODE, fix,
            f"--assume-mode: thinking {mapping.assume_mode}" if fix else None)


def v4_body_without_mode(out, obj, src: Source, mapping: Mapping, typescript: bool) -> None:
    """A chat body naming a V4 model with no thinking, posted as written
    (``fetch(url, { body: JSON.stringify({...}) })``, a variable handed to a
    post helper): DSM201, as at an openai-node ``create``; a renamed
    retired id's body got its mode, but one renamed by hand did not."""
    pairs = {key_name(p, src): p for p in obj.named_children if p.type == "pair"}
    value = pairs["model"].child_by_field_name("value") if "model" in pairs else None
    if value is None or value.type != "string":
        return
    model = src.node_text(value).strip("'\"`")
    if "messages" in pairs and not sets_thinking(obj, src) and _returned(obj, src):
        if V4_ID.fullmatch(model) or find_legacy_names(model):  # a retired id: what the rename leaves
            note = returned_body_note(model, mapping, "as a thinking property; fetch and openai-node send it as is")
            out.add(V4CallWithoutMode, None, src.char(value.start_byte), src.char(value.end_byte), RETURNED_BODY,
                    None, note)
        return
    if not V4_ID.fullmatch(model):
        return
    is_body, edit = posted_body_toggle(obj, src, typescript, mapping.assume_mode)
    if not is_body:
        return
    fix = Fix(Applicability.SAFE, [edit], f"assume thinking {mapping.assume_mode}") if edit is not None else None
    if fix is not None and spreads_unknown(obj, src):
        fix.applicability = Applicability.UNSAFE
    out.add(V4CallWithoutMode, None, src.char(value.start_byte), src.char(value.end_byte), V4_WITHOUT_MODE, fix,
            f"--assume-mode: thinking {mapping.assume_mode}" if fix else None)


def _returned(obj, src: Source) -> bool:
    """Is this object handed back by a function (``return {...}``, ``() =>
    ({...})``, or ``const body = {...}; ... return body;``) and not posted in
    it? Where it is sent is out of sight (``RETURNED_BODY``)."""
    inner, parent = obj, obj.parent
    while parent is not None and parent.type == "parenthesized_expression":
        inner, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "return_statement":
        return True
    if parent.type == "arrow_function":
        return parent.child_by_field_name("body") == inner
    if parent.type != "variable_declarator" or parent.child_by_field_name("value") != obj:
        return False
    name = parent.child_by_field_name("name")
    if name is None or name.type != "identifier":
        return False
    function = _owner(parent)
    body = function.child_by_field_name("body") if function is not None else None
    if body is None or posted_body_toggle(obj, src, False, None)[0]:
        return False
    word = src.node_text(name)
    if re.search(rf"\b{re.escape(word)}\s*(?:\.\s*thinking\b|\[\s*['\"`]thinking)", src.node_text(body)):
        return False  # its mode is set after it is built
    for node in walk(body):
        if node.type == "return_statement" and node.named_children:
            returned = node.named_children[0]
            if returned.type == "identifier" and src.node_text(returned) == word and _owner(node) == function:
                return True
    return False


_FUNCTIONS = ("function_declaration", "function_expression", "arrow_function", "method_definition", "function")


def _owner(node):
    """The function ``node`` is in."""
    node = node.parent if node is not None else None
    while node is not None and node.type not in _FUNCTIONS:
        node = node.parent
    return node


def client_host(callee, src: Source) -> str | None:
    """The ``baseURL`` of the openai-node client a ``...chat.completions.create``
    call is made on, when the file builds it with a string: ``new OpenAI({
    baseURL: "..." })`` in place, or bound to the receiver's name."""
    node = callee
    while node is not None and node.type == "member_expression":
        node = node.child_by_field_name("object")
    if node is not None and node.type == "new_expression":
        return _base_url_of(node, src)
    text = re.sub(r"\s+", "", src.node_text(callee))
    receiver = text.split(".chat.", 1)[0].rsplit(".", 1)[-1] if ".chat." in text else None
    if not receiver or not receiver.isidentifier():
        return None
    root = callee
    while root.parent is not None:
        root = root.parent
    for candidate in walk(root):
        if candidate.type != "new_expression":
            continue
        holder = candidate.parent
        if holder is not None and holder.type == "variable_declarator":
            bound = holder.child_by_field_name("name")
        elif holder is not None and holder.type == "assignment_expression":
            bound = holder.child_by_field_name("left")
        else:
            continue
        if bound is not None and src.node_text(bound).rsplit(".", 1)[-1] == receiver:
            return _base_url_of(candidate, src)
    return None


def _base_url_of(construction, src: Source) -> str | None:
    arguments = construction.child_by_field_name("arguments")
    options = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    if options is None or options.type != "object":
        return None
    for pair in options.named_children:
        if pair.type == "pair" and key_name(pair, src) in ("baseURL", "baseUrl"):
            value = pair.child_by_field_name("value")
            if value is not None and value.type == "string":
                return src.node_text(value).strip("'\"")
    return None
