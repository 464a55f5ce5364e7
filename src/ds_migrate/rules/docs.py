"""A rule's documentation, read from the fixed sections of its docstring.

``explain``, ``rules``, the rule table in docs/rules.md and SARIF's rule help all
read this one structure. A docstring looks like this (headers at the left
margin, each body indented below it)::

    What it does:
        Finds ...
    Why it matters:
        ...
    Example (config/.env):
        DEEPSEEK_MODEL=deepseek-chat
    Fixed (--unsafe-fixes):
        DEEPSEEK_MODEL=deepseek-v4-flash
    Fix:
        ...
    Fix safety:
        ...

``Example`` may name the file it is scanned as (default ``example.py``);
``Fixed`` (what ``fix`` makes of the example, for rules that can fix) may
name the options it needs; ``Use instead`` (hand-written code the rule
accepts) may stand in for it where there is no fix. ``Fix safety`` is there
only for rules that can fix. Importing this module stays cheap (no libcst).
"""

from __future__ import annotations

import enum
import inspect
import re
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ds_migrate.rules.base import Rule

DEFAULT_PATH = "example.py"
REQUIRED = ("What it does", "Why it matters", "Example", "Fix")
OPTIONAL = ("Fixed", "Use instead", "Fix safety")
_HEADER = re.compile(r"^(%s)(?: \(([^)]*)\))?:$" % "|".join(map(re.escape, REQUIRED + OPTIONAL)))


class FixAvailability(enum.Enum):
    """Whether a rule's findings carry a fix; how safe each fix is, is its
    ``Applicability``."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    WITH_ASSUME_MODE = "with --assume-mode"
    NEVER = "never"


@dataclass(frozen=True)
class CodeExample:
    """Code in a rule's documentation, and how it is run in the tests:
    scanned as ``path``; ``options`` are the ``fix`` options a ``Fixed``
    example needs (``--unsafe-fixes``, ``--assume-mode chat``)."""

    source: str
    path: str = DEFAULT_PATH
    options: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RuleDoc:
    """A rule's documentation: its sections in reading order, and what the
    rule class declares."""

    rule: "type[Rule]"
    what: str
    why: str
    example: CodeExample
    fixed: CodeExample | None = None
    use_instead: CodeExample | None = None
    fix: str
    fix_safety_text: str | None = None

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def name(self) -> str:
        return self.rule.name

    @property
    def summary(self) -> str:
        return self.rule.summary

    @property
    def severity(self) -> str:
        return self.rule.severity.label

    @property
    def fix_safety(self) -> str:
        """How safe the rule's fixes are: safe, unsafe, or none."""
        return self.rule.fix_safety.value

    @property
    def fixable(self) -> FixAvailability:
        return self.rule.fix_availability

    @property
    def fix_label(self) -> str:
        """``safe``, ``unsafe, sometimes``, ``safe, with --assume-mode``, ``none``."""
        if self.fixable in (FixAvailability.NEVER, FixAvailability.ALWAYS):
            return self.fix_safety
        return f"{self.fix_safety}, {self.fixable.value}"

    def sections(self) -> list[tuple[str, str]]:
        """(header, body) in reading order; code bodies as written."""
        out = [("What it does", self.what), ("Why it matters", self.why)]
        out.append((_titled("Example", self.example.path), self.example.source.rstrip("\n")))
        if self.fixed is not None:
            options = " ".join(self.fixed.options)
            out.append((f"Fixed (with {options})" if options else "Fixed", self.fixed.source.rstrip("\n")))
        if self.use_instead is not None:
            out.append(("Use instead", self.use_instead.source.rstrip("\n")))
        out.append(("Fix", self.fix))
        if self.fix_safety_text is not None:
            out.append(("Fix safety", self.fix_safety_text))
        return out

    def description(self) -> str:
        """What it does and why it matters, each paragraph on one line."""
        return f"What it does: {unwrapped(self.what)}\n\nWhy it matters: {unwrapped(self.why)}"

    def as_text(self) -> str:
        return "\n\n".join(f"{header}:\n{textwrap.indent(body, '    ')}" for header, body in self.sections())

    def as_markdown(self) -> str:
        parts = []
        for header, body in self.sections():
            if header.startswith(("Example", "Fixed", "Use instead")):
                language = _language(self.example.path)
                body = f"```{language}\n{body}\n```"
            else:
                body = unwrapped(body)
            parts.append(f"**{header}**\n\n{body}")
        return "\n\n".join(parts)

    def as_dict(self) -> dict[str, str]:
        """A row of ``ds-migrate rules --format json``."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "fix": self.fix_safety,
            "fixable": self.fixable.value,
            "summary": self.summary,
        }

    def table_row(self) -> str:
        """Its row of the rule table in docs/rules.md, the code linked to its page."""
        code = f"[{self.code}](rules/{self.code}.md)"
        cells = (code, self.name, self.severity, self.fix_safety, self.fixable.value, self.summary)
        return "| " + " | ".join(cells) + " |"

    def page(self) -> str:
        """Its page, docs/rules/CODE.md: what ``explain`` prints, in Markdown.
        Machine reports link here (JSON ``url``, SARIF ``helpUri``)."""
        return (
            f"# {self.code} {self.name}\n\n{self.summary}.\n\n"
            f"Severity: {self.severity}. Fix: {self.fix_label}.\n\n"
            f"{self.as_markdown()}\n\n"
            "All rules: [the rule table](../rules.md).\n"
        )


TABLE_HEADER = (
    "| code | name | severity | fix | fixable | what it finds |\n"
    "|---|---|---|---|---|---|"
)


def rules_table(docs: list[RuleDoc]) -> str:
    """The rule table in docs/rules.md."""
    return "\n".join([TABLE_HEADER] + [doc.table_row() for doc in docs])


def unwrapped(text: str) -> str:
    """Prose with each paragraph on one line."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))


