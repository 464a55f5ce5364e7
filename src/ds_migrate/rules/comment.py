from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, Severity
from ds_migrate.rules.prose import open_weights_reason, passage_merge
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules import messages
from ds_migrate.rules.common import rename_fix


def is_docstring(site: NameSite) -> bool:
    parent = site.parent
    return isinstance(parent, cst.Expr)


class LegacyNameInComment(Rule):
    """
    What it does:
        Finds retired model names in comments, docstrings and documentation
        (Markdown and reStructuredText prose).

    Why it matters:
        Documentation that names deepseek-chat sends the next reader back to a
        model that no longer answers.

    Example:
        # Summaries use deepseek-chat.

    Fixed (--unsafe-fixes):
        # Summaries use deepseek-v4-flash.

    Fix:
        The name is replaced in the text. Not where the text names two ids
        that would become one ("deepseek-chat (V3), deepseek-reasoner
        (thinking)", or a retired id beside its successor): that passage is
        reported with the reason, to reword by hand. A name that is about the
        open-weights model (beside a deepseek-ai repository, an Ollama
        command, a size) is DSM110 instead.

    Fix safety:
        Unsafe: the sentence may need rewording, and may need to say which
        thinking mode.
    """

    code = "DSM108"
    role = roles.DOC
    may_be_compat_in = frozenset({roles.IN_TEXT})
    line_with_v4_is_compat = True
    name = "legacy-name-in-comment"
    severity = Severity.INFO
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "Retired model name in a comment or docstring"
    priority = 10
    valid = (
        Example('# uses deepseek-v4-flash\n'),
        Example('"""Talks to deepseek-chat-v3-0324 on OpenRouter."""\n'),
    )
    invalid = (
        Example('# deepseek-chat (V3), deepseek-reasoner (R1)\n'),  # would merge: reported, left as is
        Example("x = 1  # uses deepseek-chat\n", "x = 1  # uses deepseek-v4-flash\n", unsafe=True),
        Example('def f():\n    """Ask deepseek-reasoner."""\n', 'def f():\n    """Ask deepseek-v4-flash."""\n', unsafe=True),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if not (site.is_comment or is_docstring(site)):
            return None
        where = "comment" if site.is_comment else "docstring"
        passage = passage_of(site)
        if open_weights_reason(passage, site.name) is not None:
            return None  # the open-weights model: DSM110 (rules/other_provider.py)
        message = messages.mentioned(site.name, ctx.mapping, where)
        merge = passage_merge(passage, ctx.mapping)
        if merge is not None:
            return Match(message, None, merge, role=roles.DOC)
        return Match(message, rename_fix(site, Applicability.UNSAFE))


def passage_of(site: NameSite) -> str:
    """The text a name in a comment or string is read in: the token itself
    (``site.name`` offsets are relative to it)."""
    return getattr(site.token, "value", "")
