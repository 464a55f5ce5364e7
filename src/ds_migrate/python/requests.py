"""DeepSeek requests seen in a module, and the thinking mode each will run in.

A request is an SDK or wrapper call recognised by a calling context, or a
raw JSON body with a "model" key. The thinking-mode rules all ask the same
questions of it: which model, which mode, which parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ds_migrate.deepseek.mapping import DISABLED, ENABLED, LEGACY_MODES, names_a_v4_model
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.python.contexts import CallContext, context_for
from ds_migrate.python.contexts.fim import FimCompletions
from ds_migrate.python.module_info import ModuleInfo, is_deepseek_url
from ds_migrate.python.syntax import dict_get, dict_key_value, string_value
from ds_migrate.python.usage import MODEL_KEYWORDS, dumped_body, payload_kind, sent_as_json, spread_body

# Where each form keeps its toggle.
_TOGGLE_KEYWORDS = ("thinking", "use_thinking")


@dataclass
class Request:
    node: cst.Call | cst.Dict
    context: CallContext | None  # None for a raw JSON body
    model: str | None  # the model id, when visible
    params: dict[str, cst.BaseExpression] = field(default_factory=dict)
    toggle: cst.BaseExpression | None = None  # the thinking value as written
    toggle_mode: str | None = None  # ENABLED / DISABLED when the toggle is readable
    model_node: cst.BaseExpression | None = None  # where the model is given
    # where the model comes from when another module holds it (flow.Hint)
    flow: object | None = None

    @property
    def base_model(self) -> str | None:
        if self.model is None:
            return None
        return self.model.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower()

    @property
    def is_legacy(self) -> bool:
        return bool(self.model and find_legacy_names(self.model))

    @property
    def is_v4(self) -> bool:
        return self.model is not None and names_a_v4_model(self.model)

    @property
    def explicit(self) -> bool:
        return self.toggle is not None

    @property
    def mode(self) -> str | None:
        """The mode the request runs in once migrated; None when unknown."""
        if self.toggle_mode:
            return self.toggle_mode
        if self.toggle is not None:
            return None
        if self.is_legacy and self.flow is not None and getattr(self.flow, "mode", None) is None:
            # the model comes from another module and no toggle is offered here
            # (several ids reach it, a parameter, a table): once that source is
            # renamed, the request thinks by default, and reports now what the
            # fix will leave (DSM203 on its temperature before the fix, not after)
            return ENABLED
        if self.is_legacy:
            names = find_legacy_names(self.model or "")
            return LEGACY_MODES[names[0].base]
        if self.is_v4 or (self.model is None and self.params.get("reasoning_effort") is not None):
            return ENABLED  # V4 thinks by default
        return None

    @property
    def thinks(self) -> bool:
        return self.mode == ENABLED


def _mode_of(value: cst.BaseExpression | None) -> str | None:
    if isinstance(value, cst.Dict):
        kind = string_value(dict_get(value, "type").value) if dict_get(value, "type") else None
        return kind if kind in (ENABLED, DISABLED) else None
    if isinstance(value, cst.Name) and value.value in ("True", "False"):
        return ENABLED if value.value == "True" else DISABLED
    return None


def _call_request(call: cst.Call, context: CallContext, info: ModuleInfo) -> Request:
    params: dict[str, cst.BaseExpression] = {}
    model = None
    model_node = None
    for index, arg in enumerate(call.args):
        if arg.keyword is not None:
            params[arg.keyword.value] = arg.value
            if arg.keyword.value in MODEL_KEYWORDS and model is None:
                model = info.resolve_string(arg.value)
                model_node = arg.value
        elif index == 0 and context.positional_model:
            model = info.resolve_string(arg.value)
            model_node = arg.value
    request = Request(call, context, model, params, model_node=model_node)
    extra = params.get("extra_body")
    if isinstance(extra, cst.Dict) and dict_get(extra, "thinking") is not None:
        request.toggle = dict_get(extra, "thinking").value
    # agno: request_params={"extra_body": {"thinking": ...}}
    nested = params.get("request_params")
    nested = dict_get(nested, "extra_body") if isinstance(nested, cst.Dict) else None
    if nested is not None and isinstance(nested.value, cst.Dict) and dict_get(nested.value, "thinking") is not None:
        request.toggle = dict_get(nested.value, "thinking").value
    for keyword in _TOGGLE_KEYWORDS:
        if keyword in params:
            request.toggle = params[keyword]
    if request.toggle is not None:
        request.toggle_mode = _mode_of(request.toggle)
    nested = context.explicit_toggle(call)
    if nested is not None:
        request.toggle, request.toggle_mode = nested
    return request


def sets_thinking_mode(call: cst.Call, context: CallContext, info: ModuleInfo) -> bool:
    """Does this SDK or wrapper call already carry a thinking toggle?"""
    return _call_request(call, context, info).explicit


def _payload_request(node: cst.Dict, info: ModuleInfo) -> Request:
    params = {}
    for element in node.elements:
        key = dict_key_value(element)
        if key is not None:
            params[key] = element.value
    request = Request(node, None, info.resolve_string(params.get("model")), params, model_node=params.get("model"))
    if "thinking" in params:
        request.toggle = params["thinking"]
        request.toggle_mode = _mode_of(request.toggle)
    return request


# wrappers that name the provider in the model string: a built model whose
# written head is the prefix (``"deepseek/" + name``, ``f"deepseek:{name}"``)
# goes to DeepSeek whatever the name read from a config is
_PROVIDER_PREFIXES = {
    "litellm": "deepseek/", "dspy": "deepseek/", "crewai": "deepseek/", "agno-litellm": "deepseek/",
    "pydantic-ai-agent": "deepseek:",
}


def _written_head(node: cst.BaseExpression | None) -> str | None:
    """The literal text a built string starts with: the left end of a ``+``
    chain, the first text part of an f-string."""
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        node = node.left
    if isinstance(node, cst.FormattedString) and node.parts and isinstance(node.parts[0], cst.FormattedStringText):
        return node.parts[0].value
    if isinstance(node, cst.SimpleString):
        return string_value(node)
    return None


def _is_deepseek(request: Request, info: ModuleInfo) -> bool:
    if request.is_legacy or request.is_v4:
        return True
    if request.context is None:
        return False
    prefix = _PROVIDER_PREFIXES.get(request.context.name)
    if prefix and request.model is None and (_written_head(request.model_node) or "").lower().startswith(prefix):
        return True
    if request.model is None and request.model_node is not None:
        from ds_migrate.python.model_choices import chosen_models

        # model = HARD if hard else EASY, model = pick_model(t): V4 ids every way
        choices = chosen_models(request.model_node, info)
        if choices and all(names_a_v4_model(choice) for choice in choices):
            return True
    url = request.context.base_url(request.node, info)
    if url and is_deepseek_url(url):
        return True
    if url is None and is_deepseek_url(request.context.default_base_url(request.node, info) or ""):
        return True  # DeepSeek's unless a setting points the client elsewhere
    return request.context.name in {"agno"} or (
        request.context.name == "langchain" and "DeepSeek" in (info.qualified(request.node.func) or "")
    )


def deepseek_requests(info: ModuleInfo, flow_of=None) -> list[Request]:
    """Requests in the module that go to DeepSeek's API, as far as the code
    shows, or as the whole run showed (``flow_of(model_node)``: the hint of a
    request whose model another module holds)."""
    found: list[Request] = []
    for call in info.every_call():
        if flow_of is not None:
            dumped = dumped_body(call)
            hint = flow_of(dumped[0]) if dumped is not None else None
            if hint is not None:  # post(url, json=request.model_dump()): the body's model is a field default
                found.append(Request(call, None, hint.model, model_node=dumped[0], flow=hint))
                continue
        context = context_for(call, info)
        if context is None or isinstance(context, FimCompletions) or context.is_foreign(call, info):
            continue
        request = _call_request(call, context, info)
        if flow_of is not None and request.model is None and request.model_node is None:
            body = spread_body(call, info)  # create(**kwargs): the model is the spread dict's
            if body is not None and flow_of(dict_get(body, "model").value) is not None:
                request.model_node = dict_get(body, "model").value
        if flow_of is not None and request.model is None and request.model_node is not None:
            request.flow = flow_of(request.model_node)
            if request.flow is not None and request.flow.host_only:
                request.flow = None  # DeepSeek's host, held in another module; the model is unknown
                found.append(request)
                continue
            if request.flow is not None:
                request.model = request.flow.model
        if request.flow is not None or _is_deepseek(request, info):
            found.append(request)
    for node, parents in info.every_model_dict():
        if payload_kind(node) == "chat" and sent_as_json(node, parents, info):
            request = _payload_request(node, info)
            if flow_of is not None and request.model is None and request.model_node is not None:
                request.flow = flow_of(request.model_node)
                if request.flow is not None:
                    request.model = request.flow.model
            if request.flow is not None or request.is_legacy or request.is_v4:
                found.append(request)
    return found
