from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Fix, NodeEdit, Severity
from ds_migrate.deepseek.mapping import DISABLED, ENABLED
from ds_migrate.python.toggles import thinking_object
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, ThinkingRule


class ThinkingBoolean(ThinkingRule):
    """
    What it does:
        Finds the thinking toggle written as a boolean,
        ``extra_body={"thinking": True}``, the form some migration guides show.

    Why it matters:
        DeepSeek's API takes an object, ``{"thinking": {"type": "enabled"}}``
        or ``{"type": "disabled"}``; a boolean does not match the documented
        request shape.

    Example:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, extra_body={"thinking": True})

    Fixed:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, extra_body={"thinking": {"type": "enabled"}})

    Fix:
        ``True`` becomes ``{"type": "enabled"}`` and ``False``
        ``{"type": "disabled"}`` (with ``"budget_tokens"`` for the Anthropic
        SDK). agno's ``use_thinking`` is a boolean by design and is left alone.

    Fix safety:
        Safe.
    """

    code = "DSM202"
    name = "thinking-boolean"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Thinking toggle given as a boolean instead of {'type': ...}"
    valid = (Example('client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'),)
    # beside the docstring's example (True in extra_body): False in a request body
    invalid = (
        Example(
            'httpx.post(U, json={"model": "deepseek-v4-flash", "messages": m, "thinking": False})\n',
            'httpx.post(U, json={"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n',
        ),
    )

    def check_request(self, request, ctx: CheckContext) -> list[Match]:
        value = request.toggle
        if not (isinstance(value, cst.Name) and value.value in ("True", "False")):
            return []
        if request.context is not None and request.context.name == "agno":
            return []  # agno's use_thinking is a boolean by design
        mode = ENABLED if value.value == "True" else DISABLED
        budget = request.context is not None and request.context.name == "anthropic-sdk"
        replacement = thinking_object(mode, '"', budget=budget)
        fix = Fix(Applicability.SAFE, [NodeEdit(value, lambda _node: replacement)], "object form")
        return [
            Match(
                f"thinking={value.value} is not the API's shape; use {{\"type\": \"{mode}\"}}",
                fix=fix,
                node=value,
            )
        ]
