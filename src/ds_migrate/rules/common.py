"""Pieces the legacy-name rules share: messages, renames, toggles at calls."""

from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Fix, NodeEdit, RenameEdit
from ds_migrate.python.contexts import CallContext
from ds_migrate.python.thinking_rejected import forces_a_tool, thinking_rejected  # noqa: F401  (rules use both)
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import quote_of
from ds_migrate.rules import messages
from ds_migrate.rules.base import CheckContext

_ORDER = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.NONE: 2}


def weakest(*levels: Applicability) -> Applicability:
    return max(levels, key=_ORDER.__getitem__)


def replacement_text(site: NameSite, ctx: CheckContext) -> str:
    return messages.replacement(site.name, ctx.mapping)


def mode_of(site: NameSite, ctx: CheckContext) -> str:
    return ctx.mapping.replacement(site.name.base).mode


def retired(site: NameSite, ctx: CheckContext, where: str) -> str:
    return messages.retired(site.name, ctx.mapping, where)


def rename(site: NameSite) -> RenameEdit:
    return RenameEdit(site.token, site.name.start)


def rename_fix(site: NameSite, applicability: Applicability, description: str = "") -> Fix:
    return Fix(applicability, [rename(site)], description or "rename")


def toggle_at(
    call: cst.Call, context: CallContext, site: NameSite, ctx: CheckContext, fix: Fix
) -> str | None:
    """Add the thinking toggle for ``site``'s mode to ``call`` as part of ``fix``.

    Returns a note when the toggle could not be added with certainty.
    """
    mode = mode_of(site, ctx)
    rejected = thinking_rejected(call, context, ctx.info) if mode == "enabled" else None
    if rejected == "DSM204":
        # V4 thinking answers this request 400: no rename makes it work as before
        fix.applicability = Applicability.NONE
        return (
            f"not renamed here: it forces tool_choice, which '{ctx.mapping.replacement(site.name.base).model}' "
            "answers with 400 when thinking (DSM204); use tool_choice=\"auto\", or migrate it by hand"
        )
    if rejected == "DSM205":
        fix.applicability = Applicability.NONE
        return (
            "not renamed here: thinking with tools needs reasoning_content passed back, and this module "
            "drops it (DSM205)"
        )
    if not ctx.mapping.adds_toggle:
        return None
    toggle = context.toggle_for(call, mode, quote_of(site.token), ctx.info)
    if toggle.apply is not None:
        fix.edits.append(NodeEdit(call, toggle.apply))
    # a rename with no toggle may still change what the request does (a chat id
    # on a version that takes no form turns thinking on): the toggle says so
    fix.applicability = weakest(fix.applicability, toggle.applicability)
    return toggle.note


def where_to_set_mode(site: NameSite, ctx: CheckContext, what: str) -> str:
    return messages.set_mode_where_requested(site.name, ctx.mapping, what)


def value_holder(site: NameSite) -> tuple[tuple[cst.CSTNode, ...], bool]:
    """Ancestors of the string seen as a value, looking through ``a if c else b``
    and ``x or "deepseek-chat"``; the flag says the value is chosen at run time."""
    parents = site.role_parents
    child: cst.CSTNode = site.expression
    conditional = False
    i = 0
    while i < len(parents):
        parent = parents[i]
        if isinstance(parent, cst.IfExp) and parent.test is not child:
            conditional = True
        elif isinstance(parent, cst.BooleanOperation):
            conditional = True
        else:
            break
        child = parent
        i += 1
    return parents[i:], conditional


def enclosing_call_arg(site: NameSite) -> tuple[cst.Call, cst.Arg, bool] | None:
    """The call and argument the string is passed as, if it is one."""
    parents, conditional = value_holder(site)
    if len(parents) >= 2 and isinstance(parents[0], cst.Arg) and isinstance(parents[1], cst.Call):
        return parents[1], parents[0], conditional
    return None


def positional_index(call: cst.Call, arg: cst.Arg) -> int | None:
    if arg.keyword is not None or arg.star:
        return None
    index = 0
    for candidate in call.args:
        if candidate is arg:
            return index
        if candidate.keyword is None and not candidate.star:
            index += 1
    return None


def thinking_key_at(node: cst.Dict, site: NameSite, ctx: CheckContext, fix: Fix) -> bool:
    """Add ``"thinking": mode`` to a raw request body as part of ``fix``."""
    from ds_migrate.python.layout import append_dict_element, dict_element_node
    from ds_migrate.python.syntax import dict_get
    from ds_migrate.python.toggles import thinking_object

    if not ctx.mapping.adds_toggle or dict_get(node, "thinking") is not None:
        return False
    quote = quote_of(site.token)
    value = thinking_object(mode_of(site, ctx), quote)

    def add(updated: cst.Dict) -> cst.Dict:
        if dict_get(updated, "thinking") is not None:
            return updated
        return append_dict_element(updated, dict_element_node("thinking", value, quote))

    fix.edits.append(NodeEdit(node, add))
    return True
