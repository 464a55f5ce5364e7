"""One walk over a libcst module that collects everything rules need.

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

from ds_migrate.deepseek.names import V4_ID, find_legacy_names
from ds_migrate.python.module_info import ModuleInfo, Questions
from ds_migrate.python.sites import DynamicSite, NameSite
from ds_migrate.python.syntax import dict_get, string_value
from ds_migrate.python.walk import walk
from ds_migrate.rules.dynamic_name import python_piece

_DEEPSEEK = re.compile(r"deepseek", re.IGNORECASE)


@dataclass
class Analysis:
    info: ModuleInfo
    sites: list[NameSite] = field(default_factory=list)
    dynamic: list[DynamicSite] = field(default_factory=list)
    # id(token) -> offset, for every string or comment token mentioning deepseek
    offsets: dict[int, int] = field(default_factory=dict)
    # id(node) -> its ancestors, for the nodes a fix may edit (tokens, calls, dicts)
    ancestry: dict[int, tuple[cst.CSTNode, ...]] = field(default_factory=dict)
    # (token, offset, ancestors) of each string naming a V4 id (python/contained.py)
    v4_strings: list[tuple[cst.SimpleString, int, tuple[cst.CSTNode, ...]]] = field(default_factory=list)


class _Collector:
    def __init__(self, source: str, info: ModuleInfo) -> None:
        self.source = source
        self.cursor = 0
        self.ancestors: list[cst.CSTNode] = []  # the walk's list, outermost first
        self.analysis = Analysis(info=info)

    def handlers(self) -> dict[type, object]:
        return {
            cst.SimpleString: self.visit_SimpleString,
            cst.FormattedStringText: self.visit_FormattedStringText,
            cst.Comment: self.visit_Comment,
            cst.Import: self.visit_Import,
            cst.ImportFrom: self.visit_ImportFrom,
            cst.Assign: self.visit_Assign,
            cst.AnnAssign: self.visit_AnnAssign,
            cst.Param: self.visit_Param,
            cst.Call: self.visit_Call,
            cst.Dict: self.visit_Dict,
        }

    def _parents(self) -> tuple[cst.CSTNode, ...]:
        return tuple(reversed(self.ancestors))

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
        if isinstance(node, cst.SimpleString) and V4_ID.search(text):
            self.analysis.v4_strings.append((node, offset, parents))
        if not isinstance(node, cst.Comment):
            piece = python_piece(node, text, parents)
            if piece is not None:
                self.analysis.dynamic.append(DynamicSite(node, offset, parents, piece))

    def visit_SimpleString(self, node: cst.SimpleString, ancestors: list) -> None:
        self._token(node, node.value)
        if "reasoning_content" in node.value and string_value(node) == "reasoning_content":
            self.analysis.info.reasoning_strings.append((node, self._parents()))

    def visit_FormattedStringText(self, node: cst.FormattedStringText, ancestors: list) -> None:
        self._token(node, node.value)

    def visit_Comment(self, node: cst.Comment, ancestors: list) -> None:
        self._token(node, node.value)

    # -- module facts ------------------------------------------------------
    def visit_Import(self, node: cst.Import, ancestors: list) -> None:
        self.analysis.info.record_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom, ancestors: list) -> None:
        self.analysis.info.record_import(node)

    def visit_Assign(self, node: cst.Assign, ancestors: list) -> None:
        for target in node.targets:
            self.analysis.info.record_binding(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign, ancestors: list) -> None:
        if node.value is not None:
            self.analysis.info.record_binding(node.target, node.value)

    def visit_Param(self, node: cst.Param, ancestors: list) -> None:
        self.analysis.info.record_parameter(node.name.value)

    def visit_Call(self, node: cst.Call, ancestors: list) -> None:
        self.analysis.info.record_call(node)
        self.analysis.ancestry[id(node)] = self._parents()

    def visit_Dict(self, node: cst.Dict, ancestors: list) -> None:
        if dict_get(node, "model") is not None:
            parents = self._parents()
            self.analysis.info.record_model_dict(node, parents)
            self.analysis.ancestry[id(node)] = parents
        elif _is_content_only_assistant_message(node):
            self.analysis.info.content_only_messages.append(node)


def _comment_may_matter(source: str) -> bool:
    """Does a "deepseek" follow a ``#`` on its line? If not, no comment
    token can hold a name and the walk may skip whitespace altogether."""
    lowered = source.lower()
    at = lowered.find("deepseek")
    while at >= 0:
        if "#" in lowered[lowered.rfind("\n", 0, at) + 1 : at]:
            return True
        at = lowered.find("deepseek", at + 8)
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


def analyze(source: str, module: cst.Module, plan=None, path: str | None = None) -> Analysis:
    """The analysis of ``module``, parsed from ``source`` or, with a
    ``plan`` that left something out, from its slice: the module-wide facts
    then come from the plan, and the questions the rules ask are recorded
    for ``plan.check_covers``."""
    if plan is not None and not plan.whole:
        info = ModuleInfo(source, path, imports=plan.imports, parameters=plan.parameters, questions=Questions())
    else:
        info = ModuleInfo(source, path)
    collector = _Collector(source, info)
    collector.ancestors = []
    walk(module, collector.handlers(), with_trivia=_comment_may_matter(source), ancestors=collector.ancestors)
    return collector.analysis
