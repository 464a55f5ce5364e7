"""Facts about a whole module that rules and fix contexts consult.

Gathered in the same single traversal that finds the legacy names: imports
(to know that ``LLM`` is CrewAI's), simple bindings (to follow a constant
to the calls that use it) and client constructors (to know a call's host).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ds_migrate.python.syntax import dotted_name, keyword_arg, string_value

BASE_URL_KEYWORDS = ("base_url", "api_base", "openai_api_base", "api_base_url", "base_api")


@dataclass
class ModuleInfo:
    source: str
    imports: dict[str, str] = field(default_factory=dict)  # local name -> qualified
    # target text ("MODEL", "self.client") -> values bound to it
    bindings: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)
    # every call, in source order
    calls: list[cst.Call] = field(default_factory=list)
    # dict literals with a "model" key and their ancestors (innermost first)
    model_dicts: list[tuple[cst.Dict, tuple[cst.CSTNode, ...]]] = field(default_factory=list)
    # "reasoning_content" string literals and their ancestors (innermost first)
    reasoning_strings: list[tuple[cst.SimpleString, tuple[cst.CSTNode, ...]]] = field(default_factory=list)
    # assistant messages rebuilt as {"role": "assistant", "content": x.content}
    content_only_messages: list[cst.Dict] = field(default_factory=list)
    # names bound as function parameters anywhere in the module
    parameters: set[str] = field(default_factory=set)
    # id(callee) -> its qualified name; every calling context asks of every call
    _qualified: dict[int, str | None] = field(default_factory=dict, repr=False)
    # id(call) -> the calling context that recognises it (None: no context)
    contexts: dict[int, object] = field(default_factory=dict, repr=False)
    # when the module was parsed from a slice: the binding keys the rules
    # asked for, and the keys whose readers they searched (python/slicing.py
    # checks that the slice held all of them)
    asked: set[str] | None = field(default=None, repr=False)
    searched: set[str] | None = field(default=None, repr=False)
    # the file's path, for contexts whose toggle depends on the pinned
    # version of their package (ds_migrate/forms.py reads the pins near it)
    path: str | None = None

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
        base = self.imports.get(head)
        if base is None:
            return name
        return f"{base}.{rest}" if rest else base

    def has_binding(self, key: str) -> bool:
        if self.asked is not None:
            self.asked.add(key)
        return key in self.bindings

    def search_readers(self, key: str) -> None:
        """Note that a rule looks for the code reading ``key``."""
        if self.searched is not None:
            self.searched.add(key)

    def single_binding(self, key: str) -> cst.BaseExpression | None:
        if self.asked is not None:
            self.asked.add(key)
        values = self.bindings.get(key)
        if values and len(values) == 1 and key.split(".")[-1] not in self.parameters:
            return values[0]
        return None

    def resolve_string(self, node: cst.BaseExpression | None) -> str | None:
        """A string literal, or a name bound once to one."""
        value = string_value(node)
        if value is not None or node is None:
            return value
        key = dotted_name(node)
        if key is not None:
            return string_value(self.single_binding(key))
        return None

    def host_of_call(self, call: cst.Call) -> str | None:
        """The base URL a client-constructor call passes, if visible."""
        for keyword in BASE_URL_KEYWORDS:
            arg = keyword_arg(call, keyword)
            if arg is not None:
                return self.resolve_string(arg.value)
        return None

    def client_base_url(self, receiver: cst.BaseExpression) -> str | None:
        """The base URL of the client an SDK call is made on, if visible."""
        if isinstance(receiver, cst.Call):
            return self.host_of_call(receiver)
        key = dotted_name(receiver)
        if key is None:
            return None
        value = self.single_binding(key)
        if isinstance(value, cst.Call):
            return self.host_of_call(value)
        return None


def is_deepseek_url(url: str) -> bool:
    return "deepseek.com" in url.lower()


def is_foreign_url(url: str | None) -> bool:
    """True when a base URL visibly names a host other than DeepSeek's."""
    if not url:
        return False
    lowered = url.lower()
    return ("://" in lowered or "." in lowered) and not is_deepseek_url(lowered)


def record_import(info: ModuleInfo, node: cst.Import | cst.ImportFrom) -> None:
    info._qualified.clear()
    info.contexts.clear()
    if isinstance(node, cst.Import):
        for alias in node.names:
            full = dotted_name(alias.name)
            if full is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                info.imports[alias.asname.name.value] = full
            else:
                head = full.split(".")[0]
                info.imports[head] = head
        return
    if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
        return
    module = dotted_name(node.module)
    if module is None:
        return
    for alias in node.names:
        if not isinstance(alias.name, cst.Name):
            continue
        local = alias.name.value
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            local = alias.asname.name.value
        info.imports[local] = f"{module}.{alias.name.value}"


def record_binding(info: ModuleInfo, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
    key = dotted_name(target)
    if key is not None:
        info.bindings.setdefault(key, []).append(value)
