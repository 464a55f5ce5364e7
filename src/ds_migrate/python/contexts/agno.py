"""agno's ``DeepSeek(id=...)`` model: the form the pinned agno takes.

``use_thinking=`` exists from agno 2.6.10 (a TypeError before);
``request_params={"extra_body": {"thinking": ...}}`` reaches the request on
every version checked. ds_migrate/deepseek/forms.py says which works from which
version; with no pin the form that works everywhere is used.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.deepseek.mapping import ENABLED
from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.syntax import keyword_arg
from ds_migrate.python.toggles import Toggle, no_form_toggle, via_keyword, via_request_params


class AgnoDeepSeek(CallContext):
    name = "agno"
    label = "agno DeepSeek model"
    priority = 50

    callee_names = frozenset({"DeepSeek"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("agno.") and qualified.endswith(".DeepSeek")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        return self.toggle_for(call, mode, quote, None)

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        from ds_migrate.deepseek.forms import choose_form

        if keyword_arg(call, "use_thinking") is not None:
            return Toggle(None, note="the call already sets use_thinking=; kept as is")
        form, pin = choose_form(self.name, mode, getattr(info, "path", None))
        if form is None:
            return no_form_toggle(self.name, mode, pin)
        if form == "use_thinking":
            toggle = via_keyword(call, "use_thinking", cst.Name("True" if mode == ENABLED else "False"))
        else:
            toggle = via_request_params(call, mode, quote)
        if pin is not None and toggle.apply is not None and toggle.note is None:
            toggle.note = f"{form}= chosen for {pin.describe()}"
        return toggle
