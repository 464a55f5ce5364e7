from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.collisions import collision_in, enum_class_of
from ds_migrate.python.router_deployments import aliased_deployment
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules import messages
from ds_migrate.rules.common import enclosing_call_arg, rename_fix


ROUTER_ALIAS = "model_name of a LiteLLM Router deployment"


def table_role(site: NameSite) -> str | None:
    if not site.is_whole_value:
        return None
    parent = site.parent
    if enum_class_of(site) is not None:
        return "enum member"
    if isinstance(parent, cst.DictElement) and parent.key is site.expression:
        return "key of a table"
    if aliased_deployment(site.role_parents, site.info) is not None:
        return ROUTER_ALIAS
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
    What it does:
        Finds a retired model name used as a key or member: tables keyed by
        model, lists and enums of models, ``Literal[...]`` types,
        ``LABELS["deepseek-chat"]`` lookups, and the ``model_name`` of a
        LiteLLM Router deployment (the name callers ask the Router for; the
        deployment's own model is DSM102). (Tables that describe a model,
        such as prices or context sizes, are DSM112.)

    Why it matters:
        Both retired names are one V4 model now; a table keyed by both would
        get two equal keys after a blind rename, and the later entry would
        silently win. Prices changed too (V4 Flash: input $0.14 per 1M tokens on
        a cache miss, $0.028 on a hit, output $0.28).

    Example:
        LABELS = {"deepseek-chat": "Fast", "gpt-4o": "Smart"}

    Fixed (--unsafe-fixes):
        LABELS = {"deepseek-v4-flash": "Fast", "gpt-4o": "Smart"}

    Fix:
        The key is renamed together with every other use of the same id in the
        project (they select behaviour together). Never where that would create
        a duplicate key, member or enum alias: that finding has no fix, and its
        note says why.

    Fix safety:
        Unsafe: the entry may say something about the old model that is not
        true of the new one.
    """

    code = "DSM106"
    role = roles.KEY
    may_be_compat_in = frozenset({roles.IN_COLLECTIONS})
    line_with_v4_is_compat = True
    name = "legacy-model-table"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "Retired model name as a table key or collection member"
    priority = 60
    valid = (
        Example('LABELS = {"deepseek-v4-flash": "Fast"}\n'),
        Example('PRICES = {"deepseek-chat": 0.28}\n'),
    )
    invalid = (
        Example('LABELS = {"deepseek-chat": "Fast"}\n', 'LABELS = {"deepseek-v4-flash": "Fast"}\n', unsafe=True),
        Example('LABELS = {"deepseek-chat": "Fast", "deepseek-reasoner": "Careful"}\n', None, unsafe=True),
        Example(
            'class ModelType(str, Enum):\n    CHAT = "deepseek-chat"\n    REASONER = "deepseek-reasoner"\n',
            None,
            unsafe=True,
        ),
        Example('Model = Literal["deepseek-chat", "deepseek-reasoner"]\n', None, unsafe=True),
        Example('MODELS = ["deepseek-chat", "gpt-4o"]\n', 'MODELS = ["deepseek-v4-flash", "gpt-4o"]\n', unsafe=True),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        role = table_role(site)
        if role is None:
            return None
        message = messages.table_entry(site.name, ctx.mapping, role)
        member = "key" if role in ("key of a table", "lookup key") else "member"
        if role == ROUTER_ALIAS:
            # callers ask the Router for it by this name: renamed with them or not at all
            message, member = messages.router_alias(site.name.text), roles.ROUTE
        clash = collision_in(site, ctx)
        if clash:
            return Match(message, None, note=clash, role=member)
        return Match(message, rename_fix(site, Applicability.UNSAFE), role=member)
