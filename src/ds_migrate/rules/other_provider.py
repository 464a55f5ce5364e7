from __future__ import annotations

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.contexts import context_for
from ds_migrate.python.module_info import is_foreign_url
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules.common import enclosing_call_arg

_PACKAGE_CALLS = {"setup", "setuptools.setup", "distutils.core.setup"}


class OtherProviderModel(Rule):
    """
    What it does: notes a legacy-looking name that does not go to DeepSeek's
    API: a call on a client whose base URL names another host (OpenRouter,
    Together, a local server), a package name in ``setup(name=...)``, or,
    in any kind of file, another provider's id that contains a legacy name
    (``openrouter/deepseek/deepseek-chat``, ``deepseek/deepseek-chat:free``).

    Why it matters: other providers keep their own model ids; DeepSeek's
    retirement does not touch them, and renaming them would break the call.

    Example:
        client = OpenAI(base_url="https://openrouter.ai/api/v1")
        client.chat.completions.create(model="deepseek/deepseek-chat")

    Fix: none. Check the provider's own catalogue.
    """

    code = "DSM110"
    name = "other-provider-model"
    severity = Severity.INFO
    fix_availability = Applicability.NONE
    summary = "Legacy-looking name sent to another provider (left alone)"
    priority = 20
    valid = ('client.chat.completions.create(model="deepseek-chat")\n',)
    invalid = (
        Example(
            'client = OpenAI(base_url="https://openrouter.ai/api/v1")\n'
            'client.chat.completions.create(model="deepseek/deepseek-chat")\n'
        ),
        Example('setup(name="deepseek-chat", version="1.0")\n'),
        Example("fallback: openrouter/deepseek/deepseek-chat\nfree: deepseek/deepseek-chat:free\n", path="models.yaml"),
        Example('package main\nconst Free = "deepseek/deepseek-reasoner:free"\n', path="main.go"),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        found = enclosing_call_arg(site)
        if found is None:
            return None
        call, arg, _ = found
        info = site.info
        if info.qualified(call.func) in _PACKAGE_CALLS:
            return Match(f"'{site.name.text}' is a package name here, not a model; left alone")
        context = context_for(call, info)
        url = context.base_url(call, info) if context else info.host_of_call(call)
        if is_foreign_url(url):
            return Match(
                f"'{site.name.text}' goes to {url}, not DeepSeek's API; "
                "that provider's ids are not affected by the retirement"
            )
        return None
