from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Severity
from ds_migrate.python.syntax import dict_get, string_value
from ds_migrate.rules.base import CheckContext, Example, Match, ThinkingRule


def is_forced(value: cst.BaseExpression, anthropic: bool) -> bool:
    """tool_choice="required" or a named tool; Anthropic's {"type": "any"} is accepted."""
    text = string_value(value)
    if text is not None:
        return text == "required"
    if isinstance(value, cst.Dict):
        kind = dict_get(value, "type")
        kind_value = string_value(kind.value) if kind else None
        if anthropic:
            return kind_value == "tool"
        return kind_value == "function" or dict_get(value, "function") is not None
    return False


class ForcedToolChoiceInThinking(ThinkingRule):
    """
    What it does:
        Finds ``tool_choice="required"`` or a named function on a request that
        thinks, or will once migrated.

    Why it matters:
        Thinking mode supports only ``auto`` and ``none``; the API answers 400
        "Thinking mode does not support this tool_choice". This is also what
        LangChain's ``with_structured_output`` sends.

    Example:
        reply = client.chat.completions.create(model="deepseek-reasoner", messages=msgs, tools=tools, tool_choice="required")

    Use instead:
        reply = client.chat.completions.create(model="deepseek-reasoner", messages=msgs, tools=tools, tool_choice="auto")

    Fix:
        None. Disable thinking for this request, or let the model choose.
    """

    code = "DSM204"
    name = "forced-tool-choice-in-thinking"
    severity = Severity.WARNING
    summary = "Forced tool_choice on a thinking request (the API answers 400)"
    valid = (
        Example('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="auto")\n'),
        Example(
            'client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, tool_choice="required", '
            'extra_body={"thinking": {"type": "disabled"}})\n'
        ),
    )
    # beside the docstring's example (tool_choice="required"): a named function
    invalid = (
        Example(
            'client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, '
            'tool_choice={"type": "function", "function": {"name": "lookup"}})\n'
        ),
    )

    def check_request(self, request, ctx: CheckContext) -> list[Match]:
        value = self.sent_while_thinking(request, "tool_choice")
        if value is None:
            return []
        anthropic = request.context is not None and request.context.name == "anthropic-sdk"
        if not is_forced(value, anthropic):
            return []
        return [
            Match(
                "Forced tool_choice on a thinking request: the API answers 400 "
                "\"Thinking mode does not support this tool_choice\"; disable thinking here or use \"auto\"",
                node=value,
            )
        ]