def _titled(header: str, path: str) -> str:
    return header if path == DEFAULT_PATH else f"{header} ({path})"


def _language(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return {"py": "python", "yaml": "yaml", "yml": "yaml", "json": "json", "js": "javascript", "ts": "typescript",
            "go": "go", "toml": "toml", "env": "sh", "sh": "sh"}.get(suffix, "")


def parse_sections(docstring: str) -> dict[str, tuple[str | None, str]]:
    """Header -> (what its parentheses say, body dedented), in order.

    Raises ValueError for text outside a section or a section given twice.
    """
    sections: dict[str, tuple[str | None, list[str]]] = {}
    current: list[str] | None = None
    for line in inspect.cleandoc(docstring).splitlines():
        match = _HEADER.match(line)
        if match:
            header = match.group(1)
            if header in sections:
                raise ValueError(f"section {header!r} given twice")
            current = []
            sections[header] = (match.group(2), current)
        elif current is None:
            if line.strip():
                raise ValueError(f"text before the first section: {line!r}")
        elif line.strip() and not line.startswith("    "):
            raise ValueError(f"line not indented under its section: {line!r}")
        else:
            current.append(line)
    return {h: (arg, textwrap.dedent("\n".join(body)).strip("\n")) for h, (arg, body) in sections.items()}


def rule_doc(rule: "type[Rule] | Rule") -> RuleDoc:
    """Read ``rule``'s docstring; ValueError names what is missing or out of place."""
    try:
        sections = parse_sections(rule.__doc__ or "")
    except ValueError as error:
        raise ValueError(f"{rule.code}: {error}") from None
    missing = [h for h in REQUIRED if h not in sections]
    if missing:
        raise ValueError(f"{rule.code}: no {', '.join(missing)} section")
    can_fix = rule.fix_availability is not FixAvailability.NEVER
    for header, wanted in (("Fixed", can_fix), ("Fix safety", can_fix)):
        if (header in sections) != wanted:
            need = f"needs a {header} section" if wanted else f"must have no {header} section"
            raise ValueError(f"{rule.code}: a rule that {'can' if can_fix else 'cannot'} fix {need}")
    example_path, example = sections["Example"]
    path = example_path or DEFAULT_PATH

    def code(header: str) -> CodeExample | None:
        if header not in sections:
            return None
        options, source = sections[header]
        return CodeExample(source + "\n", path, tuple(options.split()) if options else ())

    return RuleDoc(
        rule=rule if isinstance(rule, type) else type(rule),
        what=sections["What it does"][1],
        why=sections["Why it matters"][1],
        example=CodeExample(example + "\n", path),
        fix=sections["Fix"][1],
        fixed=code("Fixed"),
        use_instead=code("Use instead"),
        fix_safety_text=sections["Fix safety"][1] if "Fix safety" in sections else None,
    )
