"""LiteLLM Router deployments: ``Router(model_list=[{"model_name": "fast",
"litellm_params": {"model": "deepseek/deepseek-chat", ...}}])``.

The Router hands each deployment's ``litellm_params`` to
``litellm.completion`` as its keywords, so their ``"model"`` is a request's
model, and the mode goes beside it in the form ``completion`` takes on
every LiteLLM version checked: ``"extra_body": {"thinking": mode}``
(tests/wire/test_wire_litellm_router.py). Callers name a deployment by its
``model_name``, never by this literal: nothing else reads it, and two
deployments that come to name one V4 id stay two entries.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ds_migrate.findings import Applicability
from ds_migrate.python.layout import append_dict_element, dict_element_node
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import assigned_name, dict_get, dict_key_value, dotted_name, string_value
from ds_migrate.python.toggles import Toggle, has_thinking_key, into_extra_body, thinking_object

ROUTER_CALLS = frozenset({"litellm.Router", "litellm.router.Router"})
_LIST_NAME = "model_list"
_BASE_URL_KEYS = ("api_base", "base_url")


@dataclass(frozen=True)
class Deployment:
    """One ``model_list`` entry whose ``litellm_params["model"]`` is the name."""

    entry: cst.Dict  # {"model_name": ..., "litellm_params": ...}
    params: cst.Dict  # litellm_params

    @property
    def model_name(self) -> str | None:
        element = dict_get(self.entry, "model_name")
        return string_value(element.value) if element is not None else None

    def base_url(self, info: ModuleInfo) -> str | None:
        """Where the deployment sends its requests, when the entry says so."""
        for key in _BASE_URL_KEYS:
            element = dict_get(self.params, key)
            if element is not None:
                return info.resolve_string(element.value)
        return None


def deployment_of(parents: tuple[cst.CSTNode, ...], info: ModuleInfo) -> Deployment | None:
    """The Router deployment whose ``litellm_params["model"]`` is the string
    whose ancestors (innermost first) are ``parents``; None otherwise."""
    if len(parents) < 4:
        return None
    model, params, holder, entry = parents[:4]
    if not (
        isinstance(model, cst.DictElement) and dict_key_value(model) == "model"
        and isinstance(params, cst.Dict)
        and isinstance(holder, cst.DictElement) and dict_key_value(holder) == "litellm_params"
        and holder.value is params
        and isinstance(entry, cst.Dict) and dict_get(entry, "model_name") is not None
    ):
        return None
    return Deployment(entry, params) if _listed(parents[4:], info) else None


def aliased_deployment(parents: tuple[cst.CSTNode, ...], info: ModuleInfo) -> Deployment | None:
    """The Router deployment whose ``model_name`` is the string whose
    ancestors are ``parents``: the name callers ask the Router for."""
    if len(parents) < 2:
        return None
    alias, entry = parents[:2]
    if not (isinstance(alias, cst.DictElement) and dict_key_value(alias) == "model_name" and isinstance(entry, cst.Dict)):
        return None
    params = dict_get(entry, "litellm_params")
    if params is None or not isinstance(params.value, cst.Dict) or not _listed(parents[2:], info):
        return None
    return Deployment(entry, params.value)


def _listed(above: tuple[cst.CSTNode, ...], info: ModuleInfo) -> bool:
    """Is the entry dict whose ancestors are ``above`` an item of a Router's
    model list: in its list literal, or appended to it
    (``model_list.append({...})``)?"""
    if len(above) >= 2 and isinstance(above[0], cst.Element) and isinstance(above[1], (cst.List, cst.Tuple)):
        return _is_model_list(above[2:], info)
    if len(above) >= 2 and isinstance(above[0], cst.Arg) and isinstance(above[1], cst.Call):
        func = above[1].func
        if isinstance(func, cst.Attribute) and func.attr.value == "append" and above[0].keyword is None:
            name = dotted_name(func.value)
            return name is not None and _names_a_model_list(name, info)
    return False


def _is_model_list(above: tuple[cst.CSTNode, ...], info: ModuleInfo) -> bool:
    """Is the list literal whose ancestors are ``above`` a Router's model list:
    passed to ``Router(...)``, or bound to ``model_list`` or to a name a
    ``Router(...)`` of the module takes as its model list?"""
    if len(above) >= 2 and isinstance(above[0], cst.Arg) and isinstance(above[1], cst.Call):
        return _router_arg(above[1], above[0], info)
    name = assigned_name(above[0]) if above else None
    return name is not None and _names_a_model_list(name, info)


def _names_a_model_list(name: str, info: ModuleInfo) -> bool:
    """``model_list``, or a name a ``Router(...)`` of the module takes as its model list."""
    if name.rsplit(".", 1)[-1].lower() == _LIST_NAME:
        return True
    return any(
        _router_arg(call, arg, info)
        for call in info.calls_reading(name)
        for arg in call.args
        if dotted_name(arg.value) == name
    )


def _router_arg(call: cst.Call, arg: cst.Arg, info: ModuleInfo) -> bool:
    if info.qualified(call.func) not in ROUTER_CALLS or arg.star:
        return False
    if arg.keyword is not None:
        return arg.keyword.value == _LIST_NAME
    return arg is next((a for a in call.args if a.keyword is None and not a.star), None)


def forced_tool_choice(deployment: Deployment) -> cst.BaseExpression | None:
    element = dict_get(deployment.params, "tool_choice")
    return element.value if element is not None else None


def params_toggle(deployment: Deployment, mode: str, quote: str) -> Toggle:
    """``"extra_body": {"thinking": mode}`` in the deployment's
    ``litellm_params``; a deployment that already sets thinking keeps it."""
    params = deployment.params
    if dict_get(params, "thinking") is not None:
        return Toggle(None, note="the deployment already sets thinking; kept as is")
    extra = dict_get(params, "extra_body")
    thinking = dict_element_node("thinking", thinking_object(mode, quote), quote)
    if extra is None:
        spread = any(isinstance(e, cst.StarredDictElement) for e in params.elements)

        def add(node: cst.Dict) -> cst.Dict:
            if dict_get(node, "extra_body") is not None or dict_get(node, "thinking") is not None:
                return node
            return append_dict_element(node, dict_element_node("extra_body", cst.Dict([thinking]), quote))

        if spread:
            return Toggle(add, Applicability.UNSAFE, "**params may already carry extra_body; check before applying")
        return Toggle(add)
    insert, merge = into_extra_body(lambda node: dict_get(node, "extra_body"), thinking)
    if isinstance(extra.value, cst.Dict):
        if has_thinking_key(extra.value):
            return Toggle(None, note="the deployment already sets thinking in extra_body; kept as is")
        return Toggle(insert)
    return Toggle(merge, Applicability.UNSAFE, "extra_body is built elsewhere; merging the thinking key into it needs a glance")
