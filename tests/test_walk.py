"""The fast walk must see the nodes a libcst visitor sees, in the same order:
the analyzer's offsets rely on tokens arriving in that order."""

from __future__ import annotations

import dataclasses
import inspect
import typing
from pathlib import Path

import libcst as cst
import pytest

from ds_migrate.python.walk import TRIVIA, walk

ROOT = Path(__file__).resolve().parent.parent

TRICKY = '''\
# header comment deepseek-chat
from __future__ import annotations
from a.b import (c as d,  # trailing deepseek-reasoner
    e)
import x.y as z

@decorator("deepseek-chat")  # on the decorator
@other(
    # inside the call
    key="v",
)
async def f[T: int = str](a: "A" = "deepseek-chat", *args, b=1, **kw) -> "R":  # end
    """doc deepseek"""
    global g
    async with open("p") as h, other() as (i, j):
        yield f"{a!r:>{width}} deepseek-{model}" f'x{y=}'
    match command:
        case {"model": "deepseek-chat", **rest} if rest:  # case
            pass
        case [1, *others] | Point(x=0):
            pass
    lambda q=("deepseek-reasoner"): q
    result = [k for k in (yield) if k] + {**kw}
    del a, b[1:2:3]
    try:
        pass
    except* ValueError as error:
        raise RuntimeError("deepseek-chat") from error
    finally:
        return (a
                # between lines
                + b)

class C(Base, metaclass=M):  # class comment
    x: int = 1
    client = OpenAI(base_url="https://api.deepseek.com")

type Alias = list["deepseek-chat"]
print(*a, sep="", **{"model": "deepseek-chat"})
'''


