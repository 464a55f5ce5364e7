from __future__ import annotations

from ds_migrate.findings import Severity
from ds_migrate.python.history import reasoning_drops
from ds_migrate.rules.base import CheckContext, Example, Match, ThinkingRule


class ReasoningContentDropped(ThinkingRule):
    """
    What it does:
        Finds code that removes ``reasoning_content`` from messages
        (``msg.pop("reasoning_content")``, ``del m["reasoning_content"]``,
        filters and ``exclude=``), and, in a module that makes a thinking
        request with tools, assistant messages rebuilt from ``content`` alone.

    Why it matters:
        deepseek-reasoner (R1) answered 400 when ``reasoning_content`` was sent
        back, so code written for it strips the field. V4 in thinking mode with
        tools requires it back, and answers 400 when it is missing.

    Example:
        client = OpenAI(base_url="https://api.deepseek.com")
        for message in history:
            message.pop("reasoning_content", None)

    Fix:
        None. Keep the field in the history you send back.
    """

    code = "DSM206"
    name = "reasoning-content-dropped"
    severity = Severity.INFO
    summary = "Code drops reasoning_content (an R1-era habit that breaks V4 tool calls)"
    valid = (Example('print(message.reasoning_content)\n'),)
    invalid = (
        Example('BASE_URL = "https://api.deepseek.com"\nfor m in history:\n    m.pop("reasoning_content", None)\n'),
        Example('# deepseek client\nclean = {k: v for k, v in msg.items() if k != "reasoning_content"}\n'),
    )

    def check_module(self, ctx: CheckContext) -> list[Match]:
        matches = [
            Match(
                f"This code {how} (needed for deepseek-reasoner, which rejected it); V4 thinking "
                "with tools needs it passed back",
                node=node,
            )
            for node, how in reasoning_drops(ctx.info)
        ]
        if any(r.thinks and "tools" in r.params for r in ctx.requests):
            matches.extend(
                Match(
                    "Assistant message rebuilt from content alone: its reasoning_content is lost, "
                    "which V4 thinking with tools rejects",
                    node=node,
                )
                for node in ctx.info.content_only_messages
            )
        return matches
