from __future__ import annotations

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.contexts import context_for
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import quote_of
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules.conditional_mode import carry_at_call, merges, refusal
from ds_migrate.rules.common import (
    enclosing_call_arg,
    positional_index,
    rename_fix,
    retired,
    toggle_at,
    where_to_set_mode,
)

# Callees whose first positional argument is the model, beyond the contexts
# that say so themselves (pydantic-ai agents and models, LangChain's factory).
_POSITIONAL_MODEL = {"Agent", "init_chat_model", "OpenAIModel", "OpenAIChatModel", "LM", "LLM"}


class LegacyModelArgument(Rule):
    """
    What it does:
        Finds a retired model name passed to a call:
        ``client.chat.completions.create(model="deepseek-chat")``,
        ``ChatDeepSeek(model=...)``, ``ChatOpenAI(model_name=...)``, agno
        ``DeepSeek(id=...)``, ``dspy.LM("deepseek/deepseek-chat")``,
        pydantic-ai ``Agent("deepseek:deepseek-chat")``.

    Why it matters:
        Since 2026-07-24 15:59 UTC the API answers 400 "The supported API model
        names are deepseek-v4-pro or deepseek-v4-flash, but you passed
        deepseek-chat." A bare rename is wrong too: V4 models think by default,
        so deepseek-chat must become deepseek-v4-flash with thinking disabled,
        and deepseek-reasoner deepseek-v4-flash with thinking enabled.

    Example:
        reply = client.chat.completions.create(model="deepseek-chat", messages=msgs)

    Fixed:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, extra_body={"thinking": {"type": "disabled"}})

    Fix:
        The name is renamed (a provider prefix is kept) and the thinking mode is
        added in the form the call accepts: ``extra_body`` for the OpenAI SDK,
        LangChain and CrewAI; for the Anthropic SDK, LiteLLM, DSPy and agno the
        form the version pinned near the file takes (``thinking=`` from
        anthropic 0.47, from LiteLLM 1.82.1 for enabled and 1.93 for disabled;
        ``use_thinking=`` from agno 2.6.10), and with no pin the form that works
        on every version (``extra_body`` / ``request_params``). FIM calls are
        renamed only. A call that already sets a mode keeps it. For an unknown
        wrapper the name is renamed and the note says which mode to set.

    Fix safety:
        Safe. Unsafe where ``**kwargs`` or a computed ``extra_body`` might
        already carry the mode.
    """

    code = "DSM101"
    role = roles.REQUEST
    may_be_compat_in = frozenset({roles.IN_BRANCHES})
    line_with_v4_is_compat = True
    name = "legacy-model-argument"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Retired model name passed as a call's model"
    priority = 40
    valid = (
        Example('client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'),
        Example('client.chat.completions.create(model="deepseek/deepseek-chat-v3-0324", messages=m)\n'),
        Example('litellm.completion(model="openrouter/deepseek/deepseek-chat", messages=m)\n'),
    )
    invalid = (
        Example(
            'client.chat.completions.create(model="deepseek-chat", messages=m)\n',
            'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n',
        ),
        Example(
            "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-reasoner')\n",
            "from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model='deepseek-v4-flash', extra_body={'thinking': {'type': 'enabled'}})\n",
        ),
        Example(
            'import dspy\nlm = dspy.LM("deepseek/deepseek-chat")\n',
            'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", extra_body={"thinking": {"type": "disabled"}})\n',
        ),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if not site.is_whole_value:
            return None
        found = enclosing_call_arg(site)
        if found is None:
            return None
        call, arg, conditional = found
        info = site.info
        context = context_for(call, info)
        if arg.keyword is None:
            qualified = info.qualified(call.func) or ""
            positional = context is not None and context.positional_model
            if positional_index(call, arg) != 0 or not (
                positional or qualified.rsplit(".", 1)[-1] in _POSITIONAL_MODEL
            ):
                return None
        fix = rename_fix(site, Applicability.SAFE)
        if context is None:
            note = where_to_set_mode(site, ctx, "unknown caller, renamed only")
            where = "Model argument"
        elif conditional and carry_at_call(site, ctx, call, context, fix, quote_of(site.token)):
            note = "fix renames it; the condition that chose the id then chooses the thinking mode"
            where = f"Model of {context.label}"
        elif conditional and merges(site, ctx):
            return Match(retired(site, ctx, f"Model of {context.label}"), None, refusal(site, ctx), role=roles.REQUEST)
        elif conditional:
            note = where_to_set_mode(site, ctx, "the model is chosen at run time, renamed only")
            where = f"Model of {context.label}"
        else:
            note = toggle_at(call, context, site, ctx, fix)
            where = f"Model of {context.label}"
        # an unknown caller's model may be a fake or a wrapper: a value, not a known request
        return Match(retired(site, ctx, where), fix, note, role=roles.REQUEST if context is not None else roles.VALUE)
