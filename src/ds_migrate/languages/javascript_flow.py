"""Requests whose model a JavaScript/TypeScript module reads from a name,
and the values its names hold: the worker's half of the JS model flow.

A default renamed in ``settings.js`` changes every request that reads it,
in modules that may never mention DeepSeek. Here, in the worker that
parses the file, each request's model expression is followed as far as
the module itself says (a ``const``, ``this.x`` set in the class, a
parameter default, a ternary, ``x ?? "id"``) down to literals, imports
and unknowns (findings/js_facts.py); the parent links imports across
modules (project/js_flow.py) and sends back a hint per request, which
``flow_findings`` turns into DSM201 with the toggle where it is certain.
"""

from __future__ import annotations

import re

from ds_migrate.deepseek.hosts import is_deepseek_url, is_foreign_url
from ds_migrate.findings import Applicability, Fix
from ds_migrate.findings.js_facts import IMPORT, LITERAL, JsFacts, JsRequest
from ds_migrate.findings.test_paths import is_test_path
from ds_migrate.languages.javascript_leads import ModuleValues
from ds_migrate.languages.javascript_requests import CREATE, client_host
from ds_migrate.languages.javascript_toggles import (
    _append_property_edit, _pairs, _thinking_text, first_argument_of_enclosing_call, key_name, openai_thinking_edit,
    sets_thinking, spreads_unknown,
)
from ds_migrate.languages.treesitter import Source, walk
from ds_migrate.rules.v4_without_mode import V4CallWithoutMode, from_elsewhere_message, mode_reason

_CHAT_PATH = re.compile(r"/chat/completions/?$")


class _Request:
    """A request site in this parse: the object sent, its model value, how it is sent."""

    def __init__(self, kind, call, obj, value, host) -> None:
        self.kind, self.call, self.obj, self.value, self.host = kind, call, obj, value, host


def request_sites(root, src: Source, path: str) -> list[_Request]:
    """Chat requests whose model is an expression, not a string written in place:
    openai-node ``create({...})``, a ``JSON.stringify`` chat body, a chat body
    handed to a call (``post("/chat/completions", {...})``)."""
    if is_test_path(path):
        return []  # a test's request goes to a mock
    sites = []
    for call in walk(root):
        if call.type != "call_expression":
            continue
        callee = call.child_by_field_name("function")
        arguments = call.child_by_field_name("arguments")
        if callee is None or arguments is None or arguments.type != "arguments":
            continue
        callee_text = re.sub(r"\s+", "", src.node_text(callee))
        args = [a for a in arguments.named_children if a.type != "comment"]
        for position, obj in enumerate(args):
            if obj.type != "object":
                continue
            value = _model_value(obj, src)
            if value is None or value.type in ("string", "template_string") or sets_thinking(obj, src):
                continue
            pairs = _pairs(obj, src)
            if any(key in pairs for key in ("prompt", "suffix")) and not any(k in pairs for k in ("messages", "message")):
                continue  # a completion (FIM) body: no thinking mode
            if CREATE.search(callee_text) and position == 0:
                url = client_host(callee, src)
                sites.append(_Request("openai", call, obj, value, _host(url)))
            elif callee_text == "JSON.stringify" and position == 0 and "messages" in pairs:
                sites.append(_Request("json", call, obj, value, _posted_to(call, src)))
            elif "messages" in pairs or "message" in pairs or _chat_path_among(args, src):
                sites.append(_Request("body", call, obj, value, _wrapper_host(callee, root, src)))
            break
    return sites


def model_line(call, src: Source) -> int | None:
    """The line of the model of a ``create({ model })`` call (where a flow hint is keyed)."""
    arguments = call.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    value = _model_value(first, src) if first is not None and first.type == "object" else None
    return value.start_point[0] + 1 if value is not None else None


def _model_value(obj, src: Source):
    for member in obj.named_children:
        if member.type == "pair" and key_name(member, src) == "model":
            return member.child_by_field_name("value")
        if member.type == "shorthand_property_identifier" and src.node_text(member) == "model":
            return member
    return None


def _host(url: str | None) -> str | None:
    if url and is_deepseek_url(url):
        return "deepseek"
    return "foreign" if is_foreign_url(url) else None


def _url_text(node, src: Source) -> str | None:
    if node.type not in ("string", "template_string"):
        return None
    text = src.node_text(node).strip("'\"`").split("${", 1)[0]
    return text if "://" in text else None


def _chat_path_among(args, src: Source) -> bool:
    for arg in args:
        if arg.type in ("string", "template_string"):
            text = src.node_text(arg).strip("'\"`")
            if _CHAT_PATH.search(text):
                return True
    return False


