"""Java, parsed with tree-sitter-java.

The thinking toggle, as openai-java's own source shows it: every params
builder takes extra body properties,

    .putAdditionalBodyProperty("thinking", JsonValue.from(Collections.singletonMap("type", "disabled")))

``ChatCompletionCreateParams.Builder.putAdditionalBodyProperty(key: String,
value: JsonValue)`` in openai/openai-java
``openai-java-core/src/main/kotlin/com/openai/models/chat/completions/ChatCompletionCreateParams.kt``
adds ``key`` to the serialized body (README, "Undocumented API functionality
/ Parameters"), and ``JsonValue.from(value: Any?)`` in
``openai-java-core/src/main/kotlin/com/openai/core/Values.kt`` converts any
``Map`` with Jackson. The README shows ``JsonValue.from(Map.of(...))``, but
``Map.of`` is Java 9 and the SDK supports Java 8 ("This library requires
Java 8 or later"), so the fix uses ``Collections.singletonMap``, which every
version has. A ``.model("...")`` call in a ``ChatCompletionCreateParams.builder()``
chain gets the property right after it. ``JsonValue`` and ``Collections``
are written fully qualified unless the file imports them, so no import is
needed.
"""

from __future__ import annotations

import re

from ds_migrate.deepseek.hosts import is_deepseek_url
from ds_migrate.findings import TextEdit, roles
from ds_migrate.languages.backend import Role, Toggle, TreeSitterHandler, has_key, mode_value
from ds_migrate.languages.treesitter import Source, line_indent, newline_of, walk
from ds_migrate.languages.kinds import PATTERNS

OPENAI_JAVA_BUILDER = "ChatCompletionCreateParams.builder()"


def imported(text: str, qualified: str) -> bool:
    package = qualified.rsplit(".", 1)[0]
    return re.search(rf"(?m)^\s*import\s+(?:{re.escape(qualified)}|{re.escape(package)}\.\*)\s*;?\s*$", text) is not None


def chain_toggle(call, name_node, src: Source, property_text: str, root) -> Toggle | None:
    """The ``putAdditionalBodyProperty`` call to put after the builder call
    ``call`` (whose method name is ``name_node``), keeping the chain's layout."""
    if OPENAI_JAVA_BUILDER not in re.sub(r"\s+", "", src.node_text(root)):
        return None
    if "putAdditionalBodyProperty(\"thinking\"" in re.sub(r"\s+", "", src.node_text(root)):
        return Toggle(note="the builder already sets thinking; kept as is")
    text = src.text
    dot = text.rfind(".", 0, src.start(name_node))
    line_start = max(text.rfind("\n", 0, dot), text.rfind("\r", 0, dot)) + 1
    at = src.end(call)
    if dot >= 0 and text[line_start:dot].strip() == "":
        new = f"{newline_of(text, dot)}{line_indent(text, dot)}.{property_text}"
    else:
        new = f".{property_text}"
    return Toggle(TextEdit(at, at, new))


def chain_root(call):
    """The outermost call of the method chain holding ``call``."""
    node = call
    while node.parent is not None and node.parent.type in ("method_invocation", "field_access", "navigation_expression",
                                                           "call_expression", "navigation_suffix"):
        node = node.parent
    return node


def src_root(node):
    while node.parent is not None:
        node = node.parent
    return node


def private_model_constant_uses(value, src: Source) -> list[int]:
    """The lines of the ``.model(NAME)`` calls that read the private field
    ``NAME`` whose initialiser is ``value``, when they are its only readers
    (and there is one): nothing outside the class can see it, so it is the
    model of those requests and nothing else (a live test's model). Else []."""
    declarator = value.parent
    field = declarator.parent if declarator is not None else None
    if declarator is None or declarator.type != "variable_declarator" or field is None or field.type != "field_declaration":
        return []
    modifiers = next((c for c in field.children if c.type == "modifiers"), None)
    if modifiers is None or "private" not in src.node_text(modifiers).split():
        return []
    name_node = declarator.child_by_field_name("name")
    if name_node is None:
        return []
    name = src.node_text(name_node)
    lines = []
    for node in walk(src_root(field)):
        if node.type != "identifier" or node == name_node or src.node_text(node) != name:
            continue
        arguments = node.parent
        call = arguments.parent if arguments is not None else None
        if arguments is None or arguments.type != "argument_list" or len(arguments.named_children) != 1 or \
                call is None or call.type != "method_invocation" or \
                src.node_text(call.child_by_field_name("name")) != "model":
            return []
        lines.append(node.start_point[0] + 1)
    return sorted(set(lines))


