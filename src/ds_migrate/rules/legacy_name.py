from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules.common import rename_fix, replacement_text


class LegacyName(Rule):
    """
    What it does: reports every other occurrence of a retired model name: a
    string that mentions it among other text, a positional argument of an
    unknown function, a file that does not parse, or a spot the analysis
    does not recognise. Nothing is skipped silently.

    Why it matters: each occurrence may end up in a request that fails.

    Fix (unsafe, strings only): the name is replaced inside the string; read
    the result, since what the string is for is unknown.
    """

    code = "DSM109"
    name = "legacy-name"
    severity = Severity.WARNING
    fix_availability = Applicability.UNSAFE
    summary = "Retired model name elsewhere in code or text"
    priority = 1000
    valid = ('log.info("using deepseek-v4-flash")\n',)
    invalid = (
        Example('log.info("using deepseek-chat")\n', 'log.info("using deepseek-v4-flash")\n', unsafe=True),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        message = (
            f"Retired model name '{site.name.text}' (the current name is "
            f"'{replacement_text(site, ctx)}')"
        )
        if isinstance(site.token, (cst.SimpleString, cst.FormattedStringText)):
            return Match(message, rename_fix(site, Applicability.UNSAFE))
        return Match(message)
