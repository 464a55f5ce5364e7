"""PHP, parsed with tree-sitter-php.

The thinking toggle, as openai-php/client's own source shows it: the array
given to ``$client->chat()->create([...])`` is the request body. In
openai-php/client ``src/Resources/Chat.php``, ``create(array $parameters)``
and ``createStreamed(array $parameters)`` build
``Payload::create('chat/completions', $parameters)``, which sends the array
as the JSON body. So a ``'model' => '...'`` element of that array gets a
``'thinking' => ['type' => 'disabled']`` element beside it.
"""

from __future__ import annotations

import re

from ds_migrate.findings import TextEdit
from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, has_key, mode_value, quote_of
from ds_migrate.languages.treesitter import Source, append_member
from ds_migrate.languages.kinds import PATTERNS


class Php(TreeSitterHandler):
    kind = "php"
    patterns = PATTERNS["php"]
    grammar = ("tree_sitter_php", "language_php")
    string_types = frozenset({"string", "encapsed_string"})
    comment_types = frozenset({"comment"})
    argument_types = frozenset({"argument"})
    argument_list_types = frozenset({"arguments"})
    case_types = frozenset({"case_statement", "match_condition_list"})
    switch_types = frozenset({"switch_block", "match_block"})
    collection_types = frozenset({"array_creation_expression"})
    declaration_types = frozenset({"const_element", "assignment_expression", "property_element", "simple_parameter",
                                   "property_declaration"})
    sdk_note = "set 'thinking' => ['type' => ...] in the request body where the request is made"

    def climb(self, node, src: Source):
        node = super().climb(node, src)
        parent = node.parent
        # an array element without a key only wraps its value
        if parent is not None and parent.type == "array_element_initializer" and len(parent.named_children) == 1:
            return super().climb(parent, src) if parent.parent is not None else parent
        return node

    def callee(self, call, src: Source) -> str:
        name = call.child_by_field_name("name") or call.child_by_field_name("function")
        target = call.child_by_field_name("object") or call.child_by_field_name("scope")
        text = src.node_text(name) if name is not None else ""
        if target is not None:
            text = src.node_text(target) + "->" + text
        return re.sub(r"\s+", "", text)

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type == "conditional_expression":
            condition = parent.child_by_field_name("condition")
            if parent.child_by_field_name("alternative") == node and condition is not None:
                if re.search(r"getenv|\$_ENV|\$_SERVER|\benv\(", src.node_text(condition)):
                    return Role("env")
            return None
        if parent.type != "array_element_initializer" or len(parent.named_children) != 2:
            return None
        key, value = parent.named_children
        if key == node:
            return Role("key", parent.parent)
        key_text = self.content(key, src) if key.type in self.string_types else src.node_text(key)
        return self._value(key_text, parent, None)

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        element = role.anchor
        array = element.parent if element is not None else None
        if array is None or array.type != "array_creation_expression":
            return None
        argument = array.parent
        arguments = argument.parent if argument is not None and argument.type == "argument" else None
        call = arguments.parent if arguments is not None else None
        if call is None or call.type != "member_call_expression":
            return None
        if not re.search(r"->chat\(\)->create(?:Streamed)?$", self.callee(call, src)):
            return None
        if has_key(array, src, "thinking"):
            return Toggle(note="the request already sets thinking; kept as is")
        mode = mode_value(name, mapping)
        key = element.named_children[0]
        q = src.node_text(key)[:1] if src.node_text(key)[:1] in "'\"" else quote_of(string, src)
        member = f"{q}thinking{q} => [{q}type{q} => {q}{mode}{q}]"
        elements = [c for c in array.named_children if c.type == "array_element_initializer"]
        start, end, new = append_member(src.text, src.end(elements[-1]), src.end(array) - 1, member)
        return Toggle(TextEdit(start, end, new))
