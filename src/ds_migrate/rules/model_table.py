from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.collisions import collision_in
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules.common import enclosing_call_arg, rename_fix, replacement_text


def table_role(site: NameSite) -> str | None:
    if not site.is_whole_value:
        return None
    parent = site.parent
    if isinstance(parent, cst.DictElement) and parent.key is site.expression:
        return "key of a table"
    if isinstance(parent, cst.Element):
        return "member of a collection"
    if isinstance(parent, cst.SubscriptElement) or isinstance(parent, cst.Index):
        return "lookup key"
    found = enclosing_call_arg(site)
    if found is not None:
        call, arg, _ = found
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in {"get", "pop", "setdefault"}:
            return "lookup key"
    return None


class LegacyModelTable(Rule):
    """
    What it does: finds a retired model name used as a key or member: price
    and context-size tables keyed by model, lists of supported models,
    ``PRICES["deepseek-chat"]`` lookups.

    Why it matters: both retired names are one V4 model now; a table keyed
    by both would get two equal keys after a blind rename, and the later
    entry would silently win. Prices changed too (V4 Flash: input $0.14 per
    1M tokens on a cache miss, $0.028 on a hit, output $0.28).

    Fix (unsafe): the key is renamed, never where that would create a
    duplicate key or member; then the finding says why and a person decides.
    """

    code = "DSM106"
    name = "legacy-model-table"
    severity = Severity.WARNING
    fix_availability = Applicability.UNSAFE
    summary = "Retired model name as a table key or collection member"
    priority = 60
    valid = ('PRICES = {"deepseek-v4-flash": 0.28}\n',)
    invalid = (
        Example('PRICES = {"deepseek-chat": 0.28}\n', 'PRICES = {"deepseek-v4-flash": 0.28}\n', unsafe=True),
        Example('PRICES = {"deepseek-chat": 1.1, "deepseek-reasoner": 2.19}\n', None, unsafe=True),
        Example('MODELS = ["deepseek-chat", "gpt-4o"]\n', 'MODELS = ["deepseek-v4-flash", "gpt-4o"]\n', unsafe=True),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        role = table_role(site)
        if role is None:
            return None
        message = (
            f"Retired model '{site.name.text}' as {role}: the current model is "
            f"'{replacement_text(site, ctx)}' (thinking on or off is one model); review the table"
        )
        clash = collision_in(site, ctx)
        if clash:
            return Match(message, None, note=clash)
        return Match(message, rename_fix(site, Applicability.UNSAFE))