def _posted_to(call, src: Source) -> str | None:
    """The host of the ``fetch(url, { body: JSON.stringify(...) })`` around ``call``."""
    first = first_argument_of_enclosing_call(call)
    return _host(_url_text(first, src)) if first is not None else None


def _wrapper_host(callee, root, src: Source) -> str | None:
    """``this.post(...)`` / ``post(...)``: the hosts the URLs in that method or
    function of this file name (DeepSeek's only, another's, or none visible)."""
    name = src.node_text(callee).rsplit(".", 1)[-1]
    if not name.isidentifier():
        return None
    hosts = set()
    for node in walk(root):
        if node.type in ("method_definition", "function_declaration") and _name(node, src) == name:
            for inner in walk(node):
                url = _url_text(inner, src)
                if url:
                    hosts.add(_host(url))
    if "foreign" in hosts:
        return "foreign"
    return "deepseek" if hosts == {"deepseek"} else None


def _name(node, src: Source) -> str | None:
    name = node.child_by_field_name("name")
    return src.node_text(name) if name is not None else None


# -- the worker's two uses ------------------------------------------------------
def flow_facts(root, src: Source, path: str) -> JsFacts | None:
    """What the parent needs to link this module's requests and exports."""
    module = ModuleValues(root, src)
    requests = []
    for site in request_sites(root, src, path):
        if site.host == "foreign":
            continue  # another provider's request: never DeepSeek's retired ids
        leads = module.leads(site.value)
        if not any(lead.kind in (IMPORT, LITERAL) for lead in leads):
            continue  # nothing the run can follow: a parameter, a call's result
        requests.append(JsRequest(site.value.start_point[0] + 1, tuple(leads), site.host, _no_toggle(site, src, path)))
    exports = module.exports()
    if not requests and not exports:
        return None
    return JsFacts(tuple(requests), tuple(exports))


def _no_toggle(site: _Request, src: Source, path: str) -> str | None:
    if site.kind == "body" and path.endswith((".ts", ".tsx", ".mts", ".cts")):
        callee = site.call.child_by_field_name("function")
        where = src.node_text(callee) if callee is not None else "the wrapper"
        return (f"{where}(...) takes this body; its parameter type decides whether thinking type-checks here, "
                f"so set it where the request is made, in {where}")
    return None


def flow_findings(out, root, src: Source, mapping, typescript: bool, flows) -> None:
    """DSM201 at each request the parent linked to a value (``flows``: line ->
    Hint), with the toggle where the hint is certain and the body takes one."""
    for site in request_sites(root, src, out.path):
        line = site.value.start_point[0] + 1
        hint = flows.get(line)
        if hint is None or site.host == "foreign":
            continue
        message = from_elsewhere_message(hint)
        start, end = src.char(site.value.start_byte), src.char(site.value.end_byte)
        mode = hint.mode or mapping.assume_mode
        if mode is None or not mapping.adds_toggle:
            note = f"not set here: {hint.why_not}" if hint.why_not else None
            out.add(V4CallWithoutMode, None, start, end, message, None, note)
            continue
        why_not = _no_toggle(site, src, out.path) or _forced_tool_choice(site.obj, src, mode)
        if why_not:
            out.add(V4CallWithoutMode, None, start, end, message, None, f"not set here: {why_not}")
            continue
        applicability = Applicability.UNSAFE if hint.mode and not hint.renamed_safely else Applicability.SAFE
        q = _quote_in(site.obj, src)
        if site.kind == "openai":
            edit = openai_thinking_edit(site.obj, site.value, src, mode, typescript)
        else:
            edit = _append_property_edit(site.obj, src, _thinking_text(mode, q))
        note_extra = ""
        if spreads_unknown(site.obj, src):
            applicability = Applicability.UNSAFE
            note_extra = "; the body spreads another object that may already set thinking"
        why = mode_reason(hint, mode)
        fix = Fix(applicability, [edit], f"set thinking {mode} here ({why})")
        out.add(V4CallWithoutMode, None, start, end, message, fix, f"thinking {mode}: {why}{note_extra}")


def _forced_tool_choice(obj, src: Source, mode: str) -> str | None:
    """Thinking with a forced ``tool_choice`` is a guaranteed 400 (DSM204): never added."""
    if mode != "enabled":
        return None
    pair = _pairs(obj, src).get("tool_choice")
    value = pair.child_by_field_name("value") if pair is not None and pair.type == "pair" else None
    if value is None:
        return None
    text = src.node_text(value).strip("'\"`")
    if value.type == "object" or text == "required":
        return "it forces tool_choice, which thinking mode answers with a 400; drop the forced choice first"
    return None


def _quote_in(obj, src: Source) -> str:
    for node in walk(obj):
        if node.type == "string":
            first = src.node_text(node)[:1]
            if first in "'\"":
                return first
    return '"'
