"""What a scan produces: findings, their fixes, and per-file results."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable


# Every "would merge two ids" refusal starts so, in every file kind.
MERGE_REFUSAL = "not renamed:"


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.upper()]


class Applicability(enum.Enum):
    """How sure a fix is (ruff's terms): safe fixes run by default."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass
class NodeEdit:
    """A change to one syntax node, applied when the tree is rewritten.

    ``key`` is the original node; ``apply`` turns the (possibly already
    updated) node into its replacement. Several edits may share a node.
    """

    key: Any
    apply: Callable[[Any], Any]


@dataclass(frozen=True)
class RenameEdit:
    """Rename the legacy name starting at ``start`` in the text of token ``key``."""

    key: Any
    start: int


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` (character offsets) with ``new``."""

    start: int
    end: int
    new: str


def apply_text_edits(text: str, edits: list[TextEdit]) -> str:
    """Apply non-overlapping edits; an edit overlapping an earlier one is dropped."""
    out, last = [], 0
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        out.append(text[last : edit.start])
        out.append(edit.new)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


@dataclass
class Fix:
    applicability: Applicability
    edits: list[Any] = field(default_factory=list)
    description: str = ""
    # (start line, start column, end line, end column, new text), when asked for
    region: tuple[int, int, int, int, str] | None = None
    # (start, end, new): the one replacement, in character offsets into the
    # file's text, this fix makes when applied alone (Python, when fixing).
    # Plain data: the parent applies any choice of fixes that do not touch
    # each other without analysing the file again (apply/edits.py)
    text_edit: tuple[int, int, str] | None = None
    # what the rule said, before a decision lowered ``applicability`` (decide.py)
    rule_applicability: Applicability | None = None


@dataclass
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    legacy_name: str | None = None
    fix: Fix | None = None
    note: str | None = None  # why a fix is limited, or where to act by hand
    suppressed: bool = False
    # not reported because its rule is not selected (--select, --ignore): it
    # still couples (decide.py), and the plan says so in those words
    unselected: bool = False
    offset: int = -1  # of the start in the file's text: with path and code, the finding's identity
    role: str | None = None  # what the occurrence does, when the rule knows better than its code (decide.py)
    coupling: str | None = None  # what the project-wide decision says about it (decide.py)
    # why this occurrence cannot be renamed with the rest of its group, if it cannot
    hold: str | None = None
    # the legacy id of the coupled group the decision put it in (the plan's entry), if any
    group: str | None = None
    # in a test: an id the test gives the code and asserts back, never one the
    # code holds (python/test_data.py); it need not move with that code
    own_test_data: bool = False
    # the rule's severity, before the decision lowered it (a use that stays on purpose: decide.py)
    rule_severity: Severity | None = None
    # a request's own literal model in a kind whose next run tells such a literal
    # apart (a LiteLLM proxy deployment in YAML): the V4 id this run writes there
    # is no "already used" id (decide.py); Python and JS/TS know theirs by kind
    contained: bool = False

    @property
    def rule_note(self) -> str | None:
        """The rule's note, in the words of what the decision made of it."""
        note = self.note
        if note and self.coupling and self.fix_applicability is Applicability.NONE and _SET_MODE in note:
            # the rule spoke of its rename; the decision made none in any tier
            note = "once renamed, set thinking " + note.split(_SET_MODE, 1)[-1]
        return note

    @property
    def explanation(self) -> str | None:
        """The rule's note and the decision's in full (reports shorten the
        decision's to a pointer into the plan: report/notes.py)."""
        parts = [part for part in (self.rule_note, self.coupling) if part]
        return "; ".join(parts) if parts else None

    @property
    def identity(self) -> tuple[str, int, str]:
        """Stable across processes and runs of the same text (unlike ``id()``)."""
        return (self.path, self.offset, self.code)

    @property
    def merge_refused(self) -> bool:
        """The rule refused the rename because two ids would become one."""
        return self.fix is None and (self.note or "").startswith(MERGE_REFUSAL)

    @property
    def fix_applicability(self) -> Applicability:
        return self.fix.applicability if self.fix else Applicability.NONE

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)


@dataclass
class FileError:
    path: str
    message: str
    line: int | None = None


# the note of a rename that cannot set the mode itself (rules/messages.py:
# "fix renames the value; set thinking ...")
_SET_MODE = "; set thinking "


@dataclass(slots=True)  # one per file: tens of thousands on a big tree
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: str | None = None  # reason the file was not searched
    parsed: bool = False
    # findings --select / --ignore left out: not reported, but they couple (decide.py)
    unselected: list[Finding] = field(default_factory=list)
    # V4 ids the file already names where code can observe them, lower case:
    # a legacy id renamed to one of them would become equal to what is
    # already there (decide.py). A request's own literal model is left out
    # where the file's kind recognises requests (analyse/sorting.py)
    current_ids: tuple[str, ...] = ()
    # (V4 id, the thinking mode its request sets or None) of each request's own
    # literal model left out of current_ids: its reply carries that id back, so
    # a branch on the other retired id renamed to it would match it (decide.py)
    contained_ids: tuple[tuple[str, str | None], ...] = ()
    # the file passes some request a model by name (ds_migrate/project/flow/ looks there)
    reads_model: bool = False
    # what the module exports that holds a model id or base URL
    # (python/model_sources.py), when the worker read it; None: not read
    exports: tuple | None = None
    # a JS/TS module's requests and exported model values (findings/js_facts.py)
    js_flow: object | None = None


def finding_at(path: str, index: Any, start: int, end: int, rule: Any, message: str, **extra: Any) -> Finding:
    """A finding for ``rule`` covering ``start:end`` (offsets into the indexed text)."""
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.code,
        name=rule.name,
        severity=extra.pop("severity", None) or rule.severity,
        message=message,
        offset=start,
        role=extra.pop("role", None) or getattr(rule, "role", None),
        **extra,
    )
