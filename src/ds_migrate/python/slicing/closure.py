"""Which leaves of a module the slice keeps: the closure of the seeds under
the links the rules follow (``python/follows.py`` says which), computed over
CPython's ``ast``.

A *leaf* is the smallest piece the slice keeps or leaves out: a top-level
statement, or inside a long def or class its header or one body statement
(``Leaf``; ``planner.py`` cuts them). ``Facts`` gathers what every leaf
binds, imports and takes as parameters, module-wide; ``closure`` keeps the
seeds and whatever a name links to them.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ds_migrate.deepseek.mentions import mentions_text
from ds_migrate.python.follows import (
    BASE_URL_KEYWORDS,
    PAYLOAD_KEY,
    class_readings,
    import_bindings,
    readers_followed,
)


@dataclass
class Leaf:
    """A top-level statement (statements sharing a line count as one), or,
    inside a long def or class, its header or one body statement."""

    first: int
    last: int
    nodes: list  # the statements, or for a header the def or class itself
    top: int  # the top-level statement (the plan's unit) it belongs to
    parent: int | None  # the header leaf of the def or class it is in
    indent: int
    header: bool = False
    end: int = 0  # for a header, the last line of its whole def or class


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


_WORD_CHARACTER = re.compile(r"\w")


def occurrences(text: str, word: str):
    """The offsets of ``word`` as a whole word in ``text`` (where
    ``\\bword\\b`` matches; searched as a plain string, which is many
    times faster on a large text, then checked at both ends)."""
    for match in re.finditer(re.escape(word), text):
        start, end = match.span()
        if (start and _WORD_CHARACTER.match(text, start - 1)) or _WORD_CHARACTER.match(text, end):
            continue
        yield start


def _followed(value: ast.AST) -> bool:
    """``follows.readers_followed`` for an ``ast`` value."""
    kind = type(value)
    if kind is ast.Constant:
        return readers_followed("string", string=value.value)
    if kind is ast.BoolOp and isinstance(value.op, ast.Or):  # a setting or its fallback (module_info.fallback_string)
        return _followed(value.values[-1])
    if kind is ast.Call:
        return readers_followed("call", keywords=[k.arg for k in value.keywords], defaults=_defaults(value))
    if kind is ast.Dict:
        keys = [k.value for k in value.keys if isinstance(k, ast.Constant)]
        values = [v.value for v in value.values if isinstance(v, ast.Constant)]
        return readers_followed("dict", dict_keys=keys, dict_strings=keys + values)
    return False


def _defaults(call: ast.Call) -> list[object]:
    """The constants a call may take as a default (``follows.readers_followed``)."""
    found = [k.value.value for k in call.keywords if k.arg == "default" and type(k.value) is ast.Constant]
    positional = [arg for arg in call.args if type(arg) is not ast.Starred]
    if len(positional) > 1 and type(positional[1]) is ast.Constant:
        found.append(positional[1].value)
    if positional and type(positional[0]) is ast.Constant and any(k.arg == "env" for k in call.keywords):
        found.append(positional[0].value)
    return found


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


class Facts:
    """What the statements of every leaf bind, import and take as parameters."""

    def __init__(self, count: int) -> None:
        self.binders: dict[str, list[tuple[int, ast.AST]]] = {}  # key -> (leaf, value)
        self.followed: list[set[str]] = [set() for _ in range(count)]
        # keys bound to a payload dict (a "model" key): the analysis of any
        # leaf that holds one searches where it is sent (usage.json_sender)
        self.payloads: list[set[str]] = [set() for _ in range(count)]
        self.imports: dict[str, str] = {}
        self.hot: set[str] = set()  # names imported from a DeepSeek package
        self.parameters = Parameters()

    def scan(self, statement: ast.stmt, leaf: int) -> None:
        stack = [statement]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ast.Assign:
                for target in node.targets:
                    self._bind(target, node.value, leaf)
            elif kind is ast.AnnAssign:
                if node.value is not None:
                    self._bind(node.target, node.value, leaf)
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

    def _bind(self, target: ast.AST, value: ast.AST, leaf: int) -> None:
        key = dotted(target)
        if key is None:
            return
        self.binders.setdefault(key, []).append((leaf, value))
        if _followed(value):
            self.followed[leaf].add(key)
            if type(value) is ast.Dict and any(type(k) is ast.Constant and k.value == PAYLOAD_KEY for k in value.keys):
                self.payloads[leaf].add(key)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            found = import_bindings(None, [(a.name, a.asname) for a in node.names], False)
        else:
            found = import_bindings(node.module, [(a.name, a.asname) for a in node.names], bool(node.level))
        for local, qualified, imported in found:
            self.imports[local] = qualified
            self._heat(local, imported)

    def _heat(self, local: str, full: str) -> None:
        if mentions_text(full):
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
    looked for only when a name asked about occurs in a leaf that has one."""

    def __init__(self) -> None:
        self.named: set[str] = set()
        self.lambdas: list[tuple[str, list[ast.stmt]]] = []  # (leaf text, statements)
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


def own_nodes(leaf: Leaf) -> list:
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


def closure(leaves: list[Leaf], facts: Facts, text: str, starts: list[int], ends: list[int],
            seeds: set[int]) -> "_Closure":
    """The leaves to keep (``kept``), and the binding keys whose every binding
    (``needed``) and every reader (``followed``) they hold."""
    found = _Closure(leaves, facts, text, starts, ends)
    found.run(seeds)
    return found


