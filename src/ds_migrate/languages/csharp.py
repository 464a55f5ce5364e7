"""C#, parsed with tree-sitter-c-sharp.

Model values are renamed where they are request values: a named argument or
an initializer property called ``model`` (``new ChatClient(model: "...")``,
``new Options { Model = "..." }``), the first argument of openai-dotnet's
``new ChatClient("...", ...)``, constants, fields and ``??`` defaults of an
environment variable. No C# client's source was checked for a body-extension
form, so the note says where the thinking mode must be set.
"""

from __future__ import annotations

import re

from ds_migrate.languages.backend import Role, TreeSitterHandler
from ds_migrate.languages.treesitter import Source
from ds_migrate.languages.kinds import PATTERNS

_CLIENTS = re.compile(r"(?:^|\.)(?:ChatClient|OpenAIChatClient|ChatCompletionsClient)$")


class CSharp(TreeSitterHandler):
    kind = "csharp"
    patterns = PATTERNS["csharp"]
    grammar = ("tree_sitter_c_sharp", "language")
    string_types = frozenset({"string_literal", "verbatim_string_literal", "raw_string_literal",
                              "interpolated_string_expression"})
    comment_types = frozenset({"comment"})
    wrappers = frozenset({"parenthesized_expression", "constant_pattern"})
    argument_types = frozenset({"argument"})
    argument_list_types = frozenset({"argument_list"})
    case_types = frozenset({"switch_section", "case_switch_label", "switch_expression_arm"})
    switch_types = frozenset({"switch_body", "switch_expression"})
    collection_types = frozenset({"initializer_expression", "collection_expression"})
    declaration_types = frozenset({"variable_declarator", "equals_value_clause", "property_declaration", "parameter"})
    sdk_note = "set thinking {\"type\": ...} in the request body where the request is made"

    def argument_name(self, argument, src: Source) -> str | None:
        name = argument.child_by_field_name("name")
        if name is None:
            return None
        return src.node_text(name)

    def callee(self, call, src: Source) -> str:
        function = call.child_by_field_name("function") or call.child_by_field_name("type")
        if function is None and call.type == "implicit_object_creation_expression":
            declaration = call.parent.parent if call.parent is not None else None
            kind = declaration.child_by_field_name("type") if declaration is not None else None
            return src.node_text(kind) if kind is not None else ""
        return re.sub(r"\s+", "", src.node_text(function)) if function is not None else ""

    def _argument(self, node, arguments, src: Source) -> Role:
        call = arguments.parent
        if (call is not None and call.type in ("object_creation_expression", "implicit_object_creation_expression")
                and _CLIENTS.search(self.callee(call, src))):
            first = arguments.named_children[0] if arguments.named_children else None
            if first is not None and first == node:
                return Role("model", key="model", anchor=call)
        return super()._argument(node, arguments, src)

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type == "assignment_expression":
            left = parent.child_by_field_name("left")
            if left is not None and left.type == "element_binding_expression":
                return Role("key", parent.parent)
            if left is not None and parent.parent is not None and parent.parent.type == "initializer_expression":
                return self._value(src.node_text(left), parent, None)
            return Role("constant")
        if parent.type == "element_binding_expression" or (
            parent.type == "argument" and parent.parent is not None and parent.parent.type == "element_binding_expression"
        ):
            return Role("key", parent.parent.parent.parent if parent.type == "argument" else parent.parent)
        if parent.type == "initializer_expression" and parent.parent is not None and parent.parent.type == "initializer_expression":
            members = parent.named_children
            if len(members) == 2 and members[0] == node:
                return Role("key", parent.parent)
            return None
        if parent.type == "anonymous_object_creation_expression":
            before = node.prev_sibling
            while before is not None and not before.is_named:
                before = before.prev_sibling
            if before is not None and before.type == "identifier":
                return self._value(src.node_text(before), parent, None)
        return None
