"""Give libcst only the statements the analysis can be about.

libcst builds its tree about ten times slower than CPython's own parser, and
in a real module that mentions DeepSeek most statements do not. CPython's
``ast`` splits the module into *leaves*: its top-level statements, and
inside a def or class of ``_SPLIT_LINES`` lines or more, the header and each
body statement (statements sharing a line stay together). A leaf is kept
when its text names DeepSeek, ``reasoning_content`` or an assistant role,
and then, until nothing changes, when a name links it to a kept leaf the way
the analysis follows names (``_Closure``): the bindings a kept leaf looks
up, the readers of a DeepSeek string, payload dict or client a kept leaf
binds, the users of a name imported from a DeepSeek package. The def and
class lines around a kept leaf are kept with it.

Every other leaf becomes a placeholder of the same lines and line lengths
(``0``; over several lines a triple-quoted string of spaces, or ``(`` ...
``)``), so every kept character keeps its offset, line and column and the
analysis runs unchanged on the smaller tree. The facts it gathers from every
statement of a module, the imports and the parameter names, come from the
``ast`` of the whole module instead. What the rules then look up is checked
against what was kept (``Slice.check_covers``); a question outside it means
the module is parsed whole. Fixes are spliced into the original text, only
the changed characters replaced (``splice``).

Anything unusual (a lone carriage return, a line continued into or out of a
left-out leaf, a slice libcst cannot read) means: parse the whole module.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import difflib
import os
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

from ds_migrate.lines import line_index
from ds_migrate.python.module_info import BASE_URL_KEYWORDS

_TRIGGER = re.compile(r"deepseek|reasoning_content|assistant")
# a unit or a module this much kept is parsed whole: slicing would not pay
_WORTH_SLICING = 0.7
_BASE_URL_KEYWORDS = frozenset(BASE_URL_KEYWORDS)
_SELF = ("self.", "cls.")
# what libcst may leave out when it prints a statement back
_DROPPABLE = frozenset(" \t\x0c\\\r\n")


def enabled() -> bool:
    """``DS_MIGRATE_NO_SLICING=1`` parses whole modules (to compare the two);
    fixes are still spliced into the original text."""
    return os.environ.get("DS_MIGRATE_NO_SLICING", "") in ("", "0")


class SliceTooNarrow(Exception):
    """The analysis asked about a name the slice did not keep whole."""


@dataclass
class Slice:
    text: str  # the module with dropped units blanked: same length, same lines
    units: list[tuple[int, int]]  # first and last line of every unit, in order
    kept: list[bool]
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
    # run as one statement)
    origin: "Slice | None" = None

    @property
    def whole(self) -> bool:
        """Nothing was left out (the plan then only guides ``splice``)."""
        return not self.blanked

    def widened(self, original: str) -> "Slice":
        """The plan for parsing the whole of ``original``."""
        source = self.origin or self
        return Slice(original, source.units, [True] * len(source.units), children=source.children)

    def check_covers(self, asked: set[str], searched: set[str]) -> None:
        """Raise SliceTooNarrow unless every binding the rules looked up,
        and the readers of every key they searched, were kept."""
        missing = {key for key in asked if key in self.bound and key not in self.needed}
        missing |= searched - self.followed
        if missing:
            raise SliceTooNarrow(", ".join(sorted(missing)))


def plan(text: str) -> Slice | None:
    """The slice of ``text`` for libcst (``whole`` when nothing can be left
    out), or None when CPython cannot read the module either."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # lone CR line ends: ast and our line index would disagree
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    index = line_index(text)
    line_count = index.line_count
    units, statements = _units(tree)
    whole = Slice(text, units, [True] * len(units))
    lines = text.split("\n")
    if len(units) < 2 and not (units and _splits(statements[0], units[0], lines)):
        return whole
    leaves: list[_Leaf] = []
    for top, group in enumerate(statements):
        _add_leaves(leaves, group, units[top], top, None, 0, whole.children, lines)
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

    facts = _Facts(len(leaves))
    for number, leaf in enumerate(leaves):
        if leaf.header:
            facts.scan_header(leaf.nodes[0])
        else:
            for statement in leaf.nodes:
                facts.scan(statement, number)
    if "lambda" in text:
        facts.parameters.lambdas = [
            (text[starts[number] : ends[number]], leaf.nodes)
            for number, leaf in enumerate(leaves)
            if "lambda" in text[starts[number] : ends[number]]
        ]

    closure = _Closure(leaves, facts, text, starts, ends)
    kept = closure.run(seeds)
    kept_chars = sum(ends[n] - starts[n] for n in kept)
    if kept_chars > _WORTH_SLICING * len(text):
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
        if _continued(text, run.start) or _continued(text, run.end):
            return whole  # a backslash joins a line of this one to a neighbour's
        pieces.append(text[done : run.start])
        pieces.append(_blank(text, run.start, run.end, run.indent))
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
        first: [line for line in lines if not (line in merged and merged[line].block is not None)]
        for first, lines in whole.children.items()
    }
    return Slice(
        "".join(pieces), sliced_units, flags, facts.imports, facts.parameters,
        closure.needed, closure.followed, set(facts.binders), blanked=True, children=children, origin=whole,
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


@dataclass
class _Leaf:
    """The smallest piece the slice keeps or blanks: a top-level statement,
    or, inside a long def or class, its header or one body statement."""

    first: int
    last: int
    nodes: list  # the statements, or for a header the def or class itself
    top: int  # the top-level unit it belongs to
    parent: int | None  # the header leaf of the def or class it is in
    indent: int
    header: bool = False
    end: int = 0  # for a header, the last line of its whole def or class


def _first_line(statement: ast.stmt) -> int:
    return min([statement.lineno] + [d.lineno for d in getattr(statement, "decorator_list", ())])


def _splits(group: list[ast.stmt], span: tuple[int, int], lines: list[str]) -> bool:
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
    line = lines[_first_line(first) - 1]
    if getattr(first, "decorator_list", None):
        return line.lstrip().startswith("@")
    # col_offset counts UTF-8 bytes: equal to characters for a whitespace prefix
    return not line[: first.col_offset].strip()


def _add_leaves(leaves: list[_Leaf], group: list[ast.stmt], span: tuple[int, int], top: int,
                parent: int | None, indent: int, children: dict[int, list[int]], lines: list[str]) -> None:
    if not _splits(group, span, lines):
        leaves.append(_Leaf(span[0], span[1], group, top, parent, indent))
        return
    node = group[0]
    header = len(leaves)
    body_first = _first_line(node.body[0])
    leaves.append(_Leaf(span[0], body_first - 1, [node], top, parent, indent, header=True, end=span[1]))
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


def _continued(text: str, line_start: int) -> bool:
    """Does the line before the one starting at ``line_start`` end with a
    backslash (and so continue into it)?"""
    at = line_start - 1  # the line feed ending the line above
    if at > 0 and text[at - 1] == "\r":
        at -= 1
    return at > 0 and text[at - 1] == "\\"


def _blank(text: str, start: int, end: int, indent: int = 0) -> str:
    """The lines of ``text[start:end]`` as one placeholder statement,
    indented by ``indent``, with every line as long as before: ``0`` on one
    line; over several, a string of spaces in triple quotes (one node,
    however long), or a parenthesised ``()`` when the first or last line is
    too short for the quotes."""
    lines = text[start:end].split("\n")
    if lines[-1] == "":
        lines.pop()  # the segment ends with the last line's newline
    ends = ["\r" if line.endswith("\r") else "" for line in lines]
    widths = [len(line) - len(cr) for line, cr in zip(lines, ends)]
    lead = lines[0][:indent]  # the line's own indentation: tabs stay tabs
    if lead.strip():
        lead = " " * indent
    if len(lines) == 1:
        marks = {0: lead + "0"}
    else:
        closing = next((i for i in range(len(lines) - 1, 0, -1) if widths[i] >= 3), None)
        if widths[0] >= indent + 3 and closing is not None:
            marks = {0: lead + '"""', closing: '"""'}
        else:
            marks = {0: lead + "(", len(lines) - 1: ")"}
    blank = [marks.get(i, "").ljust(width) + cr for i, (width, cr) in enumerate(zip(widths, ends))]
    tail = "\n" if text[start:end].endswith("\n") else ""
    return "\n".join(blank) + tail


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


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of attributes on a name (as libcst's ``dotted_name``)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _followed(value: ast.AST) -> bool:
    """Could code reading a name bound to ``value`` become a DeepSeek
    request, or be searched by a rule? A string naming DeepSeek (a model or
    the host), a client built with a base URL, a dict with a "model" key
    (a payload) can; the readers of anything else are reported on only
    when something else links them to DeepSeek."""
    kind = type(value)
    if kind is ast.Constant:
        return isinstance(value.value, str) and "deepseek" in value.value.lower()
    if kind is ast.Call:
        return any(k.arg in _BASE_URL_KEYWORDS for k in value.keywords)
    if kind is ast.Dict:
        return any(isinstance(k, ast.Constant) and k.value == "model" for k in value.keys)
    return False


# the fields of compound statements that hold statements, in source order
_BLOCKS = {
    kind: tuple(name for name in ("body", "handlers", "cases", "orelse", "finalbody") if name in kind._fields)
    for kind in (
        ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
        ast.With, ast.AsyncWith, ast.Try, ast.ExceptHandler, *(
            getattr(ast, name) for name in ("TryStar", "Match", "match_case") if hasattr(ast, name)
        ),
    )
}


class _Facts:
    """What the statements of every unit bind, import and take as parameters."""

    def __init__(self, count: int) -> None:
        self.binders: dict[str, list[tuple[int, ast.AST]]] = {}  # key -> (unit, value)
        self.followed: list[set[str]] = [set() for _ in range(count)]
        self.imports: dict[str, str] = {}
        self.hot: set[str] = set()  # names imported from a DeepSeek package
        self.parameters = Parameters()

    def scan(self, statement: ast.stmt, unit: int) -> None:
        stack = [statement]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ast.Assign:
                for target in node.targets:
                    self._bind(target, node.value, unit)
            elif kind is ast.AnnAssign:
                if node.value is not None:
                    self._bind(node.target, node.value, unit)
            elif kind is ast.Import or kind is ast.ImportFrom:
                self._import(node)
            elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                self._arguments(node.args)
            blocks = _BLOCKS.get(kind)
            if blocks:  # nested statements, pushed so that they pop in source order
                children = []
                for name in blocks:
                    children.extend(getattr(node, name))
                stack.extend(reversed(children))

    def scan_header(self, node: ast.stmt) -> None:
        """A def's or class's own facts, without its body (the body's
        statements are leaves of their own)."""
        if not isinstance(node, ast.ClassDef):
            self._arguments(node.args)

    def _bind(self, target: ast.AST, value: ast.AST, unit: int) -> None:
        key = dotted(target)
        if key is None:
            return
        self.binders.setdefault(key, []).append((unit, value))
        if _followed(value):
            self.followed[unit].add(key)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        # the same rules as module_info.record_import, over the whole module
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.imports[alias.asname] = alias.name
                    self._heat(alias.asname, alias.name)
                else:
                    head = alias.name.split(".")[0]
                    self.imports[head] = head
                    self._heat(head, alias.name)
            return
        if node.level or node.module is None:
            return
        for alias in node.names:
            if alias.name == "*":
                return
            local = alias.asname or alias.name
            self.imports[local] = f"{node.module}.{alias.name}"
            self._heat(local, f"{node.module}.{alias.name}")

    def _heat(self, local: str, full: str) -> None:
        if "deepseek" in full.lower():
            self.hot.add(local)

    def _arguments(self, arguments: ast.arguments) -> None:
        self.parameters.named.update(_argument_names(arguments))



def _argument_names(arguments: ast.arguments) -> list[str]:
    names = [arg.arg for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]
    names.extend(arg.arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None)
    return names


class Parameters:
    """The parameter names of every def and lambda in the module, which is
    what the analysis records. Lambdas hide in expressions, and walking
    every expression costs more than the rest of the plan, so they are
    looked for only when a name asked about occurs in a unit that has one."""

    def __init__(self) -> None:
        self.named: set[str] = set()
        self.lambdas: list[tuple[str, list[ast.stmt]]] = []  # (unit text, statements)
        self._of_lambdas: set[str] | None = None

    def __contains__(self, name: object) -> bool:
        if name in self.named:
            return True
        if not isinstance(name, str) or not any(
            re.search(rf"\b{re.escape(name)}\b", text) for text, _ in self.lambdas
        ):
            return False
        if self._of_lambdas is None:
            self._of_lambdas = {
                parameter
                for _, group in self.lambdas
                for statement in group
                for node in ast.walk(statement)
                if isinstance(node, ast.Lambda)
                for parameter in _argument_names(node.args)
            }
        return name in self._of_lambdas


def _own_nodes(leaf: _Leaf) -> list:
    """What a leaf holds: its statements, or for a def's or class's header
    its decorators, parameters, return annotation, bases and keywords."""
    if not leaf.header:
        return leaf.nodes
    node = leaf.nodes[0]
    if isinstance(node, ast.ClassDef):
        return [*node.decorator_list, *node.bases, *node.keywords]
    return [*node.decorator_list, node.args, *([node.returns] if node.returns else [])]


def _mentions(group: list[ast.stmt]) -> set[str]:
    """Every name and attribute chain (with its prefixes) used in ``group``."""
    found: set[str] = set()
    for statement in group:
        for node in ast.walk(statement):
            if isinstance(node, (ast.Name, ast.Attribute)):
                key = dotted(node)
                if key is not None:
                    found.add(key)
    return found


def _receivers(func: ast.AST) -> list[str]:
    """``a``, ``a.b`` and ``a.b.c`` for a callee ``a.b.c.create``."""
    found = []
    node = func.value if isinstance(func, ast.Attribute) else None
    while node is not None:
        key = dotted(node)
        if key is not None:
            found.append(key)
        node = node.value if isinstance(node, ast.Attribute) else None
    return found


@lru_cache(maxsize=1)
def _callee_names() -> frozenset[str]:
    from ds_migrate.python.contexts import all_contexts

    return frozenset(name for context in all_contexts() for name in context.callee_names)


class _Closure:
    """The leaves to keep.

    *Analysed* leaves are the seeds and every leaf that reads a value an
    analysed leaf binds (a string, a dict, a client with a base URL) or a
    name imported from a DeepSeek package: rules report on what they hold,
    so every name they pass or call through keeps all its bindings (the
    analysis keys bindings by their text, module-wide, and trusts only a
    name bound once). A leaf kept for a binding is parsed too, so the names
    its SDK calls pass or call through are kept the same way.

    What the analysis then asks is checked against what was kept
    (``Slice.check_covers``): a question outside it re-parses the module.
    """

    def __init__(self, leaves: list[_Leaf], facts: _Facts, text: str, starts: list[int], ends: list[int]) -> None:
        self.leaves, self.facts, self.text = leaves, facts, text
        self.statements = [_own_nodes(leaf) for leaf in leaves]
        self.starts, self.ends = starts, ends
        self.kept: set[int] = set()
        self.analysed: set[int] = set()
        self.todo: list[int] = []
        self.needed: set[str] = set()
        self.followed: set[str] = set()
        self.mentions: dict[int, set[str]] = {}

    def run(self, seeds: set[int]) -> set[int]:
        for unit in seeds:
            self._analyse(unit)
        for name in self.facts.hot:
            self._follow(name)
        while self.todo:
            unit = self.todo.pop()
            if unit in self.analysed:
                for key in self._lookups(unit, broad=True):
                    self._need(key)
                for key in self.facts.followed[unit]:
                    self._follow(key)
            else:
                for key in self._lookups(unit, broad=False):
                    self._need(key)
        return self.kept

    def _analyse(self, unit: int) -> None:
        if unit not in self.analysed:
            self.analysed.add(unit)
            self.kept.add(unit)
            self.todo.append(unit)
            self._keep_headers(unit)

    def _need(self, key: str) -> None:
        if key in self.needed:
            return
        self.needed.add(key)
        for unit, _ in self.facts.binders.get(key, ()):
            if unit not in self.kept:
                self.kept.add(unit)
                self.todo.append(unit)
                self._keep_headers(unit)

    def _keep_headers(self, unit: int) -> None:
        """The def and class lines around a kept leaf are kept, and what
        they hold (decorators, defaults, bases) is analysed."""
        parent = self.leaves[unit].parent
        if parent is not None:
            self._analyse(parent)

    def _follow(self, key: str) -> None:
        """Analyse every unit that reads ``key`` (``self.key`` for a class attribute)."""
        if key in self.followed:
            return
        self.followed.add(key)
        readings = {key} if "." in key else {key, "self." + key, "cls." + key}
        word = key.rsplit(".", 1)[-1]
        for match in re.finditer(rf"\b{re.escape(word)}\b", self.text):
            unit = bisect.bisect_right(self.starts, match.start()) - 1
            if unit < 0 or match.start() >= self.ends[unit] or unit in self.analysed:
                continue
            if unit not in self.mentions:
                self.mentions[unit] = _mentions(self.statements[unit])
            if readings & self.mentions[unit]:
                self._analyse(unit)

    def _lookups(self, unit: int, broad: bool) -> set[str]:
        """The names whose bindings the analysis may look up for this unit:
        for an analysed unit, whatever its calls pass or call through, its
        dict values and its own binding targets; for one kept for a binding,
        what its SDK calls (by callee name) pass or call through, base URLs
        and "model" values."""
        found: set[str] = set()
        callees = _callee_names()
        imports = self.facts.imports
        for statement in self.statements[unit]:
            for node in ast.walk(statement):
                kind = type(node)
                if kind is ast.Call:
                    func = node.func
                    if isinstance(func, ast.Attribute):
                        last = func.attr
                    elif isinstance(func, ast.Name):
                        last = imports.get(func.id, func.id).rpartition(".")[2]
                    else:
                        last = None
                    whole = broad or last in callees
                    for keyword in node.keywords:
                        if whole or keyword.arg in _BASE_URL_KEYWORDS:
                            found.add(dotted(keyword.value))
                    if whole:
                        for arg in node.args:
                            found.add(dotted(arg.value if isinstance(arg, ast.Starred) else arg))
                        found.update(_receivers(func))
                elif kind is ast.Dict:
                    for key, value in zip(node.keys, node.values):
                        if broad or (isinstance(key, ast.Constant) and key.value == "model"):
                            found.add(dotted(value))
                elif broad and (kind is ast.Assign or kind is ast.AnnAssign):
                    for target in node.targets if kind is ast.Assign else (node.target,):
                        key = dotted(target)
                        if key is not None:
                            found.add(key)
                            if "." not in key:  # is a class attribute rebound on instances?
                                found.update(("self." + key, "cls." + key))
        found.discard(None)
        return found


class SpliceError(ValueError):
    """A fixed statement could not be placed exactly in the original text."""


def splice(original: str, plan: Slice, module, new_module, changed: list[str] | None = None) -> str:
    """The original text with just the characters a fix changed replaced.

    Only changed statements (and the module's header or footer, for a
    comment) are printed again, each located from where its unit starts;
    the rest of the file keeps its bytes even where libcst would not print
    them back exactly (it drops the space in ``except E :``). Raises
    SpliceError when a change cannot be placed. ``changed`` receives the new
    text of every changed statement (with its leading comment lines, an
    indented one inside ``if 1:``), so that checking these parse checks the
    new file.
    """
    body, new_body = module.body, new_module.body
    if len(body) != len(new_body) or len(body) != len(plan.units):
        raise SpliceError("the fix changed the module's statements")
    text = plan.text
    index = line_index(text)
    code = module.code_for_node
    # where the old code starts (with its leading lines), where its own
    # lines start, the old code and the new
    # lines start, the old code, the new, and whether it is indented
    pieces: list[tuple[int, int, str, str, bool]] = []
    if _changed(module.header, new_module.header):
        pieces.append((0, 0, "".join(map(code, module.header)), "".join(map(code, new_module.header)), False))
    for number, (old, new) in enumerate(zip(body, new_body)):
        if old is new:
            continue
        if not plan.kept[number]:
            raise SpliceError("the fix changed a statement that was not parsed")
        changes: list[tuple] = []
        _smallest_changes(old, new, plan.units[number][0], [], plan, module, changes)
        for old_statement, new_statement, first, indents in changes:
            own = index.offset(first, 1)
            leading = sum(len(_printed(module, line, indents)) for line in old_statement.leading_lines)
            pieces.append((
                own - leading, own, _printed(module, old_statement, indents),
                _printed(module, new_statement, indents), bool(indents),
            ))
    if _changed(module.footer, new_module.footer):
        old_code, new_code = "".join(map(code, module.footer)), "".join(map(code, new_module.footer))
        pieces.append((len(text) - len(old_code), len(text) - len(old_code), old_code, new_code, False))
    edits: list[tuple[int, int, str]] = []
    for start, own, old_code, new_code, indented in pieces:
        newline = module.default_newline
        if not module.has_trailing_newline and old_code.endswith(newline) and new_code.endswith(newline):
            if not text.startswith(old_code, start):  # the last line, which has no newline
                old_code, new_code = old_code[: -len(newline)], new_code[: -len(newline)]
                if start + len(old_code) > len(text):
                    start = len(text) - len(old_code)
        own_edits = []
        piece_end = start
        for begin, end, replacement in _hunks(old_code, new_code):
            region_start, region_end, piece_end = _placed(text, start, old_code, begin, end)
            if original[region_start:region_end] != text[region_start:region_end]:
                raise SpliceError("a fix reached into a statement that was not parsed")
            own_edits.append((region_start, region_end, replacement))
        edits.extend(own_edits)
        if changed is not None and own_edits:
            # the statement's own lines, or from the changed comment line above
            # them (a placeholder's blank lines can lead a kept statement)
            first = min(own, original.rfind("\n", 0, own_edits[0][0]) + 1)
            statement = _applied(original, first, piece_end, own_edits)
            # an indented statement parses on its own inside a block
            changed.append("if 1:\n" + statement if indented else statement)
    fixed = original
    for start, end, replacement in sorted(edits, reverse=True):
        fixed = fixed[:start] + replacement + fixed[end:]
    return fixed


def _smallest_changes(old, new, first: int, indents: list[str], plan: Slice, module, out: list) -> None:
    """The statements that changed inside ``old`` (starting on line
    ``first``), as (old, new, first line, indentation): inside a def or
    class the slice split, the changed body statements alone, so a fix in
    one method does not print the whole class again."""
    import libcst as cst

    lines = plan.children.get(first)
    old_block, new_block = getattr(old, "body", None), getattr(new, "body", None)
    if (
        lines is not None
        and type(old) is type(new)
        and isinstance(old, (cst.ClassDef, cst.FunctionDef))
        and isinstance(old_block, cst.IndentedBlock)
        and isinstance(new_block, cst.IndentedBlock)
        and len(old_block.body) == len(new_block.body) == len(lines)
        and _same_but(old, new, "body")
        and _same_but(old_block, new_block, "body")
    ):
        inner = indents + [module.default_indent if old_block.indent is None else old_block.indent]
        for old_child, new_child, line in zip(old_block.body, new_block.body, lines):
            if old_child is not new_child:
                _smallest_changes(old_child, new_child, line, inner, plan, module, out)
        return
    out.append((old, new, first, indents))


def _same_but(old, new, name: str) -> bool:
    """Are all fields of two libcst nodes but ``name`` the very same objects?"""
    for spec in dataclasses.fields(old):
        if spec.name == name:
            continue
        a, b = getattr(old, spec.name), getattr(new, spec.name)
        if a is b:
            continue
        if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)) and len(a) == len(b):
            if all(x is y for x, y in zip(a, b)):
                continue
        return False
    return True


