"""Follow a value to where the module uses it: which calls get a model
constant, and whether a payload dict is sent as a raw JSON body."""

from __future__ import annotations

from typing import Iterator

import libcst as cst

from ds_migrate.python.contexts import CallContext, context_for
from ds_migrate.python.follows import SELF_NAMES
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import assigned_name, dict_get, dotted_name

MODEL_KEYWORDS = frozenset({"model", "model_name", "model_id", "id", "llm_model", "deployment_name"})
_JSON_DUMPS = {"json.dumps", "orjson.dumps", "ujson.dumps"}


def refers_to(node: cst.BaseExpression, key: str, class_attribute: bool) -> bool:
    """Does ``node`` read the binding ``key``?"""
    name = dotted_name(node)
    if name == key:
        return True
    if class_attribute and isinstance(node, cst.Attribute) and node.attr.value == key:
        return isinstance(node.value, cst.Name) and node.value.value in SELF_NAMES
    return False


def model_uses(
    info: ModuleInfo, key: str, class_attribute: bool = False
) -> Iterator[tuple[cst.Call, CallContext | None]]:
    """Calls that pass the binding ``key`` as their model."""
    calls = info.calls_reading(key)
    if class_attribute and any(info.has_binding(f"{owner}.{key}") for owner in SELF_NAMES):
        class_attribute = False  # instances rebind it: self.x is not the class value
    for call in calls:
        for index, arg in enumerate(call.args):
            if not refers_to(arg.value, key, class_attribute):
                continue
            context = context_for(call, info)
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword in MODEL_KEYWORDS or (
                keyword is None and index == 0 and context is not None and context.positional_model
            ):
                yield call, context


def payload_uses(
    info: ModuleInfo, key: str
) -> Iterator[tuple[cst.Dict, tuple[cst.CSTNode, ...]]]:
    """Dict literals that take the binding ``key`` as their "model"."""
    for node, parents in info.model_dicts_reading(key):
        element = dict_get(node, "model")
        if element is not None and refers_to(element.value, key, False):
            yield node, parents


def sent_as_json(node: cst.Dict, parents: tuple[cst.CSTNode, ...], info: ModuleInfo) -> bool:
    """Is this dict visibly the JSON body of an HTTP request?

    ``parents`` are the dict's ancestors, innermost first.
    """
    return json_sender(node, parents, info) is not None


def json_sender(node: cst.Dict, parents: tuple[cst.CSTNode, ...], info: ModuleInfo) -> cst.Call | None:
    """The call that visibly sends this dict as a JSON body (``post(url, json=...)``
    or ``json.dumps(...)``), directly or through the one name it is bound to."""
    if len(parents) >= 2 and isinstance(parents[0], cst.Arg) and isinstance(parents[1], cst.Call):
        arg, call = parents[0], parents[1]
        if arg.keyword is not None and arg.keyword.value == "json":
            return call
        return call if info.qualified(call.func) in _JSON_DUMPS and arg.keyword is None else None
    key = assigned_name(parents[0]) if parents else None
    return _call_sending_name(info, key) if key is not None else None


def _call_sending_name(info: ModuleInfo, key: str) -> cst.Call | None:
    for call in info.calls_reading(key):
        for arg in call.args:
            if dotted_name(arg.value) != key or arg.star:
                continue
            if arg.keyword is not None and arg.keyword.value == "json":
                return call
            if arg.keyword is None and info.qualified(call.func) in _JSON_DUMPS:
                return call
    return None


def url_of_request(call: cst.Call, info: ModuleInfo) -> str | None:
    """The URL an HTTP call such as ``requests.post(URL, json=...)`` goes to, where visible."""
    for arg in call.args:
        if (arg.keyword is None and arg is call.args[0]) or (arg.keyword is not None and arg.keyword.value == "url"):
            return info.resolve_string(arg.value)
    return None


def payload_kind(node: cst.Dict) -> str:
    """"chat" for chat payloads, "fim" for completion payloads, else "config"."""
    if dict_get(node, "messages") is not None:
        return "chat"
    if dict_get(node, "prompt") is not None:
        return "fim"
    return "config"


_DUMPS = frozenset({"model_dump", "dict"})


def spread_body(call: cst.Call, info: ModuleInfo) -> cst.Dict | None:
    """The dict a call spreads as its keyword arguments: ``create(**kwargs)``
    after ``kwargs = {"model": MODEL, "messages": m}``, when that statement is
    the name's one binding in the function making the call and nothing
    writes into the dict, so its keys are the call's keywords. None when
    the dict carries an ``extra_body`` or spreads another mapping (a toggle
    added beside it could clash or be overridden)."""
    from ds_migrate.python.local_bindings import local_binding, written_into

    spread = [arg for arg in call.args if arg.star == "**"]
    if len(spread) != 1 or not isinstance(spread[0].value, cst.Name):
        return None
    name = spread[0].value.value
    for body, parents in info.every_model_dict():
        holder = parents[0] if parents else None
        if not (
            isinstance(holder, cst.Assign)
            and len(holder.targets) == 1
            and isinstance(holder.targets[0].target, cst.Name)
            and holder.targets[0].target.value == name
        ):
            continue
        if payload_kind(body) != "chat":
            continue  # as the workers' first look (project/flow/sites.py) has it: a chat body
        function = next((p for p in parents if isinstance(p, cst.FunctionDef)), None)
        if function is None or local_binding(function, name) is not body or written_into(function, name):
            continue
        if not _holds(function, call):
            continue
        if dict_get(body, "extra_body") is not None or any(
            isinstance(element, cst.StarredDictElement) for element in body.elements
        ):
            return None
        return body
    return None


def _holds(function: cst.FunctionDef, node: cst.CSTNode) -> bool:
    class Find(cst.CSTVisitor):
        found = False

        def on_visit(self, visited) -> bool:
            if visited is node:
                self.found = True
            return not self.found

    finder = Find()
    function.body.visit(finder)
    return finder.found


def dumped_body(call: cst.Call) -> tuple[cst.Call, cst.BaseExpression] | None:
    """``post(url, json=request.model_dump())``: the ``json=`` value and the
    object dumped (a pydantic model whose fields are the body)."""
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value != "json":
            continue
        value = arg.value
        if (
            isinstance(value, cst.Call)
            and not value.args
            and isinstance(value.func, cst.Attribute)
            and value.func.attr.value in _DUMPS
        ):
            return value, value.func.value
    return None
