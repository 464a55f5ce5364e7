from __future__ import annotations

from ds_migrate.findings import roles
from ds_migrate.python.collisions import enum_class_of, maps_another_retired_id

import libcst as cst

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.router_deployments import deployment_of
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import dict_key_value, dotted_name, keyword_arg
from ds_migrate.python.usage import model_uses, payload_kind, payload_uses, sent_as_json
from ds_migrate.python.syntax import quote_of
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules import messages
from ds_migrate.rules.conditional_mode import carry_condition, merges, refusal, two_ids
from ds_migrate.rules.common import (
    enclosing_call_arg,
    positional_index,
    rename_fix,
    retired,
    thinking_key_at,
    toggle_at,
    value_holder,
    where_to_set_mode,
)


def _binding(site: NameSite) -> tuple[str, str | None, bool] | None:
    """(what it is, the bound name to follow, whether it is a class attribute)."""
    parents, conditional = value_holder(site)
    if not parents:
        return None
    holder = parents[0]
    in_class = len(parents) > 3 and isinstance(parents[3], cst.ClassDef)
    follow = not conditional
    if isinstance(holder, cst.Assign) and len(holder.targets) == 1:
        key = dotted_name(holder.targets[0].target)
        return ("Class attribute" if in_class else "Constant"), key if follow else None, in_class
    if isinstance(holder, cst.AnnAssign) and holder.value is not None:
        key = dotted_name(holder.target)
        return ("Field default" if in_class else "Constant"), key if follow else None, in_class
    if isinstance(holder, cst.Assign):
        return "Constant", None, False
    if isinstance(holder, cst.Param):
        return "Parameter default", None, False
    if isinstance(holder, cst.DictElement) and len(parents) > 1 and isinstance(parents[1], cst.Dict):
        key = dict_key_value(holder) or ""
        if deployment_of(parents, site.info) is not None:
            return None  # a Router deployment's request model (DSM102)
        if key.lower().endswith("model") and payload_kind(parents[1]) == "config":
            return "Config value", None, False
    found = enclosing_call_arg(site)
    if found is not None:
        call, arg, _ = found
        qualified = site.info.qualified(call.func) or ""
        is_default = positional_index(call, arg) == 0 or (
            arg.keyword is not None and arg.keyword.value == "default"
        )
        if qualified.rsplit(".", 1)[-1] in {"Field", "field"} and is_default and keyword_arg(call, "env") is None:
            return "Field default", None, False
    return None


