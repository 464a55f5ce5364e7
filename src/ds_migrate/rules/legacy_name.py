from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.rules.prose import passage_merge

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules import messages
from ds_migrate.rules.common import rename_fix


class LegacyName(Rule):
    """
    What it does:
        Reports every other occurrence of a retired model name: a string that
        mentions it among other text, a positional argument of an unknown
        function, a file that does not parse, a file searched as plain text, or
        a spot the analysis does not recognise. Nothing is skipped silently.

    Why it matters:
        Each occurrence may end up in a request that fails.

    Example:
        log.info("using deepseek-chat")

    Fixed (--unsafe-fixes):
        log.info("using deepseek-v4-flash")

    Fix:
        Inside a string literal the name is replaced. Elsewhere (outside any
        string, in a file that does not parse, in plain text) there is no fix.

    Fix safety:
        Unsafe: what the string is for is unknown, so read the result.
    """

    code = "DSM109"
    role = roles.OTHER
    may_be_compat_in = frozenset({roles.IN_TEXT, roles.IN_BRANCHES})
    line_with_v4_is_compat = True
    name = "legacy-name"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "Retired model name elsewhere in code or text"
    priority = 1000
    valid = (Example('log.info("using deepseek-v4-flash")\n'),)
    invalid = (
        Example('log.info("using deepseek-chat")\n', 'log.info("using deepseek-v4-flash")\n', unsafe=True),
        Example("Summaries come from deepseek-chat.\n", path="notes.txt"),  # plain text: reported, no fix
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        message = messages.other_use(site.name, ctx.mapping)
        if isinstance(site.token, (cst.SimpleString, cst.FormattedStringText)):
            merge = passage_merge(site.token.value, ctx.mapping)
            if merge is not None:  # a message naming both ids: "deepseek-chat (V3), deepseek-reasoner (R1)"
                return Match(message, None, merge, role=roles.DOC)
            return Match(message, rename_fix(site, Applicability.UNSAFE))
        return Match(message)