class _Closure:
    """The leaves to keep.

    *Analysed* leaves are the seeds and every leaf that reads a value an
    analysed leaf binds (a string, a dict, a client with a base URL, a call
    whose default names DeepSeek), a payload dict any kept leaf binds (the
    analysis asks where each dict it sees is posted), or a
    name imported from a DeepSeek package: rules report on what they hold,
    so every name they pass or call through keeps all its bindings (the
    analysis keys bindings by their text, module-wide, and trusts only a
    name bound once). A leaf kept for a binding is parsed too, so the names
    its SDK calls pass or call through are kept the same way.

    What the analysis then asks is checked against what was kept
    (``Slice.check_covers``): a question outside it re-parses the module.
    """

    def __init__(self, leaves: list[Leaf], facts: Facts, text: str, starts: list[int], ends: list[int]) -> None:
        self.leaves, self.facts, self.text = leaves, facts, text
        self.statements = [own_nodes(leaf) for leaf in leaves]
        self.starts, self.ends = starts, ends
        self.kept: set[int] = set()
        self.analysed: set[int] = set()
        self.todo: list[int] = []
        self.needed: set[str] = set()
        self.followed: set[str] = set()
        self.mentions: dict[int, set[str]] = {}
        self.returners: set[str] = set()  # functions that return a followed value

    def run(self, seeds: set[int]) -> set[int]:
        for leaf in seeds:
            self._analyse(leaf)
        for name in self.facts.hot:
            self._follow(name)
        while self.todo:
            leaf = self.todo.pop()
            if leaf in self.analysed:
                for key in self._lookups(leaf, broad=True):
                    self._need(key)
                for key in self.facts.followed[leaf]:
                    self._follow(key)
                for key in self._through_returns(leaf):
                    self._follow(key)
            else:
                for key in self._lookups(leaf, broad=False):
                    self._need(key)
                for key in self.facts.payloads[leaf]:
                    self._follow(key)
        return self.kept

    def _analyse(self, leaf: int) -> None:
        if leaf not in self.analysed:
            self.analysed.add(leaf)
            self.kept.add(leaf)
            self.todo.append(leaf)
            self._keep_headers(leaf)

    def _need(self, key: str) -> None:
        if key in self.needed:
            return
        self.needed.add(key)
        for leaf, _ in self.facts.binders.get(key, ()):
            if leaf not in self.kept:
                self.kept.add(leaf)
                self.todo.append(leaf)
                self._keep_headers(leaf)

    def _keep_headers(self, leaf: int) -> None:
        """The def and class lines around a kept leaf are kept, and what
        they hold (decorators, defaults, bases) is analysed."""
        parent = self.leaves[leaf].parent
        if parent is not None:
            self._analyse(parent)

    def _follow(self, key: str) -> None:
        """Analyse every leaf that reads ``key`` (``self.key`` for a class attribute)."""
        if key in self.followed:
            return
        self.followed.add(key)
        readings = class_readings(key)
        word = key.rsplit(".", 1)[-1]
        for at in occurrences(self.text, word):
            leaf = bisect.bisect_right(self.starts, at) - 1
            if leaf < 0 or at >= self.ends[leaf] or leaf in self.analysed:
                continue
            if leaf not in self.mentions:
                self.mentions[leaf] = _mentions(self.statements[leaf])
            if readings & self.mentions[leaf]:
                self._analyse(leaf)

    def _through_returns(self, leaf: int) -> set[str]:
        """What a followed value reaches through a function: the name of a
        function that returns one (``return HARD if hard else EASY``), whose
        callers the analysis follows as it does a name's readers, and a name
        bound to a call of such a function (``model = pick(t)``)."""
        found: set[str] = set()
        header = self.leaves[leaf].parent
        owner = self.leaves[header].nodes[0].name if header is not None else None
        for statement in self.statements[leaf]:
            stack = [(statement, owner)]
            while stack:
                node, within = stack.pop()
                kind = type(node)
                if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                    within = node.name
                elif kind is ast.Lambda or kind is ast.ClassDef:
                    within = None
                elif kind is ast.Return and within and node.value is not None and self._carries(node.value):
                    found.add(within)
                    self.returners.add(within)
                elif (kind is ast.Assign or kind is ast.AnnAssign) and node.value is not None and self.returners:
                    if self.returners & _mentions([ast.Expr(node.value)]):
                        targets = node.targets if kind is ast.Assign else [node.target]
                        found.update(key for key in map(dotted, targets) if key is not None)
                stack.extend((child, within) for child in ast.iter_child_nodes(node))
        return found

    def _carries(self, value: ast.AST) -> bool:
        """Does a returned value carry what the rules follow?"""
        return _followed(value) or bool(self.followed & _mentions([ast.Expr(value)]))

    def _lookups(self, leaf: int, broad: bool) -> set[str]:
        """The names whose bindings the analysis may look up for this leaf:
        for an analysed leaf, whatever its calls pass or call through, its
        dict values and its own binding targets; for one kept for a binding,
        what its SDK calls (by callee name) pass or call through, base URLs
        and "model" values."""
        found: set[str] = set()
        callees = _callee_names()
        imports = self.facts.imports
        for statement in self.statements[leaf]:
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
                        if whole or keyword.arg in BASE_URL_KEYWORDS:
                            found.add(dotted(keyword.value))
                    if whole:
                        for arg in node.args:
                            found.add(dotted(arg.value if isinstance(arg, ast.Starred) else arg))
                        found.update(_receivers(func))
                elif kind is ast.Dict:
                    for key, value in zip(node.keys, node.values):
                        if broad or (isinstance(key, ast.Constant) and key.value == PAYLOAD_KEY):
                            found.add(dotted(value))
                elif broad and (kind is ast.Assign or kind is ast.AnnAssign):
                    for target in node.targets if kind is ast.Assign else (node.target,):
                        key = dotted(target)
                        if key is not None:
                            found.add(key)
                            if "." not in key:  # is a class attribute rebound on instances?
                                found.update(class_readings(key))
        found.discard(None)
        return found


