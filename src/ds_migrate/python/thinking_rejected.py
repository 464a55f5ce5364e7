"""Requests V4 thinking answers with 400, whatever the rename: a forced
``tool_choice`` (DSM204) or tools while the history loses
``reasoning_content`` (DSM205). A rule's fix and the model flow's toggle
both ask here, so no fix makes such a request (SPEC section 4)."""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts import CallContext


def thinking_rejected(call: cst.Call, context: CallContext | None, info) -> str | None:
    """The review rule that flags this request as a guaranteed 400 once it
    thinks, if one does: a forced ``tool_choice`` (DSM204), or ``tools``
    while the module drops ``reasoning_content`` from the history or
    rebuilds assistant turns from content alone (DSM205; R1 code did, since
    R1 rejected the field). No fix may make such a request (SPEC section 4)."""
    from ds_migrate.python.history import reasoning_drops

    if context is not None and forces_a_tool(call, context):
        return "DSM204"
    sends_tools = any(arg.keyword is not None and arg.keyword.value == "tools" for arg in call.args)
    if sends_tools and (info.content_only_messages or reasoning_drops(info)):
        return "DSM205"
    return None


def forces_a_tool(call: cst.Call, context: CallContext) -> bool:
    """The call passes a forced ``tool_choice`` (rules/forced_tool_choice.py)."""
    from ds_migrate.rules.forced_tool_choice import is_forced

    anthropic = getattr(context, "name", "") == "anthropic-sdk"
    return any(
        arg.keyword is not None and arg.keyword.value == "tool_choice" and is_forced(arg.value, anthropic)
        for arg in call.args
    )
