"""The V4 ids a module names only as a request's own literal model.

Such a literal is contained (SPEC section 4): nothing else in the program
can observe it, so it reaches no selector, and a V4 id written there is no
"already used" id that a renamed comparison would start to match. The test
is the one that gives a retired id the request role (DSM101's call argument
of a recognised calling context, DSM102's request body), so a literal this
run renames is seen the same way by the next run (safe then unsafe ends
where unsafe alone does). A V4 id bound to a name, a default, a table or a
comparison is not contained and still counts.
"""

from __future__ import annotations

import re

import libcst as cst

from ds_migrate.deepseek.names import LegacyName, V4_ID
from ds_migrate.python.contexts import context_for
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import dict_key_value, string_value
from ds_migrate.python.usage import payload_kind

# a whole V4 id, behind any provider route ("deepseek/", "openrouter/deepseek/")
_WHOLE = re.compile(r"(?:[\w.@-]+[/:])*" + V4_ID.pattern, re.IGNORECASE)


def contained_v4_spans(analysis) -> list[tuple[int, int, str | None]]:
    """(start, end, mode) in the source of each string that names a V4 id
    only as the model of a request the analysis recognises; ``mode`` is the
    thinking mode that request sets ("enabled", "disabled"), or None. A
    reply's model is that literal again: a branch on one retired id renamed
    to this V4 id would match it where the mode differs (decide.py)."""
    spans = []
    modes = None
    for node, offset, parents in analysis.v4_strings:
        holder = _contained(node, offset, parents, analysis.info)
        if holder is None:
            continue
        if modes is None:
            from ds_migrate.python.requests import deepseek_requests

            modes = {id(r.node): r.toggle_mode for r in deepseek_requests(analysis.info)}
        mode = modes.get(id(holder))
        if mode is None and isinstance(holder, cst.Dict):
            mode = _extra_body_mode(holder)
        spans.append((offset, offset + len(node.value), mode))
    return spans


def _contained(node: cst.SimpleString, offset: int, parents, info) -> cst.CSTNode | None:
    """The request (call or body dict) whose own model ``node`` is, or None."""
    from ds_migrate.rules.common import enclosing_call_arg, positional_index, value_holder
    from ds_migrate.rules.model_argument import _POSITIONAL_MODEL

    value = string_value(node)
    if value is None or not _WHOLE.fullmatch(value):
        return None
    site = NameSite(LegacyName(0, len(value), value, "", value.lower()), node, offset, parents, info)
    found = enclosing_call_arg(site)
    if found is not None:
        call, arg, _ = found
        context = context_for(call, info)
        if context is None:
            return None
        if arg.keyword is not None:
            return call
        last = (info.qualified(call.func) or "").rsplit(".", 1)[-1]
        positional = positional_index(call, arg) == 0 and (context.positional_model or last in _POSITIONAL_MODEL)
        return call if positional else None
    from ds_migrate.python.router_deployments import deployment_of

    deployment = deployment_of(tuple(parents), info)
    if deployment is not None:  # a LiteLLM Router deployment: its litellm_params are a request's
        return deployment.params
    holders, _ = value_holder(site)
    if (
        len(holders) >= 2
        and isinstance(holders[0], cst.DictElement)
        and isinstance(holders[1], cst.Dict)
        and dict_key_value(holders[0]) == "model"
        and payload_kind(holders[1]) != "config"
    ):
        return holders[1]
    return None


def _extra_body_mode(params: cst.Dict) -> str | None:
    """The mode ``{"extra_body": {"thinking": {"type": ...}}}`` sets (a Router
    deployment's litellm_params), or None."""
    from ds_migrate.python.syntax import dict_get

    extra = dict_get(params, "extra_body")
    thinking = dict_get(extra.value, "thinking") if extra is not None and isinstance(extra.value, cst.Dict) else None
    kind = dict_get(thinking.value, "type") if thinking is not None and isinstance(thinking.value, cst.Dict) else None
    mode = string_value(kind.value) if kind is not None else None
    return mode if mode in ("enabled", "disabled") else None
