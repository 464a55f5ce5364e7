from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Fix, NodeEdit, Severity
from ds_migrate.findings.wording import to_name
from ds_migrate.python.layout import append_dict_element, dict_element_node
from ds_migrate.python.syntax import dict_get
from ds_migrate.python.toggles import thinking_object
from ds_migrate.rules import messages
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, ThinkingRule

# the --assume-mode value that chose a mode, for the note that names it
ASSUMED_BY = {"enabled": "reasoner", "disabled": "chat"}


def _payload_toggle(mode: str):
    def add(node):
        if dict_get(node, "thinking") is not None:
            return node
        return append_dict_element(node, dict_element_node("thinking", thinking_object(mode, '"'), '"'))

    return add


SOURCES_NAMED = 2  # the places a DSM201 message names; the rest are counted


def _sources(hint) -> str:
    """``app/settings.py:3``, ``a.py:3 and .env:2``, ``a.py:3, .env:2 and b.py:1``,
    ``a.py:3, .env:2 and 2 more``."""
    places = [f"{path}:{line}" for path, line in dict.fromkeys(hint.sources)]
    if not places:
        return hint.origin.split(" (", 1)[0]
    shown, rest = to_name(places, SOURCES_NAMED)
    if rest:
        return f"{', '.join(shown)} and {rest} more"
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def from_elsewhere_message(hint) -> str:
    """What DSM201 says at a request whose model comes from elsewhere (the
    Python flow and the JavaScript one say it alike): short, as every
    message is: where the model comes from, and what to do here (the plan
    names the values and the env files that set them)."""
    source = _sources(hint)
    if hint.is_legacy and hint.why_not and hint.why_not.startswith("it is picked from a table"):
        return f"No thinking mode set; model picked from {source}: set it per entry here (V4 thinks by default)"
    return f"No thinking mode set; model from {source}: set it here (V4 thinks by default)"


def _from_elsewhere(request, ctx: CheckContext) -> Match:
    """A request whose model another module holds (ds_migrate/project/flow/)."""
    hint = request.flow
    where = request.model_node
    message = from_elsewhere_message(hint)
    mode = hint.mode or ctx.assume_mode
    if mode is None:
        note = f"not set here: {hint.why_not}" if hint.why_not else None
        return Match(message, node=where, note=note)
    applicability = Applicability.UNSAFE if hint.mode and not hint.renamed_safely else Applicability.SAFE
    if request.context is None and not isinstance(request.node, cst.Dict):
        return Match(message, node=where, note="set thinking in the body where it is built")
    if request.context is None:
        edit = NodeEdit(request.node, _payload_toggle(mode))
    else:
        toggle = request.context.toggle_for(request.node, mode, '"', ctx.info)
        if toggle.apply is None:
            return Match(message, node=where, note=toggle.note)
        if _ORDER[toggle.applicability] > _ORDER[applicability]:
            applicability = toggle.applicability
        edit = NodeEdit(request.node, toggle.apply)
    why = f"the one retired id that reaches it, {hint.model}" if hint.mode else f"--assume-mode {ASSUMED_BY[mode]}"
    fix = Fix(applicability, description=f"set thinking {mode} here ({why})")
    fix.edits.append(edit)
    return Match(message, fix=fix, node=where, note=f"thinking {mode}: {why}")


_ORDER = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.NONE: 2}


class V4CallWithoutMode(ThinkingRule):
    """
    What it does:
        Finds a request to a V4 model (``deepseek-v4-flash``,
        ``deepseek-v4-pro``, ``deepseek-flash``) or to a client on
        ``api.deepseek.com`` that does not say whether to think.

    Why it matters:
        Thinking is on by default on V4. Code renamed by hand from
        deepseek-chat, as many migration guides told people to do, now reasons
        on every request: slower, billed for reasoning tokens, ``temperature``
        ignored and forced ``tool_choice`` rejected.

    Example:
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs)

    Fixed (--assume-mode chat):
        reply = client.chat.completions.create(model="deepseek-v4-flash", messages=msgs, extra_body={"thinking": {"type": "disabled"}})

    Fix:
        None by default, since the intent is unknown. With ``--assume-mode
        chat`` (or ``reasoner``) the toggle for that mode is added to every such
        request, in the form the call accepts; where no form is certain, the
        note says so and there is no fix. A request whose model comes from
        another module (a settings module, an environment variable set in an
        env file, a parameter default) is found across the project: the
        finding names where the model comes from, and where exactly one
        retired id reaches it, not through a parameter or a table, on a client
        visibly DeepSeek's, the toggle of that id's mode is offered there.

    Fix safety:
        Safe: you said which mode. Unsafe where ``**kwargs`` might already
        carry one, and for the toggle offered across modules (another caller
        could still pass another model).
    """

    code = "DSM201"
    name = "v4-call-without-mode"
    severity = Severity.WARNING
    fix_availability = FixAvailability.WITH_ASSUME_MODE
    fix_safety = Applicability.SAFE
    summary = "V4 request with no explicit thinking mode (on by default)"
    valid = (
        Example('client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'),
        Example('client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n'),
        Example('client.chat.completions.create(model="gpt-4o", messages=m)\n'),
    )
    invalid = (
        Example('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'),
        Example('from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-v4-pro")\n'),
    )

    def check_request(self, request, ctx: CheckContext) -> list[Match]:
        if request.flow is not None and not request.explicit:
            return [_from_elsewhere(request, ctx)]
        if request.explicit or request.is_legacy:
            return []
        if request.context is None and not request.is_v4:
            return []
        message = messages.V4_WITHOUT_MODE
        where = request.model_node if request.model_node is not None else request.node
        if ctx.assume_mode is None:
            return [Match(message, node=where)]
        fix = Fix(Applicability.SAFE, description=f"assume thinking {ctx.assume_mode}")
        if request.context is None:
            fix.edits.append(NodeEdit(request.node, _payload_toggle(ctx.assume_mode)))
        else:
            toggle = request.context.toggle_for(request.node, ctx.assume_mode, '"', ctx.info)
            if toggle.apply is None:
                return [Match(message, node=where, note=toggle.note)]
            fix.edits.append(NodeEdit(request.node, toggle.apply))
            fix.applicability = toggle.applicability
        return [Match(message, fix=fix, node=where, note=f"--assume-mode: thinking {ctx.assume_mode}")]
