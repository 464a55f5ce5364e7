"""The plan of a slice: CPython's ``ast`` cuts the module into leaves, the
closure (``closure.py``) says which to keep, and every other leaf becomes a
placeholder of the same lines and line lengths (``0``; over several lines a
triple-quoted string of spaces, or ``(`` ... ``)``), so every kept character
keeps its offset, line and column. A run of left-out leaves in one block,
with only blank lines between them, becomes one placeholder.

Words used here, each with one meaning:

- a *leaf* (``closure.Leaf``) is what the closure keeps or leaves out: a
  top-level statement, or, inside a def or class of ``_SPLIT_LINES`` lines
  or more, its header or one body statement (statements sharing a line stay
  together);
- a *unit* is one statement of the module libcst parses from ``Slice.text``:
  a top-level statement, or a run of left-out ones turned into one
  placeholder (``Slice.units`` lists them; ``splice`` walks them beside
  libcst's ``Module.body``).

Anything unusual (a lone carriage return, a line continued into or out of a
left-out leaf) means: parse the whole module.
"""

from __future__ import annotations

import ast
import bisect
import os
import re
from dataclasses import dataclass, field
from typing import Callable

from ds_migrate.findings.lines import LineIndex, line_index
from ds_migrate.python.follows import BASE_URL_KEYWORDS
from ds_migrate.python.module_tree import module_tree
from ds_migrate.python.slicing.closure import Facts, Leaf, Parameters, closure
from ds_migrate.python.slicing import prepass
from ds_migrate.python.slicing.placeholders import blank, continued

_TRIGGER = re.compile(r"deepseek|reasoning_content|assistant")
# a module this much kept is parsed whole: slicing would not pay
WORTH_SLICING = 0.7


def enabled() -> bool:
    """``DS_MIGRATE_NO_SLICING=1`` parses whole modules (to compare the two);
    fixes are still spliced into the original text."""
    return os.environ.get("DS_MIGRATE_NO_SLICING", "") in ("", "0")


class SliceTooNarrow(Exception):
    """The analysis asked about a name the slice did not keep whole."""


@dataclass
class Slice:
    """What libcst parses (``text``) and how it maps onto the original."""

    text: str  # the module with left-out leaves blanked: same length, same lines
    units: list[tuple[int, int]]  # first and last line of every unit, in order
    kept: list[bool]  # per unit: does it hold a kept leaf (else it is a placeholder)
    imports: dict[str, str] = field(default_factory=dict)  # as the analysis records them
    parameters: Parameters = field(default_factory=lambda: Parameters())
    needed: set[str] = field(default_factory=set)  # keys with every binding kept
    followed: set[str] = field(default_factory=set)  # keys with every reader kept
    bound: set[str] = field(default_factory=set)  # every key bound anywhere

    blanked: bool = False  # whether anything was left out
    # the first line of each body statement of a def or class split into
    # leaves, by the def's or class's first line (``splice`` prints the
    # changed ones alone)
    children: dict[int, list[int]] = field(default_factory=dict)
    # the plan of the whole module, when runs of left-out statements were
    # merged into one placeholder (``units`` and ``children`` then count a
    # run as one statement); a function making it, when it was not needed
    # to make this plan (prepass.py)
    origin: "Slice | Callable[[], Slice] | None" = None

    @property
    def whole(self) -> bool:
        """Nothing was left out (the plan then only guides ``splice``)."""
        return not self.blanked

    def widened(self, original: str) -> "Slice":
        """The plan for parsing the whole of ``original``."""
        source = self.origin() if callable(self.origin) else self.origin or self
        return Slice(original, source.units, [True] * len(source.units), children=source.children)

    def check_covers(self, questions) -> None:
        """Raise SliceTooNarrow unless every binding the rules looked up,
        and the readers of every key they searched (``module_info.Questions``),
        were kept."""
        missing = {key for key in questions.asked if key in self.bound and key not in self.needed}
        missing |= questions.searched - self.followed
        if missing:
            raise SliceTooNarrow(", ".join(sorted(missing)))


