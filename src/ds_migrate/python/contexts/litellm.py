"""LiteLLM and DSPy (which forwards to LiteLLM): the form the pinned LiteLLM takes.

``thinking={"type": ...}`` raises on LiteLLM 1.77, is dropped silently for
"enabled" up to 1.82.0 and for "disabled" up to 1.92.2;
``extra_body={"thinking": ...}`` reaches the request on every version checked.
ds_migrate/deepseek/forms.py says which form works from which version; with no pin the
form that works everywhere is used. (``thinking=``, LiteLLM's own parameter,
is preferred where it works; a tool loop's ``reasoning_content`` goes back
with either form.)
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import keyword_arg
from ds_migrate.python.toggles import Toggle, no_form_toggle, has_thinking_key, thinking_object, via_extra_body, via_keyword

_LITELLM = {"litellm.completion", "litellm.acompletion"}


def version_aware_toggle(context: str, call: cst.Call, mode: str, quote: str, path: str | None) -> Toggle:
    """The toggle in the form ``forms.FORMS[context]`` picks for the pins near ``path``."""
    from ds_migrate.deepseek.forms import choose_form

    if keyword_arg(call, "thinking") is not None:
        return Toggle(None, note="the call already sets thinking=; kept as is")
    extra = keyword_arg(call, "extra_body")
    if extra is not None and has_thinking_key(extra.value):
        return Toggle(None, note="the call already sets thinking in extra_body; kept as is")
    form, pin = choose_form(context, mode, path)
    if form is None:
        return no_form_toggle(context, mode, pin)
    if form == "thinking":
        toggle = via_keyword(call, "thinking", thinking_object(mode, quote))
    else:
        toggle = via_extra_body(call, mode, quote)
    if pin is not None and toggle.apply is not None and toggle.note is None:
        toggle.note = f"{form}= chosen for {pin.describe()}"
    return toggle


class LiteLLMCompletion(CallContext):
    name = "litellm"
    label = "LiteLLM completion"
    priority = 40
    positional_model = True

    callee_names = frozenset(name.rsplit(".", 1)[1] for name in _LITELLM)

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return info.qualified(call.func) in _LITELLM

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return version_aware_toggle(self.name, call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        return version_aware_toggle(self.name, call, mode, quote, getattr(info, "path", None))


class DSPyLM(CallContext):
    name = "dspy"
    label = "DSPy LM"
    priority = 41
    positional_model = True

    callee_names = frozenset({"LM"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        return info.qualified(call.func) == "dspy.LM"

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return version_aware_toggle(self.name, call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        return version_aware_toggle(self.name, call, mode, quote, getattr(info, "path", None))
