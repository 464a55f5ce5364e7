"""What every calling context provides."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from ds_migrate.python.module_info import ModuleInfo, is_foreign_url
from ds_migrate.python.toggles import Toggle


class CallContext:
    name: ClassVar[str]
    label: ClassVar[str]  # in messages: "OpenAI SDK call"
    priority: ClassVar[int] = 100
    # Where the model goes when passed positionally, if anywhere.
    positional_model: ClassVar[bool] = False
    # The last part of every callee this context can recognise (after the
    # module's imports are resolved), so most calls are ruled out by one lookup.
    callee_names: ClassVar[frozenset[str]]

    def recognizes(self, call: cst.Call, info: ModuleInfo) -> bool:
        raise NotImplementedError

    def base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        """The base URL the request goes to, where the code shows it."""
        return info.host_of_call(call)

    def default_base_url(self, call: cst.Call, info: ModuleInfo) -> str | None:
        """Where the request goes when no setting overrides the client's base
        URL (``base_url=config.url or "https://api.deepseek.com"``)."""
        return None

    def is_foreign(self, call: cst.Call, info: ModuleInfo) -> bool:
        return is_foreign_url(self.base_url(call, info))

    def toggle(self, call: cst.Call, mode: str, quote: str) -> Toggle:
        """How to make the thinking mode explicit on this call."""
        raise NotImplementedError

    def explicit_toggle(self, call: cst.Call) -> tuple[cst.BaseExpression, str | None] | None:
        """A toggle this context keeps somewhere other than ``extra_body`` or a
        ``thinking`` / ``use_thinking`` keyword (``model_settings``, ...): the
        value as written and the mode it sets (None when not readable)."""
        return None

    def toggle_for(self, call: cst.Call, mode: str, quote: str, info: ModuleInfo | None) -> Toggle:
        """The toggle for this call in its module. Contexts whose form depends
        on the installed version of their package override this to read the
        pins near ``info.path`` (ds_migrate/deepseek/forms.py); the rest need not."""
        return self.toggle(call, mode, quote)
