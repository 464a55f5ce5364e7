from __future__ import annotations

import re

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Severity
from ds_migrate.python.sites import NameSite
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules import messages

# Names that say a table or test classifies models rather than picking one.
CAPABILITY_WORDS = re.compile(
    r"think|reason|(^|_)r1($|_)|capab|support|context|window|max_?tokens|token_?limit|(^|_)limits?($|_)"
    r"|price|pricing|(^|_)costs?($|_)|vision|multimodal|(^|_)tools?($|_)|function_?call|json_?mode|feature"
    r"|(^|_)(is|has|uses|can)_",
    re.IGNORECASE,
)
_NUMBER = (cst.Integer, cst.Float)


PREDICATE_WORDS = re.compile(r"(^|_)(is|has|supports?|uses?|can|needs?)_|think|reason|(^|_)r1($|_)", re.IGNORECASE)


def names_above(site: NameSite) -> list[str]:
    """Names that say what the occurrence is for: the target of the
    assignment it is part of, or the predicate whose result it returns."""
    names: list[str] = []
    returned = False
    for parent in site.role_parents:
        if isinstance(parent, cst.Assign):
            names.extend(_target_name(t.target) for t in parent.targets)
        elif isinstance(parent, (cst.AnnAssign, cst.AugAssign)):
            names.append(_target_name(parent.target))
        elif isinstance(parent, cst.Return):
            returned = True
        elif isinstance(parent, cst.FunctionDef):
            if returned and PREDICATE_WORDS.search(parent.name.value):
                names.append(parent.name.value)
            break
        elif isinstance(parent, (cst.SimpleStatementLine, cst.BaseCompoundStatement)) and not returned:
            break
    return [n for n in names if n]


def _target_name(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return ""


def _numeric(node: cst.CSTNode) -> bool:
    if isinstance(node, _NUMBER):
        return True
    if isinstance(node, cst.UnaryOperation):
        return _numeric(node.expression)
    if isinstance(node, cst.BinaryOperation):
        return _numeric(node.left) and _numeric(node.right)
    if isinstance(node, (cst.Dict,)):
        values = [e.value for e in node.elements if isinstance(e, cst.DictElement)]
        return bool(values) and any(_numeric(v) for v in values)
    if isinstance(node, (cst.Tuple, cst.List)):
        return bool(node.elements) and all(_numeric(e.value) for e in node.elements)
    return False


def _registry_entry(parent, above) -> bool:
    """The id is a positional argument of a call that also takes a number
    positionally, and the call is an item of a list, tuple or set literal
    or a value of a dict literal: one entry of a model registry (its context
    window or price; a fresh review of case 16). A request names its model
    by keyword and is not an item of a collection."""
    if not isinstance(parent, cst.Arg) or parent.keyword is not None or len(above) < 2:
        return False
    call, holder = above
    if not isinstance(call, cst.Call) or not isinstance(holder, (cst.Element, cst.DictElement)):
        return False
    if isinstance(holder, cst.DictElement) and holder.value is not call:
        return False
    return any(arg.keyword is None and _numeric(arg.value) for arg in call.args)


def capability_kind(site: NameSite) -> str | None:
    """What the occurrence classifies, when it is in a capability table or predicate."""
    parents = site.role_parents
    if not parents:
        return None
    parent = parents[0]
    expression = site.expression
    # "deepseek-reasoner" in model: a substring test on an id is a predicate
    if isinstance(parent, cst.Comparison) and parent.left is expression:
        ops = parent.comparisons
        if ops and isinstance(ops[0].operator, (cst.In, cst.NotIn)) and not isinstance(
            ops[0].comparator, (cst.List, cst.Tuple, cst.Set, cst.Dict)
        ):
            return "substring predicate"
    # model.startswith("deepseek-reasoner")
    if isinstance(parent, cst.Arg) and len(parents) > 1 and isinstance(parents[1], cst.Call):
        func = parents[1].func
        if isinstance(func, cst.Attribute) and func.attr.value in {"startswith", "endswith", "find", "index", "count"}:
            return "prefix predicate"
    # a table keyed by id whose values are numbers (prices, context sizes)
    if isinstance(parent, cst.DictElement) and parent.key is expression and _numeric(parent.value):
        return "prices, limits or sizes"
    # a registry of entries built positionally: [ModelMeta("deepseek", "deepseek-reasoner", 64_000)]
    if _registry_entry(parent, parents[1:3]):
        return "registry entry (prices, limits or sizes)"
    selecting = isinstance(parent, (cst.Comparison, cst.ComparisonTarget, cst.DictElement, cst.Element, cst.MatchValue))
    if not selecting:
        return None
    for name in names_above(site):
        if CAPABILITY_WORDS.search(name):
            return f"'{name}'"
    return None


class LegacyCapabilityEntry(Rule):
    """
    What it does:
        Finds a retired model name in code that classifies models instead of
        sending one: sets of ids that think (or do not), ``is_r1`` predicates,
        ``"deepseek-reasoner" in model`` tests, context-window and price
        tables.

    Why it matters:
        Renaming such an entry flips its meaning: V4 would be listed as
        "non-thinking", or as the old R1, and its price or context size would
        be the old model's.

    Example:
        NON_THINKING_MODELS = {"deepseek-chat"}

    Use instead:
        NON_THINKING_MODELS = {"deepseek-chat", "deepseek-v4-flash"}

    Fix:
        None, in any tier. Add an entry or branch for the V4 id beside the
        legacy one (keep it if old ids may still arrive, drop it if not). While
        it stays, every other use of the same id is left as is too, so that the
        two keep agreeing.
    """

    code = "DSM112"
    role = roles.CAPABILITY
    may_be_compat_in = frozenset({roles.IN_COLLECTIONS})
    line_with_v4_is_compat = True
    name = "legacy-capability-entry"
    severity = Severity.WARNING
    summary = "Retired model name in a capability table or predicate (add a V4 entry)"
    priority = 50
    valid = (
        Example('NON_THINKING_MODELS = {"deepseek-v4-flash"}\n'),
        Example('MODEL = "deepseek-chat"\n'),
        Example('CALLS = [client.chat.completions.create(model="deepseek-v4-flash", messages=m, max_tokens=5)]\n'),
    )
    invalid = (
        Example('NON_THINKING_MODELS = {"deepseek-chat"}\n'),
        Example('def is_r1(name):\n    return name == "deepseek-reasoner"\n'),
        Example('thinks = "deepseek-reasoner" in model_name\n'),
        Example('CONTEXT = {"deepseek-chat": 64000}\n'),
        Example('MODELS = [ModelMeta("deepseek", "deepseek-reasoner", 64_000)]\n'),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if site.is_comment:
            return None
        kind = capability_kind(site)
        if kind is None:
            return None
        return Match(messages.capability(site.name, ctx.mapping, kind))