def _printed(module, node, indents: list[str]) -> str:
    """libcst's code for ``node`` inside blocks indented by ``indents``
    (``Module.code_for_node`` prints it as if at the top level)."""
    from libcst._nodes.internal import CodegenState

    state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
    state.indent_tokens.extend(indents)
    node._codegen(state)
    return "".join(state.tokens)


def _hunks(old_code: str, new_code: str) -> list[tuple[int, int, str]]:
    """The changes from ``old_code`` to ``new_code`` as (start, end,
    replacement) in ``old_code``, one per run of changed lines (two fixes
    in one class must not be joined across a method left out between them),
    each trimmed to the characters that differ."""
    prefix, suffix = _common_ends(old_code, new_code)
    old_core, new_core = old_code[prefix : len(old_code) - suffix], new_code[prefix : len(new_code) - suffix]
    if "\n" not in old_core or "\n" not in new_core:
        return [(prefix, len(old_code) - suffix, new_core)]
    old_lines, new_lines = old_core.splitlines(keepends=True), new_core.splitlines(keepends=True)
    old_at = [0]
    for line in old_lines:
        old_at.append(old_at[-1] + len(line))
    found = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_part, new_part = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        head, tail = _common_ends(old_part, new_part)
        begin = prefix + old_at[i1] + head
        found.append((begin, prefix + old_at[i2] - tail, new_part[head : len(new_part) - tail]))
    return found


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at the start, and then at the end."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _applied(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with ``edits`` (absolute, in order) applied."""
    out, at = [], start
    for edit_start, edit_end, replacement in edits:
        out.append(text[at:edit_start])
        out.append(replacement)
        at = edit_end
    out.append(text[at:end])
    return "".join(out)


def _placed(text: str, start: int, old_code: str, begin: int, end: int) -> tuple[int, int, int]:
    """Where ``old_code[begin:end]`` lies in ``text``, and where the whole
    of ``old_code`` ends, for code printed from the text starting at
    ``start``. The printed code may lack characters libcst does not keep
    (whitespace); it is then matched as a subsequence."""
    if text.startswith(old_code, start):
        return start + begin, start + end, start + len(old_code)
    position, limit = start, len(text)
    found_begin = found_end = None
    for at, char in enumerate(old_code):
        if at == begin:
            found_begin = position
        if at == end:
            found_end = position
        while position < limit and text[position] != char and text[position] in _DROPPABLE:
            position += 1
        if position >= limit or text[position] != char:
            raise SpliceError("a fixed statement is not where the slice put it")
        position += 1
    if found_begin is None:
        found_begin = position
    if found_end is None:
        found_end = position
    return found_begin, found_end, position


def _changed(old_lines, new_lines) -> bool:
    return len(old_lines) != len(new_lines) or any(a is not b for a, b in zip(old_lines, new_lines))
