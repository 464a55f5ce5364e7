"""AutoGen's ``OpenAIChatCompletionClient`` (autogen-ext).

From autogen-ext 0.7.5 the constructor's ``extra_body`` is passed on to
``chat.completions.create`` (it joined the create arguments the client keeps
in 0.7.5; 0.7.4 and earlier filter it out of the configuration without a
word, and reject it in ``extra_create_args``). No form reaches the body on
those releases, so the toggle is added with a note that says so.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.contexts.base import CallContext
from ds_migrate.python.module_info import ModuleInfo
from ds_migrate.python.toggles import Toggle, via_extra_body


class AutoGenOpenAIClient(CallContext):
    name = "autogen"
    label = "AutoGen OpenAIChatCompletionClient"
    priority = 63
    callee_names = frozenset({"OpenAIChatCompletionClient"})

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        qualified = info.qualified(call.func) or ""
        return qualified.startswith("autogen_ext.") and qualified.endswith(".OpenAIChatCompletionClient")

    # the first release that sends the toggle
    requires = ("autogen-ext", "0.7.5")

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        toggle = via_extra_body(call, mode, quote)
        if toggle.apply is not None:
            version_note = (
                "autogen-ext before 0.7.5 drops extra_body without a word (thinking stays on): "
                "needs autogen-ext>=0.7.5"
            )
            toggle.note = f"{toggle.note}; {version_note}" if toggle.note else version_note
        return toggle
