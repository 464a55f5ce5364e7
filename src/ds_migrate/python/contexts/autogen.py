"""AutoGen's ``OpenAIChatCompletionClient`` (autogen-ext).

From autogen-ext 0.7.5 the constructor's ``extra_body`` is passed on to
``chat.completions.create`` (it joined the create arguments the client keeps
in 0.7.5; 0.7.4 and earlier filter it out of the configuration without a
word, and reject it in ``extra_create_args``). No form reaches the body on
those releases: with a pin below 0.7.5 the name is renamed and the note
says so; with no pin the toggle is added with a note naming the version it
needs (ds_migrate/deepseek/forms.py).
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.toggles import Toggle, no_form_toggle, via_extra_body


class AutoGenOpenAIClient(CallContext):
    name = "autogen"
    label = "AutoGen OpenAIChatCompletionClient"
    priority = 63
    callee_names = frozenset({"OpenAIChatCompletionClient"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("autogen_ext.") and qualified.endswith(".OpenAIChatCompletionClient")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return self.toggle_for(call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        from ds_migrate.deepseek.forms import FORMS, choose_form

        form, pin = choose_form(self.name, mode, getattr(info, "path", None))
        if form is None:
            return no_form_toggle(self.name, mode, pin)
        toggle = via_extra_body(call, mode, quote)
        if toggle.apply is not None and pin is None:
            since = FORMS[self.name]["works"][(form, mode)][0]
            version_note = (
                f"autogen-ext before {since} drops extra_body without a word (thinking stays on): "
                f"needs autogen-ext>={since}"
            )
            toggle.note = f"{toggle.note}; {version_note}" if toggle.note else version_note
        return toggle
