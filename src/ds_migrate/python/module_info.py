"""Facts about a whole module that rules and fix contexts consult.

Gathered in the same single traversal that finds the legacy names: imports
(to know that ``LLM`` is CrewAI's), simple bindings (to follow a constant
to the calls that use it) and client constructors (to know a call's host).
What is recorded, and what the rules follow through it, is said once in
``python/follows.py``.

Rules and contexts read the facts through query methods only. When the
module was parsed from a slice (``python/slicing``), the module-wide facts
(imports, parameter names) come from the slice's plan, and every question
about a binding or about the readers of a name is recorded (``Questions``),
so that the slice can check it kept everything the answers depend on: no
rule can read a binding or search the calls without the slice knowing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ds_migrate.python.follows import BASE_URL_KEYWORDS, import_bindings
from ds_migrate.deepseek.hosts import is_deepseek_url, is_foreign_url  # noqa: F401 (imported from here too)
from ds_migrate.python.syntax import dotted_name, keyword_arg, string_value

__all__ = ["BASE_URL_KEYWORDS", "ModuleInfo", "Questions", "is_deepseek_url", "is_foreign_url"]


@dataclass
class Questions:
    """What the rules asked of a sliced module: the binding keys they looked
    up, and the keys whose readers they searched."""

    asked: set[str] = field(default_factory=set)
    searched: set[str] = field(default_factory=set)


# names followed to the string they hold (``m = MODEL``, ``MODEL = "..."``)
_NAME_HOPS = 4


class ModuleInfo:
    """The module's imports, bindings, calls and payload dicts.

    ``imports`` and ``parameters``, when given (from a slice's plan), are the
    whole module's and the analysis does not add to them; ``questions``,
    when given, records what the rules ask.
    """

    def __init__(self, source: str, path: str | None = None, imports: dict[str, str] | None = None,
                 parameters=None, questions: Questions | None = None) -> None:
        self.source = source
        # the file's path, for contexts whose toggle depends on the pinned
        # version of their package (ds_migrate/deepseek/forms.py reads the pins near it)
        self.path = path
        self._fixed = imports is not None
        self._imports: dict[str, str] = dict(imports) if imports is not None else {}  # local -> qualified
        self._parameters = parameters if parameters is not None else set()  # every parameter name
        # target text ("MODEL", "self.client") -> values bound to it
        self._bindings: dict[str, list[cst.BaseExpression]] = {}
        self._calls: list[cst.Call] = []  # every call, in source order
        # dict literals with a "model" key and their ancestors (innermost first)
        self._model_dicts: list[tuple[cst.Dict, tuple[cst.CSTNode, ...]]] = []
        # "reasoning_content" string literals and their ancestors (innermost first)
        self.reasoning_strings: list[tuple[cst.SimpleString, tuple[cst.CSTNode, ...]]] = []
        # assistant messages rebuilt as {"role": "assistant", "content": x.content}
        self.content_only_messages: list[cst.Dict] = []
        # id(callee) -> its qualified name; every calling context asks of every call
        self._qualified: dict[int, str | None] = {}
        # id(call) -> the calling context that recognises it (None: no context)
        self.contexts: dict[int, object] = {}
        self.questions = questions

    # -- recorded by the analysis ------------------------------------------
    def record_import(self, node: cst.Import | cst.ImportFrom) -> None:
        if self._fixed:
            return  # the plan's imports are the whole module's
        self._qualified.clear()
        self.contexts.clear()
        if isinstance(node, cst.Import):
            names = []
            for alias in node.names:
                full = dotted_name(alias.name)
                if full is not None:
                    names.append((full, _alias(alias)))
            found = import_bindings(None, names, False)
        else:
            if isinstance(node.names, cst.ImportStar):
                return
            module = dotted_name(node.module) if node.module is not None else None
            if module is None:
                return
            names = [(alias.name.value, _alias(alias)) for alias in node.names if isinstance(alias.name, cst.Name)]
            found = import_bindings(module, names, bool(node.relative))
        for local, qualified, _ in found:
            self._imports[local] = qualified

    def record_binding(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        key = dotted_name(target)
        if key is not None:
            self._bindings.setdefault(key, []).append(value)

    def record_parameter(self, name: str) -> None:
        if not self._fixed:
            self._parameters.add(name)

    def record_call(self, call: cst.Call) -> None:
        self._calls.append(call)

    def record_model_dict(self, node: cst.Dict, parents: tuple[cst.CSTNode, ...]) -> None:
        self._model_dicts.append((node, parents))

    # -- asked by rules and contexts ---------------------------------------
    def every_call(self) -> list[cst.Call]:
        """Every call of the parsed code, in source order (in a slice, the
        kept code's: to find the readers of a name use ``calls_reading``)."""
        return self._calls

    def every_model_dict(self) -> list[tuple[cst.Dict, tuple[cst.CSTNode, ...]]]:
        """Every dict literal with a "model" key, with its ancestors."""
        return self._model_dicts

    def calls_reading(self, key: str) -> list[cst.Call]:
        """The calls to search for readers of the binding ``key`` (recorded)."""
        if self.questions is not None:
            self.questions.searched.add(key)
        return self._calls

    def model_dicts_reading(self, key: str) -> list[tuple[cst.Dict, tuple[cst.CSTNode, ...]]]:
        """The payload dicts to search for readers of ``key`` (recorded)."""
        if self.questions is not None:
            self.questions.searched.add(key)
        return self._model_dicts

    def imported(self, local: str) -> str | None:
        """The qualified name ``local`` was imported as, if it was."""
        return self._imports.get(local)

    def qualified(self, node: cst.BaseExpression) -> str | None:
        """Qualified name of a callee, resolving the module's imports."""
        key = id(node)
        if key not in self._qualified:
            self._qualified[key] = self._qualify(node)
        return self._qualified[key]

    def _qualify(self, node: cst.BaseExpression) -> str | None:
        name = dotted_name(node)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        base = self._imports.get(head)
        if base is None:
            return name
        return f"{base}.{rest}" if rest else base

    def has_binding(self, key: str) -> bool:
        if self.questions is not None:
            self.questions.asked.add(key)
        return key in self._bindings

    def single_binding(self, key: str) -> cst.BaseExpression | None:
        if self.questions is not None:
            self.questions.asked.add(key)
        values = self._bindings.get(key)
        if values and len(values) == 1 and key.split(".")[-1] not in self._parameters:
            return values[0]
        return None

    def resolve_string(self, node: cst.BaseExpression | None) -> str | None:
        """A string literal, or a name bound once to one, directly or through
        other names bound once (``m = FLASH`` then ``FLASH = "..."``)."""
        for _ in range(_NAME_HOPS):
            value = string_value(node)
            if value is not None or node is None:
                return value
            key = dotted_name(node)
            if key is None:
                return None
            node = self.single_binding(key)
        return None

    def fallback_string(self, node: cst.BaseExpression | None) -> str | None:
        """The literal an ``a or b or "text"`` chain falls back to (or a name
        bound once to one): where a setting points when nothing overrides it."""
        key = dotted_name(node) if node is not None else None
        if key is not None:
            node = self.single_binding(key)
        while isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
            node = node.right
        return string_value(node) if node is not None else None

    def host_of_call(self, call: cst.Call) -> str | None:
        """The base URL a client-constructor call passes, if visible."""
        for keyword in BASE_URL_KEYWORDS:
            arg = keyword_arg(call, keyword)
            if arg is not None:
                return self.resolve_string(arg.value)
        return None

    def client_default_base_url(self, receiver: cst.BaseExpression) -> str | None:
        """The base URL a client's ``base_url=a or b or "https://..."`` falls back to."""
        key = dotted_name(receiver)
        client = receiver if isinstance(receiver, cst.Call) else self.single_binding(key) if key else None
        if not isinstance(client, cst.Call):
            return None
        for keyword in BASE_URL_KEYWORDS:
            arg = keyword_arg(client, keyword)
            if arg is not None:
                return self.fallback_string(arg.value)
        return None

    def client_base_url(self, receiver: cst.BaseExpression) -> str | None:
        """The base URL of the client an SDK call is made on, if visible
        (``client().chat...``: the client the module's factory returns)."""
        if isinstance(receiver, cst.Call):
            if isinstance(receiver.func, cst.Name) and not receiver.args:
                made = self.factory_base_url(receiver.func.value)
                if made is not None:
                    return made
            return self.host_of_call(receiver)
        key = dotted_name(receiver)
        if key is None:
            return None
        value = self.single_binding(key)
        if isinstance(value, cst.Call):
            return self.host_of_call(value)
        return None

    def factory_client(self, name: str):
        """(constructor, function) of the client the module's top-level
        function ``name`` returns (python/factories.py), or None."""
        cached = getattr(self, "_factory_clients", None)
        if cached is None:
            cached = self._factory_clients = {}
        if name not in cached:
            from ds_migrate.python.factories import factory_client
            from ds_migrate.python.module_tree import module_tree_or_none

            tree = module_tree_or_none(self.source)
            cached[name] = factory_client(tree, name) if tree is not None else None
        return cached[name]

    def factory_base_url(self, name: str) -> str | None:
        """The base URL the factory's client is built with: a literal, or a
        module constant bound once to one."""
        import ast

        from ds_migrate.python.factories import read_name

        made = self.factory_client(name)
        if made is None:
            return None
        constructor, function = made
        for keyword in constructor.keywords:
            if keyword.arg in BASE_URL_KEYWORDS:
                if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    return keyword.value.value
                key = read_name(keyword.value, function)
                return string_value(self.single_binding(key)) if key and "." not in key else None
        return None


def _alias(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