class LegacyModelConstant(Rule):
    """
    What it does:
        Finds a retired model name stored before it is used: a constant, a
        variable, a class attribute, a dataclass or pydantic field default, a
        function parameter default, or a ``"model"`` entry of a config dict.

    Why it matters:
        Every request built from the value fails with a 400 since 2026-07-24,
        and a bare rename turns thinking on wherever it is used.

    Example:
        MODEL = "deepseek-chat"
        reply = client.chat.completions.create(model=MODEL, messages=msgs)

    Fixed:
        MODEL = "deepseek-v4-flash"
        reply = client.chat.completions.create(model=MODEL, messages=msgs, extra_body={"thinking": {"type": "disabled"}})

    Fix:
        The value is renamed. A name bound once in the module
        (``MODEL = "deepseek-chat"``) is followed to the calls in the same
        module that pass it as their model, and each of those calls gets the
        thinking toggle in its own form. Where it cannot be followed
        (parameters, other modules) the note says which mode to set where the
        request is made.

    Fix safety:
        Safe. Unsafe where a call it reaches might already carry the mode in
        ``**kwargs``.
    """

    code = "DSM103"
    role = roles.VALUE
    may_be_compat_in = frozenset({roles.IN_BRANCHES})
    line_with_v4_is_compat = True
    name = "legacy-model-constant"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Retired model name in a constant, field or default"
    priority = 35
    valid = (
        Example('MODEL = "deepseek-v4-flash"\n'),
        Example('MODEL = "deepseek-chat-v3-0324"\n'),
    )
    invalid = (
        Example('MODEL = "deepseek-chat"\n', 'MODEL = "deepseek-v4-flash"\n'),
        Example(
            'MODEL = "deepseek-chat"\nclient.chat.completions.create(model=MODEL, messages=m)\n',
            'MODEL = "deepseek-v4-flash"\nclient.chat.completions.create(model=MODEL, messages=m, extra_body={"thinking": {"type": "disabled"}})\n',
        ),
        Example(
            'class Settings(BaseModel):\n    model: str = "deepseek-reasoner"\n',
            'class Settings(BaseModel):\n    model: str = "deepseek-v4-flash"\n',
        ),
        Example('def ask(q, model="deepseek-chat"):\n    pass\n', 'def ask(q, model="deepseek-v4-flash"):\n    pass\n'),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if not site.is_whole_value or enum_class_of(site) is not None:
            return None  # an enum member is a member (DSM106), not a constant
        binding = _binding(site)
        if binding is None:
            return None
        what, key, class_attribute = binding
        fix = rename_fix(site, Applicability.SAFE)
        if two_ids(site, ctx) is not None:
            holder = value_holder(site)[0][0]
            target = dotted_name(holder.targets[0].target) if isinstance(holder, cst.Assign) and len(holder.targets) == 1 else None
            if carry_condition(site, ctx, target, fix, quote_of(site.token)):
                return Match(retired(site, ctx, what), fix, "fix renames it; the condition that chose the id then chooses the thinking mode at the request")
            if merges(site, ctx):
                return Match(retired(site, ctx, what), None, refusal(site, ctx))
        clash = _named_entry_clash(site, ctx, key)
        if clash:  # a member of the module's catalogue of named ids: it selects, as a collection's does
            return Match(retired(site, ctx, what), None, clash, role="member")
        clash = maps_another_retired_id(site, ctx)
        if clash:  # one retired id normalised to another: an alias entry
            return Match(retired(site, ctx, what), None, clash, role="alias")
        return Match(retired(site, ctx, what), fix, follow_binding(site, ctx, fix, key, class_attribute, f"{what.lower()} renamed"))


def _named_entry_clash(site: NameSite, ctx: CheckContext, key: str | None) -> str | None:
    """A constant that would become a second name for another constant's id."""
    from ds_migrate.python.named_constants import clash_of_constant

    line = site.info.source.count("\n", 0, site.absolute_start) + 1
    return clash_of_constant(site.info, key, site.name.text, line, ctx.mapping)


def follow_binding(site: NameSite, ctx: CheckContext, fix, key: str | None, class_attribute: bool, what: str) -> str | None:
    """Add the mode at each request of the module that passes the name
    ``key`` (bound once) as its model; the note, when one is left to say."""
    notes: list[str] = []
    followed = 0
    info = site.info
    if key is not None and info.single_binding(key) is not None:
        for call, context in model_uses(info, key, class_attribute):
            if context is None or context.is_foreign(call, info):
                continue
            note = toggle_at(call, context, site, ctx, fix)
            followed += 1
            if note:
                notes.append(note)
        for body, parents in payload_uses(info, key):
            if payload_kind(body) == "chat" and sent_as_json(body, parents, info):
                thinking_key_at(body, site, ctx, fix)
                followed += 1
        followed += _through_constructors(site, ctx, fix, key, notes)
    if not followed:
        request = _request_spreading(info, key) if key is not None else None
        note = where_to_set_mode(site, ctx, what)
        if request is not None:  # mem0: params.update({"model": self.config.model, ...}); create(**params)
            mode = ctx.mapping.replacement(site.name.base).mode
            note = messages.fix_note(
                what, f"set thinking {mode} at {request}, which sends it (when the model is this "
                "default: a caller may give another)"
            )
        notes.append(note)
    return "; ".join(notes) or None


def _through_constructors(site: NameSite, ctx: CheckContext, fix, key: str, notes: list[str]) -> int:
    """The requests of a class of the module that keeps the constant on
    ``self`` (python/constructors.py): each gets the mode, as a direct use does."""
    from ds_migrate.python.constructors import attributes_holding

    followed = 0
    for attribute in attributes_holding(site.info, key):
        for call, context in model_uses(site.info, attribute):
            if context is None or context.is_foreign(call, site.info):
                continue
            note = toggle_at(call, context, site, ctx, fix)
            followed += 1
            if note:
                notes.append(note)
    return followed


def _request_spreading(info, key: str) -> str | None:
    """The request that sends the name ``key`` through a payload dict spread
    into it (``params.update({"model": key, ...})``, then ``create(**params)``)."""
    from ds_migrate.python.contexts import context_for

    for body, parents in payload_uses(info, key):
        if payload_kind(body) != "chat" or len(parents) < 2:
            continue
        holder = None
        if isinstance(parents[0], cst.Arg) and isinstance(parents[1], cst.Call):
            func = parents[1].func
            if isinstance(func, cst.Attribute) and func.attr.value == "update":
                holder = dotted_name(func.value)
        elif isinstance(parents[0], cst.Assign) and len(parents[0].targets) == 1:
            holder = dotted_name(parents[0].targets[0].target)
        if holder is None:
            continue
        for call in info.calls_reading(holder):
            spread = any(arg.star == "**" and dotted_name(arg.value) == holder for arg in call.args)
            if spread and context_for(call, info) is not None:
                return f"`{cst.Module([]).code_for_node(call.func)}(...)`"
    return None
