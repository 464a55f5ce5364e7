from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import libcst as cst

from ds_migrate.findings import Applicability, Fix, NodeEdit, Severity
from ds_migrate.python.contexts import context_for
from ds_migrate.python.syntax import dotted_name, keyword_arg
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules.common import forces_a_tool

# A framework's enum members that name a retired id: (enum, member) -> id.
RETIRED_MEMBERS = {
    ("camel", "DEEPSEEK_CHAT"): "deepseek-chat",
    ("camel", "DEEPSEEK_REASONER"): "deepseek-reasoner",
}
# The members the same enum has for the targets, once it has them.
TARGET_MEMBERS = {"deepseek-v4-flash": "DEEPSEEK_V4_FLASH", "deepseek-v4-pro": "DEEPSEEK_V4_PRO"}


class LegacyEnumModel(Rule):
    """
    What it does:
        Finds a retired model named by a framework's enum member at a
        request: CAMEL's ``ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK,
        model_type=ModelType.DEEPSEEK_REASONER)``.

    Why it matters:
        The member's value is the retired id, so the request fails with a
        400 since 2026-07-24; no string in the file says so.

    Example:
        from camel.models import ModelFactory
        from camel.types import ModelPlatformType, ModelType
        model = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type=ModelType.DEEPSEEK_CHAT)

    Fixed:
        from camel.models import ModelFactory
        from camel.types import ModelPlatformType, ModelType
        model = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type="deepseek-v4-flash", model_config_dict={"extra_body": {"thinking": {"type": "disabled"}}})

    Fix:
        The member at the request becomes the V4 one (``ModelType.DEEPSEEK_V4_FLASH``)
        where the enum has it: the pinned CAMEL is 0.2.91a5 or later, or the
        project defines the enum itself. Otherwise the id is written as a
        string, which every version takes. The mode goes into
        ``model_config_dict`` in the form the pinned CAMEL takes
        (``extra_body`` on every version; ``DeepSeekConfig(thinking=...)``
        from 0.2.91a5). The enum's own definition is never renamed (its
        members would become aliases of each other).

    Fix safety:
        Safe: the member is the request's own model, which nothing else reads.
    """

    code = "DSM115"
    name = "legacy-enum-model"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Retired model named by a framework's enum member at a request"
    claims_names = False
    valid = (
        Example(
            "from camel.models import ModelFactory\nfrom camel.types import ModelPlatformType, ModelType\n"
            "m = ModelFactory.create(model_platform=ModelPlatformType.OPENAI, model_type=ModelType.GPT_4O)\n"
        ),
    )
    invalid = (
        Example(
            "from camel.models import ModelFactory\nfrom camel.types import ModelPlatformType, ModelType\n"
            "m = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type=ModelType.DEEPSEEK_REASONER)\n",
            "from camel.models import ModelFactory\nfrom camel.types import ModelPlatformType, ModelType\n"
            'm = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type="deepseek-v4-flash", '
            'model_config_dict={"extra_body": {"thinking": {"type": "enabled"}}})\n',
        ),
    )

    def check_module(self, ctx: CheckContext) -> list[Match]:
        matches = []
        for call in ctx.info.every_call():
            found = _retired_member(call, ctx)
            if found is not None:
                matches.append(_migrate(call, *found, ctx))
        return matches


def _retired_member(call: cst.Call, ctx: CheckContext):
    """(the model_type argument, the retired id, the context) of a CAMEL request."""
    arg = keyword_arg(call, "model_type")
    if arg is None or not isinstance(arg.value, cst.Attribute):
        return None
    context = context_for(call, ctx.info)
    if context is None or context.name != "camel":
        return None
    enum = ctx.info.qualified(arg.value.value) or ""
    if not (enum.startswith("camel.") and enum.endswith("ModelType")):
        return None
    legacy = RETIRED_MEMBERS.get(("camel", arg.value.attr.value))
    return (arg, legacy, context) if legacy else None


def _migrate(call: cst.Call, arg: cst.Arg, legacy: str, context, ctx: CheckContext) -> Match:
    replacement = ctx.mapping.replacement(legacy)
    target, mode = replacement.model, replacement.mode
    member = TARGET_MEMBERS.get(target) if _has_members(ctx.info.path, target) else None
    new_value = arg.value.with_changes(attr=cst.Name(member)) if member else cst.SimpleString(f'"{target}"')
    written = f"{dotted_name(arg.value.value)}.{member}" if member else f'"{target}"'
    message = (
        f"Model {dotted_name(arg.value)} ('{legacy}') is retired: "
        f"use {written} with thinking {mode}"
    )
    if mode == "enabled" and (forces_a_tool(call, context) or _config_forces_a_tool(call)):
        return Match(message, None, "not renamed here: it forces tool_choice, which thinking answers with 400 (DSM204)", node=arg.value)

    def rename(node: cst.Call) -> cst.Call:
        current = keyword_arg(node, "model_type")
        return node.deep_replace(current, current.with_changes(value=new_value)) if current is not None else node

    fix = Fix(Applicability.SAFE, description=f"model_type={written}")
    fix.edits.append(NodeEdit(call, rename))
    note = None
    if ctx.mapping.adds_toggle:
        toggle = context.toggle_for(call, mode, '"', ctx.info)
        if toggle.apply is not None:
            fix.edits.append(NodeEdit(call, toggle.apply))
        note = toggle.note
    return Match(message, fix, note, node=arg.value)


def _config_forces_a_tool(call: cst.Call) -> bool:
    """``model_config_dict`` forces a tool: ``{"tool_choice": "required"}`` or
    ``DeepSeekConfig(tool_choice=...)`` (rules/forced_tool_choice.py)."""
    from ds_migrate.python.contexts.camel import _config_call
    from ds_migrate.python.syntax import dict_get
    from ds_migrate.rules.forced_tool_choice import is_forced

    config = keyword_arg(call, "model_config_dict")
    value = config.value if config is not None else None
    if isinstance(value, cst.Dict):
        found = dict_get(value, "tool_choice")
        return found is not None and is_forced(found.value, False)
    built = _config_call(value)
    found = keyword_arg(built, "tool_choice") if built is not None else None
    return found is not None and is_forced(found.value, False)


def _has_members(path: str | None, target: str) -> bool:
    """Does the CAMEL this file runs with have the target's member?"""
    from ds_migrate.deepseek.forms import FORMS, _at_least
    from ds_migrate.deepseek.pins import pin_for

    if target not in TARGET_MEMBERS:
        return False
    if path is None:
        return False
    here = _enum_defined_here(str(Path(path).resolve().parent), TARGET_MEMBERS[target])
    if here is not None:  # the project is CAMEL itself: its own enum says
        return here
    pin = pin_for(path, FORMS["camel"]["package"], "python")
    return pin is not None and pin.low is not None and _at_least(pin.low, FORMS["camel"]["members_since"])


@lru_cache(maxsize=256)
def _enum_defined_here(folder: str, member: str) -> bool | None:
    """Whether CAMEL's own enum (camel/types/enums.py above the file) has
    the member; None when the project is not CAMEL itself."""
    from ds_migrate.deepseek.pins import _folders_up

    for candidate in _folders_up(folder):
        enums = Path(candidate, "camel", "types", "enums.py")
        if enums.is_file():
            try:
                text = enums.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return False
            return re.search(rf"^\s+{member}\s*=", text, re.M) is not None
    return None
