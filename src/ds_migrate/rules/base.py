"""What a rule is: a stable code, its documentation, its examples and its check.

Importing this module must stay cheap (no libcst): ``ds-migrate rules`` and
``explain`` only read the class attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Sequence

from ds_migrate.findings import Applicability, Fix, Severity, roles
from ds_migrate.rules.docs import DEFAULT_PATH, FixAvailability, RuleDoc, rule_doc

if TYPE_CHECKING:
    from ds_migrate.deepseek.mapping import Mapping
    from ds_migrate.python.sites import NameSite


@dataclass(frozen=True)
class Example:
    """A source the rule must report (in ``invalid``) or must not (in
    ``valid``); ``fixed`` is the source after ``fix`` (with ``--unsafe-fixes``
    when ``unsafe``), or None when nothing changes."""

    source: str
    fixed: str | None = None
    unsafe: bool = False
    path: str = DEFAULT_PATH  # the file kind decides which scanner reads it


@dataclass
class Match:
    message: str
    fix: Fix | None = None
    note: str | None = None
    severity: Severity | None = None  # when it differs from the rule's
    node: Any = None  # where to report, for rules not about a name occurrence
    role: str | None = None  # what the occurrence does, when the rule's code does not say (decide.py)


@dataclass
class CheckContext:
    mapping: "Mapping"
    assume_mode: str | None = None  # the user's word for calls of unknown intent
    info: Any = None  # the module's ModuleInfo
    requests: list = field(default_factory=list)  # DeepSeek requests in the module


class Rule:
    """Base class. The subclass docstring is the rule's documentation, in the
    fixed sections ``rules/docs.py`` reads."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    # whether its findings carry a fix, and how safe those fixes are
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NEVER
    fix_safety: ClassVar[Applicability] = Applicability.NONE
    summary: ClassVar[str]
    # Lower runs first; the first legacy-name rule that matches a site wins.
    priority: ClassVar[int] = 500
    # Legacy-name rules claim occurrences; the others report other problems.
    claims_names: ClassVar[bool] = True
    # its facts for the project-wide decision (findings/roles.py): what its
    # findings do in the program, where they may stand as compat code beside a
    # V4 id (python/check.py), and whether a V4 id on the same line makes them so
    role: ClassVar[str] = roles.OTHER
    may_be_compat_in: ClassVar[frozenset[str]] = frozenset()
    line_with_v4_is_compat: ClassVar[bool] = False
    valid: ClassVar[Sequence[Example]] = ()
    invalid: ClassVar[Sequence[Example]] = ()

    def match(self, site: "NameSite", ctx: CheckContext) -> Match | None:
        """Legacy-name rules: claim one occurrence."""
        return None

    def check_request(self, request: Any, ctx: CheckContext) -> list[Match]:
        """Thinking-mode rules: problems with one DeepSeek request."""
        return []

    def check_module(self, ctx: CheckContext) -> list[Match]:
        """Rules about the module as a whole."""
        return []

    @classmethod
    def doc(cls) -> RuleDoc:
        return rule_doc(cls)

    @classmethod
    def documentation(cls) -> str:
        return cls.doc().as_text()


class ThinkingRule(Rule):
    """Base of the DSM2xx rules: what breaks in a DeepSeek request once it
    thinks, rather than an occurrence of a retired name."""

    claims_names: ClassVar[bool] = False

    @staticmethod
    def sent_while_thinking(request: Any, key: str) -> Any:
        """The value ``request`` passes as ``key``, if it thinks (or will once migrated)."""
        return request.params.get(key) if request.thinks else None