def _corpus() -> list[tuple[str, str]]:
    sources = [("tricky", TRICKY)]
    for path in sorted((ROOT / "examples").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        try:
            cst.parse_module(text)
        except cst.ParserSyntaxError:
            continue  # the examples include a file that does not parse, on purpose
        sources.append((str(path.relative_to(ROOT)), text))
    nodes_dir = Path(cst.__file__).parent / "_nodes"
    for path in sorted(nodes_dir.glob("*.py"))[:4]:
        sources.append((f"libcst/{path.name}", path.read_text(encoding="utf-8")))
    return sources


class _Recorder(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []  # (id, depth)
        self.depth = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.seen.append((id(node), self.depth))
        self.depth += 1
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.depth -= 1


class _Every(dict):
    """A handler table that answers for every node type."""

    def __init__(self, handler) -> None:
        super().__init__()
        self.handler = handler

    def get(self, key, default=None):
        return self.handler


@pytest.mark.parametrize("name,source", _corpus(), ids=lambda v: v if len(v) < 60 else "")
def test_walk_order_matches_libcst_visitor(name: str, source: str) -> None:
    module = cst.parse_module(source)
    recorder = _Recorder()
    module.visit(recorder)
    seen: list[tuple[int, int]] = []
    walk(module, _Every(lambda node, ancestors: seen.append((id(node), len(ancestors)))))
    assert seen == recorder.seen


@pytest.mark.parametrize("name,source", _corpus()[:3], ids=lambda v: v if len(v) < 60 else "")
def test_walk_without_trivia_keeps_the_order_of_the_rest(name: str, source: str) -> None:
    module = cst.parse_module(source)
    everything: list[cst.CSTNode] = []
    walk(module, _Every(lambda node, ancestors: everything.append(node)))
    inside_trivia: set[int] = set()

    def mark(node, ancestors) -> None:
        if any(type(a) in TRIVIA for a in ancestors) or type(node) in TRIVIA:
            inside_trivia.add(id(node))

    walk(module, _Every(mark))
    expected = [node for node in everything if id(node) not in inside_trivia]
    code_only: list[cst.CSTNode] = []
    walk(module, _Every(lambda node, ancestors: code_only.append(node)), with_trivia=False)
    assert [id(n) for n in code_only] == [id(n) for n in expected]
    assert not any(type(n) is cst.Comment for n in code_only)
    assert any(type(n) is cst.SimpleString for n in code_only)


def test_ancestors_are_outermost_first() -> None:
    module = cst.parse_module('x = f(model="deepseek-chat")\n')
    found = []
    walk(module, {cst.SimpleString: lambda node, ancestors: found.append(list(ancestors))})
    (ancestors,) = found
    assert type(ancestors[0]) is cst.Module
    assert [type(a).__name__ for a in ancestors[-2:]] == ["Call", "Arg"]


def test_walk_falls_back_to_libcst_children_without_its_source(monkeypatch) -> None:
    from ds_migrate.python import walk as walk_module

    monkeypatch.setattr(walk_module, "_read_order", lambda node_type: None)
    monkeypatch.setattr(walk_module, "_ORDER", {})
    module = cst.parse_module(TRICKY)
    recorder = _Recorder()
    module.visit(recorder)
    seen: list[tuple[int, int]] = []
    walk_module.walk(module, _Every(lambda node, ancestors: seen.append((id(node), len(ancestors)))))
    assert seen == recorder.seen


@pytest.mark.parametrize("name,source", _corpus(), ids=lambda v: v if len(v) < 60 else "")
def test_with_only_some_handlers_every_comment_and_string_is_still_seen(name: str, source: str) -> None:
    module = cst.parse_module(source)

    class Tokens(cst.CSTVisitor):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[int] = []

        def visit_Comment(self, node: cst.Comment) -> None:
            self.seen.append(id(node))

        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            self.seen.append(id(node))

    expected = Tokens()
    module.visit(expected)
    seen: list[int] = []
    record = lambda node, ancestors: seen.append(id(node))  # noqa: E731
    walk(module, {cst.Comment: record, cst.SimpleString: record})
    assert seen == expected.seen
    strings_only: list[int] = []
    walk(module, {cst.SimpleString: lambda n, a: strings_only.append(id(n))}, with_trivia=False)
    comments = {id(c) for c in _comments(module)}
    assert strings_only == [i for i in expected.seen if i not in comments]


def _comments(module: cst.Module) -> list[cst.Comment]:
    found: list[cst.Comment] = []

    class Comments(cst.CSTVisitor):
        def visit_Comment(self, node: cst.Comment) -> None:
            found.append(node)

    module.visit(Comments())
    return found


def test_field_order_read_from_source_matches_inspect_for_every_node_type():
    import inspect

    from ds_migrate.python import walk as walk_module

    checked = 0
    for name in dir(cst):
        node_type = getattr(cst, name)
        if isinstance(node_type, type) and "_visit_and_replace_children" in vars(node_type):
            source = inspect.getsource(node_type._visit_and_replace_children)
            expected = tuple(dict.fromkeys(walk_module._VISITED_FIELD.findall(source)))
            assert walk_module._read_order(node_type) == expected, name
            checked += 1
    assert checked > 100


def _holds_nodes(hint) -> bool:
    if isinstance(hint, type):
        return issubclass(hint, cst.CSTNode)
    return any(_holds_nodes(arg) for arg in typing.get_args(hint))


def test_field_order_covers_exactly_the_fields_that_hold_nodes_in_every_node_type():
    """The reader is a regex over libcst's source: if a libcst release writes
    its children visits another way, the fields read stop matching the
    fields its type hints say hold nodes, and this fails (for every
    concrete node type, not only those the corpus above happens to use)."""
    from ds_migrate.python import walk as walk_module

    checked = 0
    for name in dir(cst):
        node_type = getattr(cst, name)
        if not (isinstance(node_type, type) and issubclass(node_type, cst.CSTNode)) or inspect.isabstract(node_type):
            continue
        hints = typing.get_type_hints(node_type)
        holding = {f.name for f in dataclasses.fields(node_type) if _holds_nodes(hints[f.name])}
        order = walk_module._read_order(node_type)
        assert order is not None and len(order) == len(set(order)), name
        assert set(order) == holding, name
        checked += 1
    assert checked > 150
