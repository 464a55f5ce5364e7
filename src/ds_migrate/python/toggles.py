"""The thinking toggle in each form a calling context accepts.

A planned toggle says how to change the call and how sure that change is;
contexts pick the form, this module knows how to write each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import libcst as cst

from ds_migrate.findings import Applicability
from ds_migrate.deepseek.mapping import ENABLED
from ds_migrate.python.layout import append_arg, append_dict_element, dict_element_node, keyword_arg_node
from ds_migrate.python.syntax import dict_get, has_star_kwargs, keyword_arg

ANTHROPIC_BUDGET_TOKENS = 1024  # the SDK's type requires it; DeepSeek ignores it


@dataclass
class Toggle:
    """How a call gets its thinking mode. ``apply`` is None when nothing is added."""

    apply: Callable[[cst.Call], cst.Call] | None
    applicability: Applicability = Applicability.SAFE
    note: str | None = None


@lru_cache(maxsize=None)
def no_form_toggle(context: str, mode: str, pin) -> Toggle:
    """A pinned version that takes no checked form: the rename alone. For a
    reasoner id that keeps V4's default (thinking on); for a chat id it turns
    thinking on, a change of behaviour: only with --unsafe-fixes."""
    from ds_migrate.deepseek.forms import no_form_note

    applicability = Applicability.SAFE if mode == ENABLED else Applicability.UNSAFE
    return Toggle(None, applicability, note=no_form_note(context, mode, pin))


@lru_cache(maxsize=None)
def thinking_object(mode: str, quote: str, budget: bool = False) -> cst.Dict:
    """Parsed once per form: nodes are immutable, so every call may share it."""
    q = quote
    extra = f", {q}budget_tokens{q}: {ANTHROPIC_BUDGET_TOKENS}" if budget and mode == ENABLED else ""
    return cst.parse_expression(f"{{{q}type{q}: {q}{mode}{q}{extra}}}")


def has_thinking_key(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Dict) and dict_get(node, "thinking") is not None


def into_extra_body(find: Callable, thinking: cst.DictElement) -> tuple[Callable, Callable]:
    """Two edits of the node holding an ``extra_body`` (``find(node)``: its
    argument or dict element): put ``thinking`` into its dict literal, or,
    where it is built elsewhere, merge it ahead of that mapping (so that a
    thinking key already inside wins)."""

    def insert(node):
        holder = find(node)
        if holder is None or not isinstance(holder.value, cst.Dict) or has_thinking_key(holder.value):
            return node
        return node.deep_replace(holder, holder.with_changes(value=append_dict_element(holder.value, thinking)))

    def merge(node):
        holder = find(node)
        if holder is None or isinstance(holder.value, cst.Dict):
            return node
        return node.deep_replace(holder, holder.with_changes(value=cst.Dict([thinking, cst.StarredDictElement(holder.value)])))

    return insert, merge


def via_extra_body(call: cst.Call, mode: str, quote: str, budget: bool = False) -> Toggle:
    """OpenAI SDK and its wrappers: ``extra_body={"thinking": {...}}``
    (``budget``: the Anthropic shape, with ``budget_tokens`` when enabled)."""
    existing = keyword_arg(call, "extra_body")
    value = thinking_object(mode, quote, budget)
    if existing is None:
        applicability = Applicability.UNSAFE if has_star_kwargs(call) else Applicability.SAFE
        body = cst.Dict([dict_element_node("thinking", value, quote)])

        def add(node: cst.Call) -> cst.Call:
            if keyword_arg(node, "extra_body") is not None:
                return node
            return append_arg(node, keyword_arg_node("extra_body", body))

        note = "**kwargs may already carry extra_body; check before applying" if applicability is Applicability.UNSAFE else None
        return Toggle(add, applicability, note)
    insert, merge = into_extra_body(lambda node: keyword_arg(node, "extra_body"), dict_element_node("thinking", value, quote))
    if isinstance(existing.value, cst.Dict):
        if has_thinking_key(existing.value):
            return Toggle(None, note="the call already sets thinking in extra_body; kept as is")
        return Toggle(insert)
    return Toggle(
        merge,
        Applicability.UNSAFE,
        "extra_body is built elsewhere; merging the thinking key into it needs a glance",
    )


def via_keyword(call: cst.Call, keyword: str, value: cst.BaseExpression) -> Toggle:
    """Libraries that take the toggle as a keyword: ``thinking=``, ``use_thinking=``."""
    if keyword_arg(call, keyword) is not None:
        return Toggle(None, note=f"the call already sets {keyword}=; kept as is")
    applicability = Applicability.UNSAFE if has_star_kwargs(call) else Applicability.SAFE

    def add(node: cst.Call) -> cst.Call:
        if keyword_arg(node, keyword) is not None:
            return node
        return append_arg(node, keyword_arg_node(keyword, value))

    note = f"**kwargs may already carry {keyword}; check before applying" if applicability is Applicability.UNSAFE else None
    return Toggle(add, applicability, note)


def via_request_params(call: cst.Call, mode: str, quote: str) -> Toggle:
    """agno models: ``request_params={"extra_body": {"thinking": {...}}}``."""
    existing = keyword_arg(call, "request_params")
    value = thinking_object(mode, quote)
    if existing is None:
        applicability = Applicability.UNSAFE if has_star_kwargs(call) else Applicability.SAFE
        params = cst.Dict([dict_element_node("extra_body", cst.Dict([dict_element_node("thinking", value, quote)]), quote)])

        def add(node: cst.Call) -> cst.Call:
            if keyword_arg(node, "request_params") is not None:
                return node
            return append_arg(node, keyword_arg_node("request_params", params))

        note = (
            "**kwargs may already carry request_params; check before applying"
            if applicability is Applicability.UNSAFE
            else None
        )
        return Toggle(add, applicability, note)
    if not isinstance(existing.value, cst.Dict):
        return Toggle(None, note='request_params is built elsewhere: add "extra_body": {"thinking": ...} to it')
    extra = dict_get(existing.value, "extra_body")
    if extra is None:

        def add_extra(node: cst.Call) -> cst.Call:
            arg = keyword_arg(node, "request_params")
            if arg is None or not isinstance(arg.value, cst.Dict) or dict_get(arg.value, "extra_body") is not None:
                return node
            element = dict_element_node("extra_body", cst.Dict([dict_element_node("thinking", value, quote)]), quote)
            return node.deep_replace(arg, arg.with_changes(value=append_dict_element(arg.value, element)))

        return Toggle(add_extra)
    if not isinstance(extra.value, cst.Dict):
        return Toggle(None, note='request_params["extra_body"] is built elsewhere: add the "thinking" key to it')
    if has_thinking_key(extra.value):
        return Toggle(None, note="the call already sets thinking in request_params; kept as is")

    def insert(node: cst.Call) -> cst.Call:
        arg = keyword_arg(node, "request_params")
        inner = dict_get(arg.value, "extra_body") if arg is not None and isinstance(arg.value, cst.Dict) else None
        if inner is None or not isinstance(inner.value, cst.Dict) or has_thinking_key(inner.value):
            return node
        new_inner = append_dict_element(inner.value, dict_element_node("thinking", value, quote))
        return node.deep_replace(inner, inner.with_changes(value=new_inner))

    return Toggle(insert)
