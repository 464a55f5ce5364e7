from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Severity
from ds_migrate.python.collisions import strings_in
from ds_migrate.python.router_deployments import aliased_deployment, deployment_of
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule

_LITERALS = (cst.Dict, cst.List, cst.Tuple, cst.Set)


def outermost_literal(site: NameSite) -> cst.CSTNode | None:
    """The largest dict/list/tuple/set literal the name is a value in, within its statement."""
    found = None
    for parent in site.role_parents:
        if isinstance(parent, _LITERALS):
            found = parent
        elif isinstance(parent, (cst.SimpleStatementLine, cst.BaseCompoundStatement, cst.Call, cst.Lambda)):
            break
    return found


def merged_ids(site: NameSite, ctx: CheckContext) -> tuple[str, str, str] | None:
    """Two distinct ids in the literal that would become one: (a, b, target)."""
    literal = outermost_literal(site)
    if literal is None:
        return None
    from ds_migrate.deepseek.names import is_exact_legacy

    seen: dict[str, str] = {}
    for value in strings_in(literal):
        name = is_exact_legacy(value)
        if name is None:
            continue
        target = ctx.mapping.rename(value).lower()
        if target in seen and seen[target] != value.lower():
            return seen[target], value, target
        seen.setdefault(target, value.lower())
    return None


class LegacyIdMap(Rule):
    """
    What it does:
        Finds retired model names as values of one map or list literal that
        holds two different retired ids: alias tables
        (``{"fast": "deepseek-chat", "careful": "deepseek-reasoner"}``),
        configs per mode (``{"chat": {"model": "deepseek-chat"}, ...}``).

    Why it matters:
        Both ids become one V4 model, so renaming both would make two entries
        the same, and the mode that told them apart would be lost.

    Example:
        ALIASES = {"fast": "deepseek-chat", "careful": "deepseek-reasoner"}

    Use instead:
        ALIASES = {"fast": ("deepseek-v4-flash", "disabled"), "careful": ("deepseek-v4-flash", "enabled")}

    Fix:
        None; never renamed. Give each entry the V4 id and its own thinking
        mode by hand. While it stays, other uses of the same ids stay too.
    """

    code = "DSM114"
    role = roles.ALIAS
    may_be_compat_in = frozenset({roles.IN_COLLECTIONS})
    name = "legacy-id-map"
    severity = Severity.WARNING
    summary = "Two retired ids as values of one map or list (renaming would merge them)"
    priority = 25
    valid = (
        Example('ALIASES = {"fast": "deepseek-chat"}\n'),
        Example('PAIR = ["deepseek-v4-flash", "deepseek-v4-pro"]\n'),
    )
    invalid = (
        Example('ALIASES = {"deepseek": "deepseek-chat", "r1": "deepseek-reasoner"}\n'),
        Example('CONFIGS = {"chat": {"model": "deepseek-chat"}, "reasoner": {"model": "deepseek-reasoner"}}\n'),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if site.is_comment or not site.is_whole_value:
            return None
        parent = site.parent
        if isinstance(parent, cst.DictElement) and parent.key is site.expression:
            return None  # keys are DSM106's
        if any(isinstance(p, (cst.Comparison, cst.ComparisonTarget)) for p in site.role_parents[:4]):
            return None  # model in ("deepseek-chat", "deepseek-reasoner"): a comparison (DSM105)
        if deployment_of(site.role_parents, site.info) is not None:
            return None  # a Router deployment, keyed by its model_name: a request (DSM102)
        merged = merged_ids(site, ctx)
        if merged is None:
            return None
        first, second, target = merged
        routed = aliased_deployment(site.role_parents, site.info) is not None
        return Match(
            f"Retired model '{site.name.text}' in a map or list of model ids that also holds another "
            f"retired id: renaming would make entries the same",
            note=f"not renamed: '{first}' and '{second}' would both become '{target}'",
            role=roles.ROUTE if routed else roles.ALIAS,
        )
