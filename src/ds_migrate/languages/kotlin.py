"""Kotlin, parsed with tree-sitter-kotlin.

Kotlin code calls the same openai-java SDK (it is written in Kotlin), so the
toggle is the one ``languages/java.py`` cites: in a
``ChatCompletionCreateParams.builder()`` chain, ``.model("...")`` is followed
by ``.putAdditionalBodyProperty("thinking", JsonValue.from(mapOf("type" to
"disabled")))`` (``JsonValue.from`` converts any ``Map``). Other clients
(openai-kotlin's ``ChatCompletionRequest(model = ModelId(...))``) are renamed
with a note.
"""

from __future__ import annotations

import re

from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, mode_value
from ds_migrate.languages.java import chain_root, chain_toggle, imported
from ds_migrate.languages.treesitter import Source
from ds_migrate.languages.kinds import PATTERNS


class Kotlin(TreeSitterHandler):
    kind = "kotlin"
    patterns = PATTERNS["kotlin"]
    grammar = ("tree_sitter_kotlin", "language")
    string_types = frozenset({"string_literal", "multiline_string_literal"})
    comment_types = frozenset({"line_comment", "block_comment", "multiline_comment"})
    argument_types = frozenset({"value_argument"})
    argument_list_types = frozenset({"value_arguments"})
    comparison_types = frozenset({"binary_expression", "equality_expression", "elvis_expression"})
    case_types = frozenset({"when_entry", "when_condition"})
    switch_types = frozenset({"when_expression"})
    collection_types = frozenset({"collection_literal"})
    declaration_types = frozenset({
        "property_declaration", "parameter", "class_parameter", "function_value_parameters", "assignment",
    })
    sdk_note = ("set thinking in the request body where the request is made (openai-java from Kotlin: "
                '.putAdditionalBodyProperty("thinking", JsonValue.from(mapOf("type" to ...))))')

    def argument_name(self, argument, src: Source) -> str | None:
        children = argument.children
        for index, child in enumerate(children[:-1]):
            if child.type in ("simple_identifier", "identifier") and src.node_text(children[index + 1]) == "=":
                return src.node_text(child)
        return None

    def callee(self, call, src: Source) -> str:
        function = call.named_children[0] if call.named_children else None
        return re.sub(r"\s+", "", src.node_text(function)) if function is not None else ""

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type != "infix_expression":
            return None
        children = parent.named_children
        if len(children) != 3 or src.node_text(children[1]) != "to":
            return None
        container = parent.parent.parent if parent.parent is not None else None  # value_argument -> value_arguments
        if children[0] == node:
            return Role("key", container)
        return self._value(self.content(children[0], src), parent, None)

    def _enum_member(self, call) -> bool:
        return call.type == "enum_entry"

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        call = role.anchor
        if call is None or call.type != "call_expression":
            return None
        function = call.named_children[0]
        if function.type != "navigation_expression":
            return None
        name_node = function.named_children[-1]
        mode = mode_value(name, mapping)
        json_value = "JsonValue" if imported(src.text, "com.openai.core.JsonValue") else "com.openai.core.JsonValue"
        prop = f'putAdditionalBodyProperty("thinking", {json_value}.from(mapOf("type" to "{mode}")))'
        return chain_toggle(call, name_node, src, prop, chain_root(call))
