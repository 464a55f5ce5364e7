from __future__ import annotations

from ds_migrate.findings import Severity
from ds_migrate.python.history import reasoning_drops
from ds_migrate.rules.base import CheckContext, Example, Match, ThinkingRule

PASS_BACK_ERROR = "The `reasoning_content` in the thinking mode must be passed back to the API."


class ToolsInThinking(ThinkingRule):
    """
    What it does:
        Finds ``tools=`` on a request that thinks, or will once migrated. It is
        a warning when the same module visibly drops ``reasoning_content`` or
        rebuilds assistant messages from ``content`` alone, and a reminder
        (info) otherwise.

    Why it matters:
        With tools in thinking mode, each assistant message's
        ``reasoning_content`` must be passed back in every later request, or the
        API answers 400 "The `reasoning_content` in the thinking mode must be
        passed back to the API." Code written for deepseek-reasoner (R1) often
        strips it, because R1 rejected it.

    Example:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, tools=tools)
        msgs.append({"role": "assistant", "content": reply.choices[0].message.content})

    Use instead:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, tools=tools, extra_body={"thinking": {"type": "disabled"}})
        msgs.append({"role": "assistant", "content": reply.choices[0].message.content})

    Fix:
        None. Append the assistant message as returned (with its
        ``reasoning_content``) to the history, or disable thinking.
    """

    code = "DSM205"
    name = "tools-in-thinking"
    severity = Severity.WARNING
    summary = "Tools on a thinking request: reasoning_content must be passed back"
    valid = (
        Example('client.chat.completions.create(model="deepseek-chat", messages=m, tools=t)\n'),
        Example(
            'client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, '
            'extra_body={"thinking": {"type": "disabled"}})\n'
        ),
    )
    # beside the docstring's example (a history rebuilt from content): the reminder
    invalid = (Example('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t)\n'),)

    def check_request(self, request, ctx: CheckContext) -> list[Match]:
        tools = self.sent_while_thinking(request, "tools")
        if tools is None:
            return []
        info = ctx.info
        strips = bool(reasoning_drops(info)) or bool(info.content_only_messages)
        if strips:
            return [
                Match(
                    "Tools on a thinking request, and this module drops reasoning_content from the "
                    f"history: the next request will fail with 400 \"{PASS_BACK_ERROR}\"",
                    node=tools,
                )
            ]
        return [
            Match(
                "Tools on a thinking request: pass each assistant message's reasoning_content back "
                f"in later requests, or the API answers 400 \"{PASS_BACK_ERROR}\"",
                node=tools,
                severity=Severity.INFO,
            )
        ]