def plan(text: str) -> Slice | None:
    """The slice of ``text`` for libcst (``whole`` when nothing can be left
    out), or None when CPython cannot read the module either."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # lone CR line ends: ast and our line index would disagree
    reduced = prepass.reduce(text, _TRIGGER)
    if reduced is not None:
        # the same plan as from the whole text (prepass.py says why), from
        # far less of it; only widening needs the whole module's units
        found = _plan(reduced[0], line_index(text), reduced[1])  # the same lines: one index for both
        if found is not None and not found.whole:
            found.origin = lambda: _plan(text, whole_only=True)
            return found
    return _plan(text)


def _follow_client_factories(tree: ast.Module, facts: Facts, leaf_of_line: list[int]) -> None:
    """``client()`` reads the client its top-level factory builds with a
    base URL (python/factories.py): the calls of ``client`` are followed from
    the def as the readers of ``client = OpenAI(base_url=...)`` are."""
    from ds_migrate.python.factories import client_factories
    from ds_migrate.python.follows import readers_followed

    for statement, (constructor, _) in client_factories(tree).items():
        if not readers_followed("call", keywords=[k.arg for k in constructor.keywords]):
            continue
        first = statement.decorator_list[0].lineno if statement.decorator_list else statement.lineno
        for line in (first, statement.lineno):
            if 0 <= line < len(leaf_of_line) and leaf_of_line[line] >= 0:
                facts.followed[leaf_of_line[line]].add(statement.name)


def _plan(text: str, index: LineIndex | None = None, spans: dict[int, int] | None = None,
          whole_only: bool = False) -> Slice | None:
    """The plan of ``text``; ``index`` may be the line index of a text with
    the same line lengths, ``spans`` the last line of each placeholder of the
    first cut by its first line."""
    try:
        tree = module_tree(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    index = index or line_index(text)
    line_count = index.line_count
    units, statements = _units(tree)
    if spans:
        units = [(first, max(last, spans.get(first, last))) for first, last in units]
    whole = Slice(text, units, [True] * len(units))
    lines = index.line_text
    if len(units) < 2 and not (units and _splits(statements[0], units[0], lines)):
        return whole
    leaves: list[Leaf] = []
    for top, group in enumerate(statements):
        _add_leaves(leaves, group, units[top], top, None, 0, whole.children, lines)
    if whole_only:
        return whole
    leaf_of_line = [-1] * (line_count + 2)
    for number, leaf in enumerate(leaves):
        leaf_of_line[leaf.first : leaf.last + 1] = [number] * (leaf.last - leaf.first + 1)
    starts = [index.offset(leaf.first, 1) for leaf in leaves]
    ends = [index.offset(leaf.last + 1, 1) if leaf.last < line_count else len(text) for leaf in leaves]

    lowered = text.lower()
    seeds: set[int] = set()
    for match in _TRIGGER.finditer(lowered):
        line = index.position(match.start())[0]
        leaf = leaf_of_line[line]
        if leaf >= 0:
            seeds.add(leaf)
            continue
        # a comment between leaves: libcst may attach it to either neighbour
        before = bisect.bisect_right(starts, match.start()) - 1
        seeds.update(n for n in (before, before + 1) if 0 <= n < len(leaves))

    facts = Facts(len(leaves))
    for number, leaf in enumerate(leaves):
        if leaf.header:
            facts.scan_header(leaf.nodes[0])
        else:
            for statement in leaf.nodes:
                facts.scan(statement, number)
    if any(keyword in text for keyword in BASE_URL_KEYWORDS):  # no client built here otherwise
        _follow_client_factories(tree, facts, leaf_of_line)
    if "lambda" in text:
        facts.parameters.lambdas = [
            (text[starts[number] : ends[number]], leaf.nodes)
            for number, leaf in enumerate(leaves)
            if "lambda" in text[starts[number] : ends[number]]
        ]

    found = closure(leaves, facts, text, starts, ends, seeds)
    kept = found.kept
    kept_chars = sum(ends[n] - starts[n] for n in kept)
    if kept_chars > WORTH_SLICING * len(text):
        return whole
    kept_tops = {leaves[n].top for n in kept}
    # Runs of left-out leaves in the same block, with nothing but blank
    # lines between them, become one placeholder each: libcst then parses
    # one statement for a run of any length (a module of a million short
    # statements costs what its kept code costs).
    runs: list[_Run] = []
    blanked_to = 0  # a def or class left out goes whole, as one placeholder
    for number, leaf in enumerate(leaves):
        if leaf.first <= blanked_to:
            continue
        if number in kept:
            runs.append(None)  # a kept leaf ends a run
            continue
        if leaf.top not in kept_tops:
            first, last, indent, block = *units[leaf.top], 0, None
        else:
            first, last, indent, block = leaf.first, (leaf.end if leaf.header else leaf.last), leaf.indent, leaf.parent
        blanked_to = last
        start = index.offset(first, 1)
        end = index.offset(last + 1, 1) if last < line_count else len(text)
        previous = runs[-1] if runs else None
        if (
            previous is not None
            and previous.block == block
            and previous.indent == indent
            and not text[previous.end : start].strip()
        ):
            previous.last, previous.end = last, end
            previous.firsts.append(first)
        else:
            runs.append(_Run(block, indent, first, last, start, end, [first]))
    runs = [run for run in runs if run is not None]
    if not runs:
        return whole
    pieces: list[str] = []
    done = 0
    for run in runs:
        if continued(text, run.start) or continued(text, run.end):
            return whole  # a backslash joins a line of this one to a neighbour's
        pieces.append(text[done : run.start])
        pieces.append(blank(text, run.start, run.end, run.indent))
        done = run.end
    pieces.append(text[done:])
    # the units and split bodies as libcst will see them: a run, one statement
    merged = {first: run for run in runs for first in run.firsts[1:]}
    heads = {run.first: run for run in runs if run.block is None}
    sliced_units, flags = [], []
    for number, unit in enumerate(units):
        if unit[0] in merged and merged[unit[0]].block is None:
            continue
        run = heads.get(unit[0])
        sliced_units.append((unit[0], run.last) if run is not None else unit)
        flags.append(number in kept_tops)
    children = {
        first: [line for line in firsts if not (line in merged and merged[line].block is not None)]
        for first, firsts in whole.children.items()
    }
    return Slice(
        "".join(pieces), sliced_units, flags, facts.imports, facts.parameters,
        found.needed, found.followed, set(facts.binders), blanked=True, children=children, origin=whole,
    )


@dataclass
class _Run:
    """Left-out leaves of one block that become one placeholder."""

    block: int | None  # the header leaf of the def or class they are in (None: top level)
    indent: int
    first: int
    last: int
    start: int
    end: int
    firsts: list[int]  # the first line of each leaf (or unit) in the run


# a def or class at least this long is split into its header and its body's
# statements, so that one method of a big class is kept without the rest
_SPLIT_LINES = 12
_SPLITTABLE = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _first_line(statement: ast.stmt) -> int:
    return min([statement.lineno] + [d.lineno for d in getattr(statement, "decorator_list", ())])


def _splits(group: list[ast.stmt], span: tuple[int, int], lines: Callable[[int], str]) -> bool:
    """Is this a long def or class whose body starts on a line of its own
    (not after the colon of a header spanning several lines)?"""
    node = group[0]
    if not (
        len(group) == 1
        and isinstance(node, _SPLITTABLE)
        and span[1] - span[0] + 1 >= _SPLIT_LINES
        and _first_line(node.body[0]) > node.lineno
        and node.body[-1].end_lineno == span[1]
    ):
        return False
    first = node.body[0]
    line = lines(_first_line(first))
    if getattr(first, "decorator_list", None):
        return line.lstrip().startswith("@")
    # col_offset counts UTF-8 bytes: equal to characters for a whitespace prefix
    return not line[: first.col_offset].strip()


def _add_leaves(leaves: list[Leaf], group: list[ast.stmt], span: tuple[int, int], top: int,
                parent: int | None, indent: int, children: dict[int, list[int]],
                lines: Callable[[int], str]) -> None:
    if not _splits(group, span, lines):
        leaves.append(Leaf(span[0], span[1], group, top, parent, indent))
        return
    node = group[0]
    header = len(leaves)
    body_first = _first_line(node.body[0])
    leaves.append(Leaf(span[0], body_first - 1, [node], top, parent, indent, header=True, end=span[1]))
    body: list[tuple[tuple[int, int], list[ast.stmt]]] = []
    for statement in node.body:
        first, last = _first_line(statement), statement.end_lineno or statement.lineno
        if body and first <= body[-1][0][1]:  # statements sharing a line stay together
            body[-1] = ((body[-1][0][0], max(last, body[-1][0][1])), body[-1][1] + [statement])
        else:
            body.append(((first, last), [statement]))
    children[span[0]] = [child_span[0] for child_span, _ in body]
    for child_span, child in body:
        _add_leaves(leaves, child, child_span, top, header, child[0].col_offset, children, lines)


def _units(tree: ast.Module) -> tuple[list[tuple[int, int]], list[list[ast.stmt]]]:
    units: list[tuple[int, int]] = []
    statements: list[list[ast.stmt]] = []
    for statement in tree.body:
        first = statement.lineno
        for decorator in getattr(statement, "decorator_list", ()):
            first = min(first, decorator.lineno)
        last = statement.end_lineno or statement.lineno
        if units and first <= units[-1][1]:  # "a = 1; b = 2": one line, one unit
            units[-1] = (units[-1][0], max(last, units[-1][1]))
            statements[-1].append(statement)
        else:
            units.append((first, last))
            statements.append([statement])
    return units, statements


