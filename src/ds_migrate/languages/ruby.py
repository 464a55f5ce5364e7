"""Ruby, parsed with tree-sitter-ruby.

The thinking toggle, as ruby-openai's own source shows it: the
``parameters:`` hash of ``client.chat(parameters: {...})`` is the request
body, sent as it is. In alexrudall/ruby-openai ``lib/openai/client.rb``,
``def chat(parameters: {})`` calls ``json_post(path: "/chat/completions",
parameters: parameters)``, and ``lib/openai/http.rb``
(``configure_json_post_request``) sets ``req.body = req_parameters.to_json``.
So a ``model:`` key of that hash gets a ``thinking: { type: "disabled" }``
key beside it, written in the hash's own key style.
"""

from __future__ import annotations

import re

from ds_migrate.findings import TextEdit
from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, has_key, mode_value, quote_of
from ds_migrate.languages.treesitter import Source, append_member
from ds_migrate.languages.kinds import PATTERNS


class Ruby(TreeSitterHandler):
    kind = "ruby"
    patterns = PATTERNS["ruby"]
    grammar = ("tree_sitter_ruby", "language")
    string_types = frozenset({"string", "bare_string", "delimited_symbol"})
    comment_types = frozenset({"comment"})
    wrappers = frozenset({"parenthesized_statements"})
    argument_list_types = frozenset({"argument_list"})
    comparison_types = frozenset({"binary"})
    case_types = frozenset({"pattern", "when"})
    switch_types = frozenset({"case"})
    collection_types = frozenset({"array", "string_array", "symbol_array"})
    declaration_types = frozenset({"assignment", "operator_assignment", "optional_parameter", "keyword_parameter"})
    sdk_note = "set thinking: { type: ... } in the request body where the request is made"

    def callee(self, call, src: Source) -> str:
        method = call.child_by_field_name("method")
        receiver = call.child_by_field_name("receiver")
        text = src.node_text(method) if method is not None else ""
        if receiver is not None:
            text = src.node_text(receiver) + "." + text
        return re.sub(r"\s+", "", text)

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type != "pair":
            return None
        key = parent.child_by_field_name("key")
        if key is None:
            return None
        if key == node:
            return Role("key", parent.parent)
        return self._value(self.content(key, src) if key.type in self.string_types else src.node_text(key),
                           parent, None)

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        pair = role.anchor
        hash_node = pair.parent if pair is not None else None
        if hash_node is None or hash_node.type != "hash":
            return None
        outer = hash_node.parent
        if outer is None or outer.type != "pair":
            return None
        outer_key = outer.child_by_field_name("key")
        if outer_key is None or src.node_text(outer_key).strip(":\"' ") != "parameters":
            return None
        arguments = outer.parent
        call = arguments.parent if arguments is not None else None
        if call is None or call.type != "call" or not self.callee(call, src).endswith(".chat"):
            return None
        if has_key(hash_node, src, "thinking"):
            return Toggle(note="the request already sets thinking; kept as is")
        mode = mode_value(name, mapping)
        q = quote_of(string, src)
        key_text = src.node_text(pair.child_by_field_name("key"))
        if key_text.startswith(("'", '"')):
            k = key_text[0]
            member = f"{k}thinking{k} => {{ {k}type{k} => {q}{mode}{q} }}"
        elif key_text.startswith(":"):
            member = f":thinking => {{ :type => {q}{mode}{q} }}"
        else:
            member = f"thinking: {{ type: {q}{mode}{q} }}"
        pairs = [c for c in hash_node.named_children if c.type != "comment"]
        start, end, new = append_member(src.text, src.end(pairs[-1]), src.end(hash_node) - 1, member)
        return Toggle(TextEdit(start, end, new))
