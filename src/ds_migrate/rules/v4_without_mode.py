from __future__ import annotations

import libcst as cst

from ds_migrate.deepseek.mapping import names_a_v4_model
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.findings import Applicability, Fix, NodeEdit, Severity
from ds_migrate.findings.test_paths import is_test_path
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

# a complete chat body (model and messages) handed back to callers: how it is
# sent is out of sight, so no key is added (``create(**body)`` in the Python
# SDK rejects an unknown ``thinking`` keyword); once renamed it thinks, and
# the gate stays red until the mode is set in it (a fresh review, 115-4)
RETURNED_BODY = "Chat request body returned with no thinking mode: V4 thinks by default; set the mode in this body"


def returned_body_note(legacy_model: str | None, mapping, form: str) -> str:
    """Which mode (the retired id's, when the body names one) and ``form``:
    how the body takes it."""
    names = find_legacy_names(legacy_model or "")
    mode = mapping.replacement(names[0].base).mode if names else None
    which = f"thinking {mode}" if mode else "thinking enabled (reasoner-style) or disabled (chat-style)"
    return f"how this body is sent is not seen here: give it {which}, {form}"


PYTHON_BODY_FORMS = 'as "thinking" for a JSON body, inside "extra_body" for one spread into an SDK call (create(**body))'


def returned_chat_bodies(info):
    """The chat payload dicts (``"model"`` and ``"messages"``) a function
    returns, directly or through the one local name it binds them to, and
    that the module does not visibly post; with their ``"model"`` value."""
    import libcst as cst

    from ds_migrate.python.local_bindings import local_binding, written_into
    from ds_migrate.python.syntax import dict_get
    from ds_migrate.python.usage import payload_kind, sent_as_json

    for body, parents in info.every_model_dict():
        if payload_kind(body) != "chat" or dict_get(body, "thinking") is not None or not parents:
            continue
        holder = parents[0]
        if isinstance(holder, cst.Return):
            returned = True
        elif isinstance(holder, cst.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0].target, cst.Name):
            name = holder.targets[0].target.value
            function = next((p for p in parents if isinstance(p, cst.FunctionDef)), None)
            returned = (local_binding(function, name) is body and not written_into(function, name)
                        and _returns_name(function, name))
        else:
            returned = False
        if returned and not sent_as_json(body, parents, info):
            yield body, dict_get(body, "model").value


def _returns_name(function, name: str) -> bool:
    import libcst as cst

    class Returns(cst.CSTVisitor):
        found = False

        def visit_FunctionDef(self, node) -> bool:
            return node is function  # a nested function's returns are its own

        def visit_ClassDef(self, node) -> bool:
            return False

        def visit_Return(self, node) -> None:
            if isinstance(node.value, cst.Name) and node.value.value == name:
                self.found = True

    visitor = Returns()
    function.visit(visitor)
    return visitor.found


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


def mode_reason(hint, mode: str) -> str:
    """Why a request whose model comes from elsewhere gets ``mode`` (Python
    and JavaScript alike); for an environment default, that the mode is then
    fixed whatever the variable names at run time (a fresh review, R-6)."""
    if not hint.mode:
        return f"--assume-mode {ASSUMED_BY[mode]}"
    if hint.env:
        return (f"the one retired id that reaches it, {hint.model}, the default of ${hint.env}; "
                f"the mode is fixed here whatever ${hint.env} names")
    return f"the one retired id that reaches it, {hint.model}"


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
    why = mode_reason(hint, mode)
    fix = Fix(applicability, description=f"set thinking {mode} here ({why})")
    fix.edits.append(edit)
    return Match(message, fix=fix, node=where, note=f"thinking {mode}: {why}")


_ORDER = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.NONE: 2}


class V4CallWithoutMode(ThinkingRule):
    """
    What it does:
        Finds a request to a V4 model (``deepseek-v4-flash``,
        ``deepseek-v4-pro``, ``deepseek-flash``) or to a client on
        ``api.deepseek.com`` that does not say whether to think. A complete
        chat body (``"model"`` and ``"messages"``) that a function returns
        instead of posting is reported too, and also while it still names a
        retired id: the fix renames it without a mode, since where it is
        sent is not visible.

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

    def check_module(self, ctx: CheckContext) -> list[Match]:
        """A complete chat body a function returns (``RETURNED_BODY``): V4,
        or a retired id the fix renames without a mode (reported before the
        fix too, so the first scan shows what the fix leaves)."""
        if ctx.info is None or is_test_path(ctx.info.path or ""):
            return []
        found = []
        for body, model_node in returned_chat_bodies(ctx.info):
            model = ctx.info.resolve_string(model_node)
            if model is None or not (names_a_v4_model(model) or find_legacy_names(model)):
                continue
            note = returned_body_note(model, ctx.mapping, PYTHON_BODY_FORMS)
            found.append(Match(RETURNED_BODY, node=model_node, note=note))
        return found

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
