"""What the backend languages (Go, Java, Kotlin, Rust, Ruby, PHP, C#) share.

Each language module describes its grammar in a few tables (which nodes are
strings, comments, comparisons, switch cases, collections, declarations,
calls) and, where its OpenAI SDK's own source shows one, the form of the
thinking toggle. This module does the rest the same way for all of them:

- a string literal that is a request value (a ``model`` field, key,
  named argument or builder call; a constant, a config value, an
  environment default) is renamed (safe);
- one that selects behaviour (a comparison, a switch case, a map key, a
  collection or enum member) is reported as DSM105 / DSM106, renamed only
  with ``--unsafe-fixes`` and never when the rename would make two distinct
  ids equal in one group (``collisions.merge_clash``);
- comments are DSM108; any other occurrence is DSM109, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ds_migrate.findings import Applicability, Finding, TextEdit
from ds_migrate.languages.base import Handler
from ds_migrate.deepseek.merges import merge_clash
from ds_migrate.languages.textscan import Collector
from ds_migrate.languages.treesitter import Source, parser_for, walk
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import LegacyName, find_legacy_names, openrouter_member
from ds_migrate.rules import messages
from ds_migrate.rules.comparison import LegacyModelComparison
from ds_migrate.rules.constant import LegacyModelConstant
from ds_migrate.rules.dynamic_name import PIECE, DynamicModelName, backend_piece
from ds_migrate.rules.env_default import LegacyEnvDefault
from ds_migrate.rules.legacy_name import LegacyName as LegacyNameRule
from ds_migrate.rules.model_argument import LegacyModelArgument
from ds_migrate.rules.model_table import LegacyModelTable
from ds_migrate.rules.other_provider import OtherProviderModel

MODEL_KEYS = frozenset({"model", "modelname", "model_name", "modelid", "model_id", "chatmodel", "llmmodel"})
_BUILDER_PREFIXES = ("set", "with")
_EQUALITY = frozenset({"==", "!=", "===", "!==", "eq", "ne"})
_EQUALITY_METHODS = frozenset({
    "equals", "equalsignorecase", "contains", "containskey", "includes", "include?", "eql?", "equal?",
    "in_array", "array_key_exists", "starts_with?", "strcmp",
})
_COLLECTION_CALLS = frozenset({
    "list.of", "set.of", "map.of", "map.entry", "arrays.aslist", "listof", "setof", "mapof", "arrayof",
    "mutablelistof", "mutablesetof", "mutablemapof", "hashmapof", "hashsetof", "linkedmapof", "sortedsetof",
    "immutablelist.of", "immutableset.of", "immutablemap.of", "vec!", "hashset", "btreeset", "set.new",
})
_DEFAULT_OPERATORS = frozenset({"??", "?:", "||", "or"})
_ENV = re.compile(r"getenv|\bENV\b|\$_ENV|\$_SERVER|env::var|GetEnvironmentVariable|\benv\(|System\.getenv", re.I)
_ENV_DEFAULT_METHODS = frozenset({"getordefault", "fetch", "orelse", "unwrap_or", "env", "getenv"})
_CONVERSION = re.compile(r"(?:^|[.:])(?:[A-Z]\w*Model\w*(?:\.of|::from|::new|\.from)?|String::from|String\.valueOf)$")


@dataclass
class Role:
    """What a string literal is in its program."""

    kind: str  # model | value | constant | env | compare | key | member | other
    container: Any = None  # the group a no-merge check looks at (compare, key, member)
    key: str | None = None  # the key or argument name (model, value)
    anchor: Any = None  # the pair, argument or call the value belongs to (model)


@dataclass
class Toggle:
    """A thinking toggle to add next to a rename, or the reason there is none."""

    edit: TextEdit | None = None
    note: str | None = None
    unsafe: bool = False


def normal_key(text: str) -> str:
    """``Model``, ``:model``, ``"model"``, ``'model' =>``, ``$model`` -> ``model``."""
    return text.strip().strip(":$@\"'`").lower()


def is_model_key(text: str | None) -> bool:
    if text is None:
        return False
    key = normal_key(text)
    for prefix in _BUILDER_PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :] in MODEL_KEYS:
            return True
    return key in MODEL_KEYS


def mode_value(name: LegacyName, mapping: Mapping) -> str:
    return mapping.replacement(name.base).mode


class TreeSitterHandler(Handler):
    """Base of the backend language handlers (no ``kind``: never chosen itself)."""

    grammar: ClassVar[tuple[str, str]] = ("", "language")
    string_types: ClassVar[frozenset[str]] = frozenset()
    comment_types: ClassVar[frozenset[str]] = frozenset({"comment"})
    # nodes that only wrap a value: climbed through
    wrappers: ClassVar[frozenset[str]] = frozenset({"parenthesized_expression"})
    # a named or positional argument, whose parent is the argument list
    argument_types: ClassVar[frozenset[str]] = frozenset()
    argument_list_types: ClassVar[frozenset[str]] = frozenset({"argument_list", "arguments"})
    comparison_types: ClassVar[frozenset[str]] = frozenset({"binary_expression"})
    # parent types that make a string a switch / when / match label, and the
    # ancestor type that holds all the labels of one switch
    case_types: ClassVar[frozenset[str]] = frozenset()
    switch_types: ClassVar[frozenset[str]] = frozenset()
    collection_types: ClassVar[frozenset[str]] = frozenset()
    declaration_types: ClassVar[frozenset[str]] = frozenset()
    # where the thinking mode goes when the SDK shows no form for it
    sdk_note: ClassVar[str] = "set thinking in the request body where the request is made"
    priority = 30

    # -- the language's own answers (overridden where the grammar differs) ------
    def pair_role(self, node, parent, src: Source) -> Role | None:
        """The role of a value or key in a key/value pair, or None if ``parent`` is no pair."""
        return None

    def argument_name(self, argument, src: Source) -> str | None:
        """The name of a named argument (``model: "..."``, ``model = "..."``)."""
        name = argument.child_by_field_name("name")
        return src.node_text(name) if name is not None else None

    def callee(self, call, src: Source) -> str:
        """The called function or method as written, without its arguments
        (``client.Chat.Completions.New``, ``ENV.fetch``); each language says."""
        function = call.child_by_field_name("function")
        return re.sub(r"\s+", "", src.node_text(function)) if function is not None else ""

    def library_uses(self, root, src: Source) -> list:
        """Uses of an SDK's constant for a retired id (library_uses.py), resolved
        through the file's imports; each language says."""
        return []

    def toggle(self, string, role: Role, name: LegacyName, src: Source, mapping: Mapping) -> Toggle | None:
        """The SDK's own form of the thinking toggle for this model value, if there is one."""
        return None

    def content(self, string, src: Source) -> str:
        """The text of a string literal without its delimiters (as written)."""
        text = src.node_text(string)
        match = re.match(r"^(?:[A-Za-z@$]*)(\"\"\"|'''|[\"'`])(.*)\1$", text, re.S)
        if match:
            return match.group(2)
        match = re.match(r'^r(#*)"(.*)"\1$', text, re.S)  # Rust raw strings
        return match.group(2) if match else text

    # -- scanning -------------------------------------------------------------------
    def parse(self, text: str):
        return parser_for(*self.grammar).parse(text.encode("utf-8"))

    def problem_with(self, text: str, path: str = "") -> str | None:
        if self.parse(text).root_node.has_error:
            return "the fixed code does not parse"
        return None

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        src = Source(text)
        tree = parser_for(*self.grammar).parse(src.data)
        out = Collector(path, text, mapping)
        claimed: set[int] = set()
        strings = []
        for node in walk(tree.root_node):
            if node.type in self.comment_types:
                if self._inside_string(node):
                    continue  # error recovery can put a "comment" inside a string: the string claims it
                offset = src.start(node)
                for name in find_legacy_names(src.node_text(node)):
                    out.comment(name, offset, (offset, src.end(node)))
                    claimed.add(offset + name.start)
            elif node.type in self.string_types and not self._inside_string(node):
                strings.append(node)
        uses = self.library_uses(tree.root_node, src)
        src.library_values = {_span(u.node): u.constant.value for u in uses}
        roles = {string.id: self.role(string, src) for string in strings + [u.node for u in uses]}
        compared = [self._value_of(s, src) for s in strings + [u.node for u in uses]
                    if roles[s.id].kind == "compare" and roles[s.id].container is None]
        file_clash = merge_clash(compared, mapping)
        for string in strings:
            body = src.node_text(string)
            offset = src.start(string)
            piece = backend_piece(body, lambda: self._concatenated(string, src))
            if piece is not None:
                start = offset + piece
                out.add(DynamicModelName, None, start, start + len(PIECE), messages.DYNAMIC_NAME)
            names = find_legacy_names(body)
            if not names:
                continue
            whole = len(names) == 1 and self.content(string, src) == names[0].text
            for name in names:
                claimed.add(offset + name.start)
                role = roles[string.id] if whole else Role("other")
                self._report(out, string, name, offset, role, src, mapping, file_clash)
        if uses:
            from ds_migrate.languages.library_uses import report_use

            for use in uses:
                report_use(self, out, use, roles[use.node.id], src, mapping, file_clash)
        for name in find_legacy_names(text):
            if name.start not in claimed:
                out.add(LegacyNameRule, name, name.start, name.end, messages.unclaimed(name, "outside any string or comment"))
        return out.findings

    def _inside_string(self, node) -> bool:
        parent = node.parent
        while parent is not None:
            if parent.type in self.string_types:
                return True
            parent = parent.parent
        return False

    def _concatenated(self, string, src: Source) -> bool:
        following = string.next_sibling
        return following is not None and src.node_text(following).strip() in ("+", ".", "<<")

    # -- what a string is -----------------------------------------------------------
    def climb(self, node, src: Source):
        """The node standing for the literal's value: through wrappers and
        conversions such as ``openai.ChatModel("...")``."""
        while node.parent is not None:
            parent = node.parent
            if parent.type in self.wrappers:
                node = parent
                continue
            if parent.type in self.argument_types and not self.argument_name(parent, src):
                lists = parent.parent
                if lists is not None and len(lists.named_children) == 1 and self._is_conversion(lists.parent, src):
                    node = lists.parent
                    continue
            if parent.type in self.argument_list_types and len(parent.named_children) == 1:
                if self._is_conversion(parent.parent, src):
                    node = parent.parent
                    continue
            converted = self.converted(node, src)
            if converted is not None:
                node = converted
                continue
            return node
        return node

    def converted(self, node, src: Source):
        """A language's own conversion around a value (Rust ``.to_string()``)."""
        return None

    def _is_conversion(self, call, src: Source) -> bool:
        return call is not None and bool(_CONVERSION.search(self.callee(call, src)))

    def role(self, string, src: Source) -> Role:
        node = self.climb(string, src)
        parent = node.parent
        if parent is None:
            return Role("other")
        kind = parent.type
        if kind in self.case_types:
            return Role("compare", self._switch_of(parent))
        if kind in self.comparison_types:
            operator = parent.child_by_field_name("operator")
            op = src.node_text(operator).strip() if operator is not None else self._operator(parent, src)
            if op in _EQUALITY:
                return Role("compare")
            if op in _DEFAULT_OPERATORS and parent.named_children and parent.named_children[-1] == node:
                if _ENV.search(src.node_text(parent.named_children[0])):
                    return Role("env")
        paired = self.pair_role(node, parent, src)
        if paired is not None:
            return paired
        if kind in self.argument_types:
            named = self.argument_name(parent, src)
            if named:
                lists = parent.parent
                return self._value(named, parent, lists.parent if lists is not None else None)
            node, parent = parent, parent.parent
            if parent is None:
                return Role("other")
            kind = parent.type
        if kind in self.argument_list_types:
            return self._argument(node, parent, src)
        if kind in self.collection_types:
            return Role("member", parent)
        if kind in self.declaration_types:
            return Role("constant")
        return self.other_role(node, parent, src)

    def other_role(self, node, parent, src: Source) -> Role:
        return Role("other")

    def _operator(self, node, src: Source) -> str:
        for child in node.children:
            if not child.is_named:
                return src.node_text(child).strip()
        return ""

    def _switch_of(self, node):
        current = node
        while current is not None and current.type not in self.switch_types:
            current = current.parent
        return current if current is not None else node.parent

    def _value(self, key: str, anchor, call) -> Role:
        if is_model_key(key):
            return Role("model", key=key, anchor=anchor)
        return Role("value", key=normal_key(key), anchor=anchor)

    def _argument(self, node, arguments, src: Source) -> Role:
        call = arguments.parent
        if call is None:
            return Role("other")
        callee = self.callee(call, src)
        method = callee.rsplit(".", 1)[-1].rsplit("::", 1)[-1].rsplit("->", 1)[-1]
        lowered = callee.lower()
        if method.lower() in _EQUALITY_METHODS:
            return Role("compare")
        if lowered in _COLLECTION_CALLS or method.lower() in _COLLECTION_CALLS:
            return Role("member", arguments)
        if self._enum_member(call):
            return Role("member", call.parent)
        if is_model_key(method):
            return Role("model", key=method, anchor=call)
        if method.lower() in _ENV_DEFAULT_METHODS and _ENV.search(callee + src.node_text(arguments)):
            return Role("env")
        if method.lower() in ("define", "const_set") and arguments.named_children and arguments.named_children[-1] == node:
            return Role("constant")
        return Role("other")

    def _enum_member(self, call) -> bool:
        return call.type in ("enum_constant", "enum_entry")

    # -- findings -------------------------------------------------------------------
    def _report(self, out: Collector, string, name: LegacyName, offset: int, role: Role, src: Source,
                mapping: Mapping, file_clash: str | None) -> None:
        start, end = offset + name.start, offset + name.end

        def add(rule, message, fix=None, note=None):
            out.add(rule, name, start, end, message, fix, note)

        variant = openrouter_member(name, self._strings_in(role.container, src)) if role.container is not None else None
        if variant is not None:  # a group of OpenRouter's ids (it lists a ':free' one): not DeepSeek's
            add(OtherProviderModel, messages.in_openrouter_catalogue(name, variant))
            return
        safe = out.rename_fix(name, Applicability.SAFE, offset)
        unsafe = out.rename_fix(name, Applicability.UNSAFE, offset)
        if role.kind == "model":
            toggle = self.toggle(string, role, name, src, mapping) if mapping.adds_toggle else None
            note = None
            if toggle is not None and toggle.edit is not None:
                safe.edits.append(toggle.edit)
                if toggle.unsafe:
                    safe.applicability = Applicability.UNSAFE
                note = toggle.note
            elif toggle is not None and toggle.note:
                note = toggle.note
            else:
                note = messages.fix_note("renamed only", f"{self.sdk_note}: thinking {mode_value(name, mapping)}")
            add(LegacyModelArgument, messages.retired(name, mapping, "Model of a request"), safe, note)
        elif role.kind == "value":
            add(LegacyModelConstant, messages.retired(name, mapping, f"Config value {role.key}"), safe,
                messages.set_mode_where_requested(name, mapping, "renamed the value"))
        elif role.kind == "constant" and role.container is not None and merge_clash(
                self._strings_in(role.container, src), mapping):
            add(LegacyModelTable, f"Retired model '{name.text}' in a group of constants: the current model is "
                f"'{messages.replacement(name, mapping)}'; review the group",
                None, merge_clash(self._strings_in(role.container, src), mapping))
        elif role.kind == "constant":
            add(LegacyModelConstant, messages.retired(name, mapping, "Constant"), safe,
                messages.set_mode_where_requested(name, mapping, "constant renamed"))
        elif role.kind == "env":
            add(LegacyEnvDefault, messages.retired(name, mapping, "Environment default"), safe,
                messages.set_mode_where_requested(name, mapping, "renamed the default"))
        elif role.kind == "compare":
            labels = [] if role.container is None else [
                self._value_of(n, src) for n in self._valued(role.container, src) if self.role(n, src).kind == "compare"
            ]
            clash = file_clash if role.container is None else merge_clash(labels, mapping)
            add(LegacyModelComparison, messages.comparison(name, mapping), None if clash else unsafe, clash)
        elif role.kind in ("key", "member"):
            clash = merge_clash(self._strings_in(role.container, src), mapping)
            what = "key of a table" if role.kind == "key" else "member of a collection"
            add(LegacyModelTable, messages.table_entry(name, mapping, what), None if clash else unsafe, clash)
        else:
            add(LegacyNameRule, messages.other_use(name, mapping), unsafe)

    def _strings_in(self, container, src: Source) -> list[str]:
        if container is None:
            return []
        return [self._value_of(n, src) for n in self._valued(container, src)]

    def _valued(self, container, src: Source) -> list:
        """The string literals and library constants (their ids) in ``container``."""
        constants = src.library_values
        return [n for n in walk(container)
                if (n.type in self.string_types and not self._inside_string(n)) or _span(n) in constants]

    def _value_of(self, node, src: Source) -> str:
        return src.library_values.get(_span(node)) or self.content(node, src)


def _span(node) -> tuple[int, int, str]:
    return node.start_byte, node.end_byte, node.type


def has_key(container, src: Source, key: str) -> bool:
    """Does the text of ``container`` already set ``key`` (``thinking``)?"""
    return re.search(rf"""(?:^|[^\w-]){key}(?:$|[^\w-])""", src.node_text(container)) is not None


def quote_of(string, src: Source) -> str:
    first = src.node_text(string)[:1]
    return first if first in "'\"" else '"'