class Java(TreeSitterHandler):
    kind = "java"
    patterns = PATTERNS["java"]
    grammar = ("tree_sitter_java", "language")
    string_types = frozenset({"string_literal"})
    comment_types = frozenset({"line_comment", "block_comment"})
    argument_list_types = frozenset({"argument_list"})
    case_types = frozenset({"switch_label"})
    switch_types = frozenset({"switch_block"})
    collection_types = frozenset({"array_initializer", "element_value_array_initializer"})
    declaration_types = frozenset({"variable_declarator", "assignment_expression"})
    sdk_note = ("set thinking in the request body where the request is made (openai-java: "
                '.putAdditionalBodyProperty("thinking", JsonValue.from(Collections.singletonMap("type", ...))))')

    def callee(self, call, src: Source) -> str:
        name = call.child_by_field_name("name")
        target = call.child_by_field_name("object")
        if call.type == "object_creation_expression":
            name = call.child_by_field_name("type")
        text = src.node_text(name) if name is not None else ""
        if target is not None:
            text = src.node_text(target) + "." + text
        return re.sub(r"\s+", "", text)

    def _enum_member(self, call) -> bool:
        return call.type == "enum_constant"

    def library_uses(self, root, src: Source) -> list:
        from ds_migrate.languages.library_uses import java_uses

        return java_uses(root, src)

    def scan(self, path: str, text: str, mapping):
        findings = super().scan(path, text, mapping)
        if re.search(r'\.put\(\s*"model"', text):
            from ds_migrate.languages.java_body_map import body_maps_without_mode
            from ds_migrate.languages.textscan import Collector

            out = Collector(path, text, mapping)
            collections = "Collections" if imported(text, "java.util.Collections") else "java.util.Collections"
            body_maps_without_mode(out, self.parse(text).root_node, Source(text), mapping, collections)
            findings += out.findings
        return findings

    def _report(self, out, string, name, offset, role: Role, src: Source, mapping, file_clash) -> None:
        before = len(out.findings)
        super()._report(out, string, name, offset, role, src, mapping, file_clash)
        if role.kind != "constant" or role.container is not None:
            return
        lines = private_model_constant_uses(self.climb(string, src), src)
        if lines:
            where = ", ".join(str(line) for line in lines)
            live = any(is_deepseek_url(self.content(n, src)) for n in walk(src_root(string))
                       if n.type in self.string_types)
            for finding in out.findings[before:]:
                # contained: only this file's requests read it; in a test that names
                # DeepSeek's host, they are sent to DeepSeek (decide.py)
                finding.role = roles.LIVE_REQUEST if live else roles.REQUEST
                finding.note = (f"fix renames the constant; set thinking {mode_value(name, mapping)} at the requests that "
                                f"read it (.model(...) on line {where})")

    def toggle(self, string, role: Role, name, src: Source, mapping) -> Toggle | None:
        call = role.anchor
        if call is None or call.type != "method_invocation":
            return None
        mode = mode_value(name, mapping)
        json_value = "JsonValue" if imported(src.text, "com.openai.core.JsonValue") else "com.openai.core.JsonValue"
        collections = "Collections" if imported(src.text, "java.util.Collections") else "java.util.Collections"
        prop = f'putAdditionalBodyProperty("thinking", {json_value}.from({collections}.singletonMap("type", "{mode}")))'
        return chain_toggle(call, call.child_by_field_name("name"), src, prop, chain_root(call))


__all__ = ["Java", "chain_toggle", "chain_root", "imported", "has_key"]
