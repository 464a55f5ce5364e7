from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules import messages
from ds_migrate.rules.common import rename_fix
from ds_migrate.python.collisions import collision_in

_COMPARISON_PARENTS = (cst.Comparison, cst.ComparisonTarget, cst.MatchValue)


def comparison_of(site: NameSite) -> cst.CSTNode | None:
    """The comparison or case pattern the string takes part in, if any."""
    parents = site.role_parents
    i = 0
    if parents and isinstance(parents[0], cst.Element):
        i = 2  # an element of a literal collection: look above the collection
    if i < len(parents) and isinstance(parents[i], _COMPARISON_PARENTS):
        return parents[i]
    return None


class LegacyModelComparison(Rule):
    """
    What it does:
        Finds a retired model name that code compares against:
        ``if model == "deepseek-reasoner":``, ``model in {...}``, a ``match``
        case, a ``switch`` label in other languages.

    Why it matters:
        Such code usually branches on behaviour (parse ``reasoning_content``,
        skip ``temperature``). After the migration both old names are the same
        V4 model, told apart only by the thinking mode, so the branch may need
        the mode rather than the name.

    Example:
        if model == "deepseek-reasoner":
            show(reply.choices[0].message.reasoning_content)

    Fixed (--unsafe-fixes):
        if model == "deepseek-v4-flash":
            show(reply.choices[0].message.reasoning_content)

    Fix:
        The name is renamed, together with every other use of the same id in
        the project. Never where two branches would then test the same value,
        or a collection would hold it twice: that finding has no fix, and its
        note gives the reason, for a person to decide.

    Fix safety:
        Unsafe: the branch may select behaviour that now depends on the
        thinking mode.
    """

    code = "DSM105"
    role = roles.COMPARISON
    may_be_compat_in = frozenset({roles.IN_COLLECTIONS})
    line_with_v4_is_compat = True
    name = "legacy-model-comparison"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "Code compares a model against a retired name"
    priority = 55
    valid = (Example('if model == "deepseek-v4-flash":\n    pass\n'),)
    invalid = (
        Example('if model == "deepseek-reasoner":\n    pass\n', 'if model == "deepseek-v4-flash":\n    pass\n', unsafe=True),
        Example(
            'if m == "deepseek-chat":\n    a()\nelif m == "deepseek-reasoner":\n    b()\n',
            None,
            unsafe=True,
        ),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if comparison_of(site) is None:
            return None
        message = messages.comparison(site.name, ctx.mapping)
        clash = collision_in(site, ctx)
        if clash:
            return Match(message, None, note=clash)
        return Match(message, rename_fix(site, Applicability.UNSAFE))
