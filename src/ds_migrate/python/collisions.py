"""Would renaming make two keys, members or branches the same?

Both retired names map to one V4 model, so renaming a price table keyed by
both, or an if/elif over both, would silently merge them. Such renames are
refused even with --unsafe-fixes.
"""

from __future__ import annotations

import re

import libcst as cst

from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import string_value
from ds_migrate.rules.base import CheckContext


def strings_in(node: cst.CSTNode) -> list[str]:
    found: list[str] = []

    class _Strings(cst.CSTVisitor):
        def visit_SimpleString(self, string: cst.SimpleString) -> None:
            value = string_value(string)
            if value is not None:
                found.append(value)

    node.visit(_Strings())
    return found


def _scope(site: NameSite) -> list[cst.CSTNode]:
    """The nodes whose string values must stay distinct after renaming."""
    parents = site.role_parents
    enum = enum_class_of(site)
    if enum is not None:
        return [
            statement.body[0].value
            for statement in enum.body.body
            if isinstance(statement, cst.SimpleStatementLine) and isinstance(statement.body[0], cst.Assign)
        ]
    for i, parent in enumerate(parents):
        if isinstance(parent, cst.Subscript):  # Literal["deepseek-chat", "deepseek-reasoner"]
            return [element.slice for element in parent.slice]
        if isinstance(parent, (cst.Dict, cst.List, cst.Set, cst.Tuple)):
            if isinstance(parent, cst.Dict):
                return [el.key for el in parent.elements if isinstance(el, cst.DictElement)]
            return [el.value for el in parent.elements]
        if isinstance(parent, cst.Match):
            return [case.pattern for case in parent.cases]
        if isinstance(parent, cst.If):
            return _chain_tests(parents, i)
        if isinstance(parent, (cst.BaseSuite, cst.SimpleStatementLine)):
            break
    return []


def _chain_tests(parents: tuple[cst.CSTNode, ...], i: int) -> list[cst.CSTNode]:
    """The tests of the whole if/elif chain that ``parents[i]`` (an If) belongs to."""
    head = parents[i]
    for above in parents[i + 1 :]:
        if isinstance(above, cst.If) and above.orelse is head:
            head = above
        elif not isinstance(above, cst.Else):
            break
    tests: list[cst.CSTNode] = []
    node: cst.CSTNode | None = head
    while isinstance(node, cst.If):
        tests.append(node.test)
        node = node.orelse
    return tests


def enum_class_of(site: NameSite) -> cst.ClassDef | None:
    """The Enum class whose member the name is (``CHAT = "deepseek-chat"``)."""
    parents = site.role_parents
    if len(parents) < 4 or not isinstance(parents[0], cst.Assign) or parents[0].value is not site.expression:
        return None
    if not isinstance(parents[1], cst.SimpleStatementLine) or not isinstance(parents[3], cst.ClassDef):
        return None
    for base in parents[3].bases:
        value = base.value
        name = value.attr.value if isinstance(value, cst.Attribute) else getattr(value, "value", "")
        if isinstance(name, str) and name.endswith("Enum"):
            return parents[3]
    return None


def collision_in(site: NameSite, ctx: CheckContext) -> str | None:
    """A reason to refuse the rename, or None."""
    values: list[str] = []
    for node in _scope(site):
        values.extend(strings_in(node))
    renamed = [ctx.mapping.rename(value) for value in values]
    seen: dict[str, str] = {}
    for before, after in zip(values, renamed):
        other = seen.get(after.lower())
        if other is not None and other.lower() != before.lower():
            return (
                f"not renamed: '{other}' and '{before}' would both become '{after}'"
            )
        seen.setdefault(after.lower(), before)
    return None


def beside_current_id(site: NameSite) -> bool:
    """The collection, branch set or comparison the name is in also names a
    V4 id: compat code (rules/compat_code.py), however many lines it spans."""
    from ds_migrate.python.router_deployments import aliased_deployment
    from ds_migrate.rules.compat_code import names_current_id

    if aliased_deployment(site.role_parents, site.info) is not None:
        # a Router's model_name is what callers ask for; the V4 id in its
        # deployment is where it now routes, not a compat entry beside it
        return False
    return any(names_current_id(value) for node in _scope(site) for value in strings_in(node))


def in_compat_branch(site: NameSite) -> bool:
    """The name is set inside a branch of an if/elif chain (or match) whose
    tests already name a V4 id: the values belong to that compat code too."""
    from ds_migrate.rules.compat_code import names_current_id

    parents = site.role_parents
    for i, parent in enumerate(parents):
        if isinstance(parent, cst.If):
            return any(names_current_id(v) for test in _chain_tests(parents, i) for v in strings_in(test))
        if isinstance(parent, cst.Match):
            return any(names_current_id(v) for case in parent.cases for v in strings_in(case.pattern))
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef)):
            return False
    return False


_LEGACY_NAMES = re.compile(r"legacy|deprecated|retired|obsolete|(^|_)old($|_)|sunset", re.IGNORECASE)


def named_as_legacy(site: NameSite) -> bool:
    """The collection is named for the retired ids (``LEGACY_IDS = {...}``):
    code that already handles the retirement."""
    from ds_migrate.rules.capability import names_above

    return any(_LEGACY_NAMES.search(name) for name in names_above(site))


def message_names_current_id(site: NameSite) -> bool:
    """A message or text whose other parts (the rest of an implicitly joined
    string, the other arguments of the call it is passed to) name a V4 id."""
    from ds_migrate.rules.compat_code import names_current_id

    if any(names_current_id(v) for v in _texts_in(site.expression)):
        return True
    parents = site.role_parents
    if len(parents) >= 2 and isinstance(parents[0], cst.Arg) and isinstance(parents[1], cst.Call):
        return any(names_current_id(v) for arg in parents[1].args for v in strings_in(arg.value))
    return False


def _texts_in(node: cst.CSTNode) -> list[str]:
    """The literal text of a string expression, f-string parts included."""
    found: list[str] = []

    class _Texts(cst.CSTVisitor):
        def visit_SimpleString(self, string: cst.SimpleString) -> None:
            found.append(string.value)

        def visit_FormattedStringText(self, text: cst.FormattedStringText) -> None:
            found.append(text.value)

    node.visit(_Texts())
    return found


def maps_another_retired_id(site: NameSite, ctx: CheckContext) -> str | None:
    """The value is set in a branch that tests for another retired id with
    the same target (``if m == "deepseek-coder": m = "deepseek-chat"``): a
    normalisation between two ids, which renamed would map the id onto
    itself and move everything it buckets. Why it is refused, or None."""
    from ds_migrate.deepseek.names import find_legacy_names

    mine = find_legacy_names(site.name.text)
    if not mine:
        return None
    parents = site.role_parents
    for i, parent in enumerate(parents):
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Module)):
            return None
        if not isinstance(parent, cst.If):
            continue
        for test in _chain_tests(parents, i):
            for value in strings_in(test):
                for other in find_legacy_names(value):
                    if other.base != mine[0].base and ctx.mapping.rename(value) == ctx.mapping.rename(site.name.text):
                        return (
                            f"not renamed: this branch maps '{value}' to '{site.name.text}', and both would become "
                            f"'{ctx.mapping.rename(site.name.text)}'; decide by hand how the two ids are bucketed"
                        )
        return None
    return None
