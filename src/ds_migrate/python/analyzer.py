"""One traversal of a libcst module that collects everything rules need.

Positions come from the source text, not from libcst metadata: every token
holding a DeepSeek name is a string or comment, tokens are visited in source
order, and the text of such a token cannot occur earlier in the file outside
another such token, so ``source.find(token, cursor)`` is its offset. That
saves the position pass that costs several times the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from ds_migrate.names import find_legacy_names
from ds_migrate.python.module_info import ModuleInfo, record_binding, record_import
from ds_migrate.python.sites import DynamicSite, NameSite
from ds_migrate.python.syntax import dict_get, string_value

_DEEPSEEK = re.compile(r"deepseek", re.IGNORECASE)
# "deepseek-" closing a literal piece that something else completes at run time
_DYNAMIC_TAIL = re.compile(r"deepseek-(?:\{[^}]*\}|%s|%\(\w+\)s)?$", re.IGNORECASE)


@dataclass
class Analysis:
    info: ModuleInfo
    sites: list[NameSite] = field(default_factory=list)
    dynamic: list[DynamicSite] = field(default_factory=list)
    # id(token) -> offset, for every string or comment token mentioning deepseek
    offsets: dict[int, int] = field(default_factory=dict)
    # id(node) -> its ancestors, for the nodes a fix may edit (tokens, calls, dicts)
    ancestry: dict[int, tuple[cst.CSTNode, ...]] = field(default_factory=dict)


class _Collector(cst.CSTVisitor):
    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source
        self.cursor = 0
        self.stack: list[cst.CSTNode] = []
        self.analysis = Analysis(info=ModuleInfo(source=source))

    # -- traversal bookkeeping -------------------------------------------
    def on_visit(self, node: cst.CSTNode) -> bool:
        result = super().on_visit(node)
        self.stack.append(node)
        return result

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.stack.pop()
        super().on_leave(original_node)

    def _parents(self) -> tuple[cst.CSTNode, ...]:
        # visit_* runs before on_visit pushes the node: the stack holds its ancestors
        return tuple(reversed(self.stack))

    # -- tokens that may hold a name -----------------------------------------
    def _token(self, node: cst.CSTNode, text: str) -> None:
        if not _DEEPSEEK.search(text):
            return
        offset = self.source.find(text, self.cursor)
        if offset < 0:  # cannot happen for a lossless parse; stay safe
            return
        self.cursor = offset + len(text)
        self.analysis.offsets[id(node)] = offset
        parents = self._parents()
        self.analysis.ancestry[id(node)] = parents
        for name in find_legacy_names(text):
            self.analysis.sites.append(NameSite(name, node, offset, parents, self.analysis.info))
        if not isinstance(node, cst.Comment):
            match = _DYNAMIC_TAIL.search(text.rstrip("'\""))
            if match and _builds_at_run_time(node, parents):
                self.analysis.dynamic.append(DynamicSite(node, offset, parents, match.start()))

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._token(node, node.value)
        if "reasoning_content" in node.value and string_value(node) == "reasoning_content":
            self.analysis.info.reasoning_strings.append((node, self._parents()))

    def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
        self._token(node, node.value)

    def visit_Comment(self, node: cst.Comment) -> None:
        self._token(node, node.value)

    # -- module facts ------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> None:
        record_import(self.analysis.info, node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        record_import(self.analysis.info, node)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            record_binding(self.analysis.info, target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            record_binding(self.analysis.info, node.target, node.value)

    def visit_Param(self, node: cst.Param) -> None:
        self.analysis.info.parameters.add(node.name.value)

    def visit_Call(self, node: cst.Call) -> None:
        self.analysis.info.calls.append(node)
        self.analysis.ancestry[id(node)] = self._parents()

    def visit_Dict(self, node: cst.Dict) -> None:
        if dict_get(node, "model") is not None:
            parents = self._parents()
            self.analysis.info.model_dicts.append((node, parents))
            self.analysis.ancestry[id(node)] = parents
        elif _is_content_only_assistant_message(node):
            self.analysis.info.content_only_messages.append(node)


def _builds_at_run_time(token: cst.CSTNode, parents: tuple[cst.CSTNode, ...]) -> bool:
    """Is the string combined with something only known at run time?"""
    if isinstance(token, cst.FormattedStringText):
        return True
    parent = parents[0] if parents else None
    if isinstance(parent, cst.BinaryOperation) and isinstance(
        parent.operator, (cst.Add, cst.Modulo)
    ):
        return parent.left is token
    if isinstance(parent, cst.Attribute) and parent.attr.value == "format":
        return True
    return False


def _is_content_only_assistant_message(node: cst.Dict) -> bool:
    role = dict_get(node, "role")
    content = dict_get(node, "content")
    if role is None or content is None or dict_get(node, "reasoning_content") is not None:
        return False
    if string_value(role.value) != "assistant":
        return False
    value = content.value
    return isinstance(value, cst.Attribute) and value.attr.value == "content"


def analyze(source: str, module: cst.Module) -> Analysis:
    collector = _Collector(source)
    module.visit(collector)
    return collector.analysis
