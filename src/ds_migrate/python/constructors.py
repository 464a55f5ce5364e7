"""A constant handed to a class of the same module, which keeps it on ``self``.

``DEFAULT_MODEL = os.environ.get("X", "deepseek-reasoner")``, then
``DeepSeek(DEFAULT_MODEL, url, key)`` whose ``__init__`` stores
``self.model_name = model_name`` and whose method sends
``create(model=self.model_name, ...)``: the request reads the constant, one
hop away (mcp-server-deepseek). SPEC section 4 gives a constant used in the
same module its mode at each request it reaches; this finds the ``self``
attribute that hop lands in, when it is certain: every construction of the
class in the module passes the constant in that place, and ``__init__``
assigns the attribute once, from the parameter, and nothing else rebinds it.

Read with CPython's parser on the whole text (like named_constants.py).
"""

from __future__ import annotations

import ast

from ds_migrate.python.module_tree import module_tree_or_none


def attributes_holding(info, key: str) -> list[str]:
    """``self.<attr>`` keys through which the module's classes keep ``key``."""
    if not key or "." in key:
        return []
    tree = _tree(info)
    if tree is None:
        return []
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    constructions: dict[str, list[ast.Call]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes:
            constructions.setdefault(node.func.id, []).append(node)
    found = []
    for name, calls in constructions.items():
        init = next((s for s in classes[name].body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
        if init is None:
            continue
        places = {_place_of(call, key) for call in calls}
        if len(places) != 1 or None in places:
            continue  # some construction passes another value there
        parameter = _parameter(init, places.pop())
        attribute = _stored_as(classes[name], init, parameter) if parameter else None
        if attribute:
            found.append(f"self.{attribute}")
    return found


def _tree(info):
    cached = getattr(info, "_constructors_tree", False)
    if cached is False:
        cached = module_tree_or_none(info.source)
        info._constructors_tree = cached
    return cached


def _place_of(call: ast.Call, key: str):
    """Where ``call`` passes the name ``key``: its position or keyword."""
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return None
        if isinstance(arg, ast.Name) and arg.id == key:
            return index
    for keyword in call.keywords:
        if keyword.arg is not None and isinstance(keyword.value, ast.Name) and keyword.value.id == key:
            return keyword.arg
    return None


def _parameter(init: ast.FunctionDef, place) -> str | None:
    positional = [a.arg for a in (*init.args.posonlyargs, *init.args.args)][1:]  # after self
    if isinstance(place, int):
        return positional[place] if place < len(positional) else None
    names = positional + [a.arg for a in init.args.kwonlyargs]
    return place if place in names else None


def _stored_as(cls: ast.ClassDef, init: ast.FunctionDef, parameter: str) -> str | None:
    """The one ``self.x = parameter`` of ``__init__``, when nothing in the
    class assigns ``self.x`` or the parameter anew."""
    stored = None
    for node in ast.walk(init):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == parameter:
                    return None  # the parameter is rebound before or after
                if (
                    isinstance(node, ast.Assign) and _self_attribute(target) and isinstance(node.value, ast.Name)
                    and node.value.id == parameter
                ):
                    if stored is not None:
                        return None
                    stored = target.attr
    if stored is None:
        return None
    writes = sum(
        1
        for node in ast.walk(cls)
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if _self_attribute(target) and target.attr == stored
    )
    return stored if writes == 1 else None


def _self_attribute(target: ast.AST) -> bool:
    return isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
