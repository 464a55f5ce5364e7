"""Go, parsed with tree-sitter-go.

The thinking toggle, as openai-go's own source shows it: a request option
that sets a key of the JSON body,

    option.WithJSONSet("thinking", map[string]string{"type": "disabled"})

``option.WithJSONSet(key string, value interface{}) RequestOption`` in
openai/openai-go ``option/requestoption.go`` sets ``key`` in the serialized
body with sjson (tidwall/sjson ``SetBytesOptions`` marshals a value that is not
a string, number or bool with encoding/json, so the map becomes the object
``{"type": "disabled"}``), and ``ChatCompletionService.New(ctx, body
ChatCompletionNewParams, opts ...option.RequestOption)`` (and
``NewStreaming``) in ``chatcompletion.go`` take such options after the
params. So a ``Model:`` field of a ``ChatCompletionNewParams`` literal passed
to ``...Chat.Completions.New(...)`` gets the option as a last argument,
when the file imports openai-go's ``option`` package under that name (the
fix adds no import: code that would not compile is never written).
"""

from __future__ import annotations

import re

from ds_migrate.findings import TextEdit
from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, has_key, mode_value
from ds_migrate.languages.treesitter import Source, append_member
from ds_migrate.languages.kinds import PATTERNS

_NEW = re.compile(r"\.Completions\.New(?:Streaming)?$")
_LIBRARY_IMPORT = re.compile(r"/deepseek")  # an SDK import may be there: look closer (library_uses.py)
_OPTION_IMPORT = re.compile(r'(?m)^\s*(?:import\s+)?"github\.com/openai/openai-go(?:/v\d+)?/option"')


class Go(TreeSitterHandler):
    kind = "go"
    patterns = PATTERNS["go"]
    grammar = ("tree_sitter_go", "language")
    string_types = frozenset({"interpreted_string_literal", "raw_string_literal"})
    comment_types = frozenset({"comment"})
    wrappers = frozenset({"parenthesized_expression", "literal_element", "expression_list"})
    argument_list_types = frozenset({"argument_list"})
    case_types = frozenset({"expression_case"})
    switch_types = frozenset({"expression_switch_statement"})
    collection_types = frozenset({"literal_value"})
    declaration_types = frozenset({"const_spec", "var_spec", "short_var_declaration", "assignment_statement"})
    sdk_note = ("set thinking in the request body where the request is made (openai-go: "
                'option.WithJSONSet("thinking", map[string]string{"type": ...}))')

    def library_uses(self, root, src: Source) -> list:
        from ds_migrate.languages.library_uses import go_uses, plan_import_removal

        uses, imports = go_uses(root, src)
        return plan_import_removal(uses, imports, root, src)

    def problem_with(self, text: str, path: str = "") -> str | None:
        problem = super().problem_with(text, path)
        if problem is None and _LIBRARY_IMPORT.search(text):  # a last safeguard: fixes remove what they leave unused
            from ds_migrate.languages.library_uses import unused_imports

            left = unused_imports(self.parse(text).root_node, Source(text))
            if left:
                problem = f"the fixed code leaves the import of {left[0]} unused (Go refuses it)"
        return problem

    def pair_role(self, node, parent, src: Source) -> Role | None:
        if parent.type != "keyed_element":
            return None
        key = parent.child_by_field_name("key")
        if key is None:
            children = parent.named_children
            key = children[0] if children else None
        if key is None:
            return None
        if key == node:
            return Role("key", parent.parent)
        literal = parent.parent.parent if parent.parent is not None else None
        return self._value(src.node_text(key), parent, literal)

    def role(self, string, src: Source) -> Role:
        role = super().role(string, src)
        if role.kind == "constant":
            spec = self.climb(string, src).parent
            block = spec.parent if spec is not None and spec.type == "const_spec" else None
            if block is not None and len([c for c in block.named_children if c.type == "const_spec"]) > 1:
                role.container = block  # a const block is Go's enum: no two members may merge
        return role

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        keyed = role.anchor
        literal = keyed.parent.parent if keyed is not None and keyed.parent is not None else None
        if literal is None or literal.type != "composite_literal":
            return None
        kind = literal.child_by_field_name("type")
        if kind is None or not src.node_text(kind).endswith("ChatCompletionNewParams"):
            return None
        argument = literal.parent
        if argument is not None and argument.type == "unary_expression":
            argument = argument.parent
        if argument is None or argument.type != "argument_list":
            return None
        call = argument.parent
        if call is None or not _NEW.search(self.callee(call, src)):
            return None
        mode = mode_value(name, mapping)
        option = f'option.WithJSONSet("thinking", map[string]string{{"type": "{mode}"}})'
        if has_key(argument, src, '"thinking"') or has_key(literal.child_by_field_name("body"), src, "Thinking"):
            return Toggle(note="the call already sets thinking; kept as is")
        if not _OPTION_IMPORT.search(src.text):
            return Toggle(note=f"fix renames only; add {option} to the New call "
                          "(import github.com/openai/openai-go/option)")
        last = argument.named_children[-1]
        start, end, new = append_member(src.text, src.end(last), src.end(argument) - 1, option)
        return Toggle(TextEdit(start, end, new))
