from __future__ import annotations

from ds_migrate.findings import Severity
from ds_migrate.rules.base import CheckContext, Example, Match, ThinkingRule

IGNORED_WHILE_THINKING = ("temperature", "presence_penalty", "frequency_penalty")


class SamplingInThinking(ThinkingRule):
    """
    What it does:
        Finds ``temperature``, ``presence_penalty`` or ``frequency_penalty`` on
        a request that thinks, or will once migrated (deepseek-reasoner, or a
        V4 model with no mode, where thinking is on by default).

    Why it matters:
        In thinking mode DeepSeek accepts these parameters and ignores them.
        Code that relies on ``temperature=0`` for repeatable output no longer
        gets it.

    Example:
        reply = client.chat.completions.create(model="deepseek-reasoner", messages=msgs, temperature=0.2)

    Use instead:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, temperature=0.2, extra_body={"thinking": {"type": "disabled"}})

    Fix:
        None. Disable thinking if the sampling matters, or drop the parameter.
    """

    code = "DSM203"
    name = "sampling-in-thinking"
    severity = Severity.INFO
    summary = "Sampling parameter that thinking mode ignores"
    # beside the docstring's examples: chat does not think; a V4 model with no mode does
    valid = (Example('client.chat.completions.create(model="deepseek-chat", messages=m, temperature=0)\n'),)
    invalid = (Example('client.chat.completions.create(model="deepseek-v4-flash", messages=m, presence_penalty=0.5)\n'),)

    def check_request(self, request, ctx: CheckContext) -> list[Match]:
        sent = {name: self.sent_while_thinking(request, name) for name in IGNORED_WHILE_THINKING}
        # still a retired id here, whose source is renamed with no mode set at
        # this request: it thinks only after the migration (a fifth fresh reader
        # read "ignored in thinking mode" on a request still sending deepseek-chat)
        later = request.is_legacy and request.flow is not None and getattr(request.flow, "mode", None) is None
        return [
            Match(
                f"{name} will be ignored after the migration: the renamed model thinks by default unless this "
                "request sets its thinking mode" if later else f"{name} is accepted but ignored in thinking mode",
                node=value,
            )
            for name, value in sent.items()
            if value is not None
        ]
