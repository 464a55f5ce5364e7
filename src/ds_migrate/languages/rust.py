"""Rust, parsed with tree-sitter-rust.

Model values in struct fields (``model: "...".to_string()``), builder calls
(async-openai's ``CreateChatCompletionRequestArgs::default().model("...")``),
constants, ``env::var(..).unwrap_or(..)`` defaults and ``json!`` bodies are
renamed. No Rust client's source was checked for a body-extension form, so
the note says where the thinking mode must be set; a ``serde_json::json!``
body with ``"model"`` and ``"messages"`` is the raw HTTP request, where the
body key ``"thinking": {"type": ...}`` is DeepSeek's own documented form and
is added.
"""

from __future__ import annotations

import re

from ds_migrate.findings import TextEdit
from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, has_key, mode_value
from ds_migrate.languages.treesitter import Source, append_member
from ds_migrate.languages.kinds import PATTERNS

_CONVERSIONS = frozenset({"to_string", "to_owned", "into", "to_lowercase"})


class Rust(TreeSitterHandler):
    kind = "rust"
    patterns = PATTERNS["rust"]
    grammar = ("tree_sitter_rust", "language")
    string_types = frozenset({"string_literal", "raw_string_literal"})
    comment_types = frozenset({"line_comment", "block_comment"})
    argument_list_types = frozenset({"arguments"})
    case_types = frozenset({"match_pattern"})
    switch_types = frozenset({"match_block"})
    collection_types = frozenset({"array_expression"})
    declaration_types = frozenset({"const_item", "static_item", "let_declaration", "assignment_expression"})
    sdk_note = "set thinking {\"type\": ...} in the request body where the request is made"

    def converted(self, node, src: Source):
        parent = node.parent
        if parent.type == "field_expression" and parent.child_by_field_name("value") == node:
            field = parent.child_by_field_name("field")
            call = parent.parent
            if field is not None and src.node_text(field) in _CONVERSIONS and call is not None and call.type == "call_expression":
                return call
        return None

    def callee(self, call, src: Source) -> str:
        if call.type == "macro_invocation":
            macro = call.child_by_field_name("macro")
            return (src.node_text(macro) + "!") if macro is not None else ""
        function = call.child_by_field_name("function")
        if function is None:
            return ""
        if function.type == "field_expression":
            field = function.child_by_field_name("field")
            value = function.child_by_field_name("value")
            return re.sub(r"\s+", "", src.node_text(value)) + "." + src.node_text(field)
        return re.sub(r"\s+", "", src.node_text(function))

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type == "field_initializer":
            field = parent.child_by_field_name("field")
            return self._value(src.node_text(field), parent, None) if field is not None else None
        if parent.type == "token_tree":
            return self._token_tree_role(node, parent, src)
        return None

    def _token_tree_role(self, node, tree, src: Source) -> Role:
        before = node.prev_sibling
        after = node.next_sibling
        if after is not None and src.node_text(after) == ":":
            return Role("key", tree)
        if before is not None and src.node_text(before) == ":":
            key = before.prev_sibling
            if key is not None and key.type in self.string_types:
                return self._value(self.content(key, src), tree, None)
        macro = tree.parent
        if macro is not None and macro.type == "macro_invocation" and self.callee(macro, src) == "vec!":
            return Role("member", tree)
        if tree.parent is not None and tree.parent.type == "token_tree" and tree.type == "token_tree":
            return Role("member", tree)
        return Role("other")

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        tree = role.anchor
        if tree is None or tree.type != "token_tree":
            return None
        macro = tree.parent
        while macro is not None and macro.type == "token_tree":
            macro = macro.parent
        if macro is None or macro.type != "macro_invocation" or self.callee(macro, src).rsplit("::", 1)[-1] != "json!":
            return None
        if not has_key(tree, src, '"messages"'):
            return None
        if has_key(tree, src, '"thinking"'):
            return Toggle(note="the body already sets thinking; kept as is")
        members = [c for c in tree.children if c.is_named]
        if not members or src.node_text(tree)[:1] != "{":
            return None
        mode = mode_value(name, mapping)
        start, end, new = append_member(src.text, src.end(members[-1]), src.end(tree) - 1,
                                        f'"thinking": {{"type": "{mode}"}}')
        return Toggle(TextEdit(start, end, new))
