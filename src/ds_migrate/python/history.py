"""Does the module throw away ``reasoning_content`` from the conversation?

For deepseek-reasoner (R1) the rule was to strip it: sending it back was a
400. On V4 thinking with tools it is the opposite: it must be sent back.
"""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.module_info import ModuleInfo


def drops_reasoning(node: cst.SimpleString, parents: tuple[cst.CSTNode, ...]) -> str | None:
    """How the string ``"reasoning_content"`` is used to drop the field, if it is."""
    parent = parents[0] if parents else None
    above = parents[1] if len(parents) > 1 else None
    if isinstance(parent, cst.Arg) and isinstance(above, cst.Call):
        func = above.func
        if isinstance(func, cst.Attribute) and func.attr.value == "pop":
            return "pops it from a message"
        if parent.keyword is not None and parent.keyword.value == "exclude":
            return "excludes it when serialising"
    if isinstance(parent, cst.Index):
        for ancestor in parents[1:4]:
            if isinstance(ancestor, cst.Del):
                return "deletes it from a message"
    comparison_parent = parent
    if isinstance(parent, cst.Element) and len(parents) > 2:
        comparison_parent = parents[2]
    if isinstance(comparison_parent, cst.ComparisonTarget) and isinstance(
        comparison_parent.operator, (cst.NotEqual, cst.NotIn)
    ):
        return "filters it out of a message"
    if isinstance(parent, cst.Element) and len(parents) > 2 and isinstance(parents[2], cst.Arg):
        arg = parents[2]
        if arg.keyword is not None and arg.keyword.value == "exclude":
            return "excludes it when serialising"
    return None


def reasoning_drops(info: ModuleInfo) -> list[tuple[cst.SimpleString, str]]:
    found = []
    for node, parents in info.reasoning_strings:
        how = drops_reasoning(node, parents)
        if how:
            found.append((node, how))
    return found
