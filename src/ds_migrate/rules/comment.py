from __future__ import annotations

import libcst as cst

from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules.common import rename_fix, replacement_text


def is_docstring(site: NameSite) -> bool:
    parent = site.parent
    return isinstance(parent, cst.Expr)


class LegacyNameInComment(Rule):
    """
    What it does: finds retired model names in comments and docstrings.

    Why it matters: documentation that names deepseek-chat sends the next
    reader back to a model that no longer answers.

    Example:
        # Summaries use deepseek-chat.

    Fix (unsafe): the name is replaced in the text; read the sentence after,
    since "deepseek-chat and deepseek-reasoner" becomes a repetition.
    """

    code = "DSM108"
    name = "legacy-name-in-comment"
    severity = Severity.INFO
    fix_availability = Applicability.UNSAFE
    summary = "Retired model name in a comment or docstring"
    priority = 10
    valid = ('# uses deepseek-v4-flash\n', '"""Talks to deepseek-chat-v3-0324 on OpenRouter."""\n')
    invalid = (
        Example("x = 1  # uses deepseek-chat\n", "x = 1  # uses deepseek-v4-flash\n", unsafe=True),
        Example('def f():\n    """Ask deepseek-reasoner."""\n', 'def f():\n    """Ask deepseek-v4-flash."""\n', unsafe=True),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if not (site.is_comment or is_docstring(site)):
            return None
        where = "comment" if site.is_comment else "docstring"
        return Match(
            f"{where} mentions retired model '{site.name.text}'; "
            f"the current name is '{replacement_text(site, ctx)}'",
            rename_fix(site, Applicability.UNSAFE),
        )
