"""JavaScript and TypeScript, parsed with tree-sitter.

The same shapes as in Python: a model property, ``openai.chat.completions
.create({...})``, constants, ``process.env.X ?? "deepseek-chat"``, zod
defaults, comparisons, switch cases, keys, union and enum members, comments.
An openai-node ``create({...})`` object gets ``thinking: { type: ... }``,
preceded in TypeScript by the ``// @ts-expect-error`` line openai-node
documents for undocumented body parameters. This module finds and
classifies; the edits that add the thinking mode are javascript_toggles.py.
"""

from __future__ import annotations

import re

from ds_migrate.findings import Applicability, Finding
from ds_migrate.languages.base import Handler
from ds_migrate.languages.javascript_toggles import (
    NOT_A_BODY, json_body_toggle, key_name, openai_thinking_edit, vercel_toggle,
)
from ds_migrate.languages.textscan import Collector, mode_note, replacement, retired_message
from ds_migrate.languages.treesitter import Source, parser_for, walk
from ds_migrate.mapping import Mapping
from ds_migrate.names import find_legacy_names
from ds_migrate.rules import rule_by_code
from ds_migrate.rules.compat_code import as_compat, names_current_id

MODEL_KEYS = {"model", "modelName", "model_name", "modelId", "model_id", "id"}
_CREATE = re.compile(r"\bchat\.completions\.(?:create|parse|stream)$|\bchat\.completions\.with\w*\.create$")
_VERCEL = {"deepseek", "deepSeek"}
_TS_SUFFIXES = (".ts", ".mts", ".cts")


def _parser(dialect: str):
    if dialect == "js":
        return parser_for("tree_sitter_javascript")
    return parser_for("tree_sitter_typescript", "language_tsx" if dialect == "tsx" else "language_typescript")


def dialect_of(path: str) -> str:
    if path.endswith(".tsx"):
        return "tsx"
    if path.endswith(_TS_SUFFIXES):
        return "ts"
    return "js"


_Source = Source
_walk = walk


def _in_comparison(fragment, src: Source) -> bool:
    string = fragment.parent
    parent = string.parent if string is not None else None
    if parent is None:
        return False
    if parent.type == "switch_case":
        return True
    if parent.type == "binary_expression":
        operator = parent.child_by_field_name("operator")
        return operator is not None and src.node_text(operator) in ("===", "==", "!==", "!=")
    if parent.type == "arguments" and parent.parent is not None:
        callee = parent.parent.child_by_field_name("function")
        return callee is not None and src.node_text(callee).endswith(".includes")
    return False


_FUNCTIONS = {"function_declaration", "function_expression", "arrow_function", "method_definition", "function"}


def _compat_spans(compared, src: Source) -> list[tuple[int, int]]:
    """Character spans of the functions whose comparisons already name a V4
    id: their comparisons on legacy ids are compat code (rules/compat_code.py)."""
    spans = []
    for fragment in compared:
        if not names_current_id(src.node_text(fragment)):
            continue
        node = fragment.parent
        while node is not None and node.type not in _FUNCTIONS and node.type != "program":
            node = node.parent
        if node is not None:
            spans.append((src.char(node.start_byte), src.char(node.end_byte)))
    return spans


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _describes_models(obj, src: Source) -> bool:
    """An object keyed by model id whose values are numbers, or objects of numbers (a price table)."""
    values = [p.child_by_field_name("value") for p in obj.named_children if p.type == "pair"] if obj is not None else []
    values = [v for v in values if v is not None]

    def numeric(node) -> bool:
        if node.type == "number":
            return True
        if node.type == "object":
            inner = [p.child_by_field_name("value") for p in node.named_children if p.type == "pair"]
            return bool(inner) and all(v is not None and v.type == "number" for v in inner)
        return False

    return bool(values) and all(numeric(v) for v in values)


_PROVIDER_KEYS = {"provider", "modelProvider", "model_provider", "vendor", "backend"}


def _sibling_provider(obj, src: Source) -> str | None:
    """``{ provider: "openrouter", model: ... }``: another provider named beside the model."""
    if obj is None:
        return None
    for pair in obj.named_children:
        if pair.type == "pair" and key_name(pair, src) in _PROVIDER_KEYS:
            value = pair.child_by_field_name("value")
            text = src.node_text(value).strip("'\"`") if value is not None and value.type == "string" else None
            if text and text.lower() not in {"deepseek", "deepseek-ai"}:
                return text
    return None


# A receiver that holds one model id (``model.includes(...)`` tests the id, not a list).
_NAMES_AN_ID = re.compile(r"model|name|(^|_)id$|slug")


class JavaScript(Handler):
    kind = "javascript"
    patterns = ("*.js", "*.mjs", "*.cjs", "*.jsx", "*.ts", "*.tsx", "*.mts", "*.cts")
    priority = 20

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        src = _Source(text)
        tree = _parser(dialect_of(path)).parse(src.data)
        out = Collector(path, text, mapping)
        typescript = dialect_of(path) != "js"
        claimed: set[int] = set()
        compared = [n for n in _walk(tree.root_node) if n.type == "string_fragment" and _in_comparison(n, src)]
        compat_spans = _compat_spans(compared, src)
        comparison_clash = self._comparison_clash(
            [n for n in compared if not _within(src.char(n.start_byte), compat_spans)], src, mapping
        )
        for node in _walk(tree.root_node):
            if node.type == "comment":
                for name in find_legacy_names(src.node_text(node)):
                    offset = src.char(node.start_byte)
                    out.comment(name, offset)
                    claimed.add(offset + name.start)
            elif node.type == "string_fragment":
                offset = src.char(node.start_byte)
                for name in find_legacy_names(src.node_text(node)):
                    self._string(out, node, name, offset, src, mapping, typescript, comparison_clash)
                    claimed.add(offset + name.start)
            elif node.type == "template_string":
                body = src.node_text(node)
                match = re.search(r"deepseek-\$\{", body, re.IGNORECASE)
                if match:
                    start = src.char(node.start_byte) + match.start()
                    out.add("DSM107", None, start, start + len("deepseek-"),
                            "Model name built at run time from 'deepseek-': if the rest is 'chat' or 'reasoner' "
                            "it names a model retired on 2026-07-24")
        for name in find_legacy_names(text):
            if name.start not in claimed:
                out.add("DSM109", name, name.start, name.end,
                        f"Retired model name '{name.text}' (outside any string or comment)")
        if compat_spans:
            compat = rule_by_code("DSM113")
            for finding in out.findings:
                if finding.code in ("DSM105", "DSM112") and _within(finding.offset, compat_spans):
                    as_compat(finding, compat)
        return out.findings

    def problem_with(self, text: str, path: str = "") -> str | None:
        tree = _parser(dialect_of(path)).parse(text.encode("utf-8"))
        if tree.root_node.has_error:
            return "the fixed code does not parse"
        return None

    # -- one string -------------------------------------------------------------
    def _string(self, out, fragment, name, offset, src, mapping, typescript, comparison_clash) -> None:
        string = fragment.parent
        parent = string.parent if string is not None else None
        start, end = offset + name.start, offset + name.end
        whole = src.node_text(fragment) == name.text and string is not None and string.type == "string"
        rename = out.rename_fix(name, Applicability.SAFE, offset)

        def add(code, message, fix=None, note=None, role=None):
            out.add(code, name, start, end, message, fix, note, role=role)

        if whole and parent is not None and parent.type == "pair":
            if parent.child_by_field_name("key") == string:
                self._key(add, out, name, offset, parent.parent, src, mapping)
                return
            key = key_name(parent, src)
            if key in MODEL_KEYS:
                self._model_property(add, out, name, offset, parent, string, src, mapping, typescript)
                return
            clash = self._collection_clash(parent.parent, src, mapping)
            if clash:  # { chat: "deepseek-chat", reasoner: "deepseek-reasoner" }: a map of ids
                add("DSM106", f"Retired model '{name.text}' as a value of a map of model ids: the current model "
                    f"is '{replacement(name, mapping)}'; review the map", None, clash)
                return
            add("DSM103", retired_message(name, mapping, f"Config value {key}"), rename,
                mode_note(name, mapping, "renamed the value"))
            return
        if whole and parent is not None and parent.type == "arguments":
            call = parent.parent
            callee = call.child_by_field_name("function") if call is not None else None
            callee_text = src.node_text(callee) if callee is not None else ""
            if callee_text in _VERCEL and parent.named_children and parent.named_children[0] == string:
                note = "renamed; set providerOptions: { deepseek: { thinking: { type: " \
                    f"'{mapping.replacement(name.base).mode}' }} }} where the model is called"
                if mapping.adds_toggle:
                    note = vercel_toggle(rename, call, string, src, mapping.replacement(name.base).mode, note)
                add("DSM101", retired_message(name, mapping, "Vercel AI SDK model"), rename, note)
                return
            if callee_text.endswith(".default"):
                add("DSM104", retired_message(name, mapping, "Schema default"), rename,
                    mode_note(name, mapping, "renamed the default"))
                return
            receiver = callee_text.rsplit(".", 1)[0].rsplit(".", 1)[-1].lower()
            if callee_text.endswith(".includes") and not _NAMES_AN_ID.search(receiver):
                self._comparison(add, out, name, offset, mapping, comparison_clash)  # allowed.includes(...)
                return
            if callee_text.endswith((".includes", ".startsWith", ".endsWith", ".indexOf")):
                # model.includes("deepseek-reasoner"): classifies ids ("is it a reasoning model?")
                add("DSM112", f"Retired model '{name.text}' in a predicate on model ids "
                    f"({callee_text.rsplit('.', 1)[-1]}): renaming it would change what the code says about "
                    f"'{replacement(name, mapping)}'; add a test for the V4 id instead")
                return
        if whole and parent is not None and parent.type == "variable_declarator":
            add("DSM103", retired_message(name, mapping, "Constant"), rename,
                mode_note(name, mapping, "constant renamed"))
            return
        if whole and parent is not None and parent.type == "binary_expression":
            operator = parent.child_by_field_name("operator")
            op = src.node_text(operator) if operator is not None else ""
            left = parent.child_by_field_name("left")
            if op in ("||", "??") and left is not None and src.node_text(left).startswith(("process.env", "import.meta.env")):
                variable = src.node_text(left).split(".")[-1]
                add("DSM104", retired_message(name, mapping, f"Default of ${variable}"), rename,
                    mode_note(name, mapping, "renamed the default"))
                return
            if op in ("===", "==", "!==", "!="):
                self._comparison(add, out, name, offset, mapping, comparison_clash)
                return
        if whole and parent is not None and parent.type == "switch_case":
            self._comparison(add, out, name, offset, mapping, comparison_clash)
            return
        if whole and parent is not None and parent.type in ("array", "literal_type", "enum_assignment", "enum_body"):
            message = (f"Retired model '{name.text}' as a member: the current model is "
                       f"'{replacement(name, mapping)}'; review the list")
            container = parent.parent if parent.type in ("literal_type", "enum_assignment") else parent
            clash = self._collection_clash(container, src, mapping)
            if clash:
                add("DSM106", message, None, clash, role="member")
            else:
                add("DSM106", message, out.rename_fix(name, Applicability.UNSAFE, offset), role="member")
            return
        add("DSM109", f"Retired model name '{name.text}' (the current name is '{replacement(name, mapping)}')",
            out.rename_fix(name, Applicability.UNSAFE, offset))

    def _key(self, add, out, name, offset, obj, src, mapping) -> None:
        if _describes_models(obj, src):
            add("DSM112", f"Retired model '{name.text}' as a key of a table of numbers (prices, limits or sizes): "
                f"renaming it would give '{replacement(name, mapping)}' the old model's figures; "
                "add an entry for the V4 id instead")
            return
        message = (f"Retired model '{name.text}' as a key: the current model is "
                   f"'{replacement(name, mapping)}'; review the table")
        clash = self._collection_clash(obj, src, mapping)
        add("DSM106", message, None if clash else out.rename_fix(name, Applicability.UNSAFE, offset), clash)

    def _comparison(self, add, out, name, offset, mapping, clash) -> None:
        message = (f"Comparison with retired model '{name.text}': after the migration it is "
                   f"'{replacement(name, mapping)}', told apart only by its thinking mode; review the branch")
        add("DSM105", message, None if clash else out.rename_fix(name, Applicability.UNSAFE, offset), clash)

    def _comparison_clash(self, fragments, src, mapping) -> str | None:
        compared = set()
        for fragment in fragments:
            for name in find_legacy_names(src.node_text(fragment)):
                compared.add(replacement(name, mapping).lower() + "|" + name.base)
        targets = {}
        for entry in compared:
            target, base = entry.split("|")
            targets.setdefault(target, set()).add(base)
        for target, bases in targets.items():
            if len(bases) > 1:
                return f"not renamed: {' and '.join(sorted(bases))} would both become '{target}' in this file"
        return None

    def _collection_clash(self, container, src, mapping) -> str | None:
        if container is None:
            return None
        values = [src.node_text(n) for n in _walk(container) if n.type == "string_fragment"]
        seen = {}
        for value in values:
            after = mapping.rename(value).lower()
            if after in seen and seen[after] != value.lower():
                return f"not renamed: '{seen[after]}' and '{value}' would both become '{after}'"
            seen.setdefault(after, value.lower())
        return None

    # -- the model of a request -----------------------------------------------------
    def _model_property(self, add, out, name, offset, pair, string, src, mapping, typescript) -> None:
        obj = pair.parent
        provider = _sibling_provider(obj, src)
        if provider is not None:
            add("DSM110", f"'{name.text}' is {provider}'s model id here (its provider is named beside it); "
                "that provider's ids are not affected by the retirement")
            return
        arguments = obj.parent if obj is not None else None
        call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
        callee = call.child_by_field_name("function") if call is not None else None
        callee_text = re.sub(r"\s+", "", src.node_text(callee)) if callee is not None else ""
        rename = out.rename_fix(name, Applicability.SAFE, offset)
        if callee is not None and _CREATE.search(callee_text) and arguments.named_children[0] == obj:
            note = None
            if mapping.adds_toggle:
                keys = {key_name(p, src) for p in obj.named_children if p.type == "pair"}
                if "thinking" in keys:
                    note = "the call already sets thinking; kept as is"
                else:
                    edit = openai_thinking_edit(obj, string, src, mapping.replacement(name.base).mode, typescript)
                    rename.edits.append(edit)
                    if any(p.type == "spread_element" for p in obj.named_children):
                        rename.applicability = Applicability.UNSAFE
                        note = "the object spreads other options that may already set thinking"
            add("DSM101", retired_message(name, mapping, "Model of openai-node chat.completions call"), rename, note)
            return
        if callee is not None and callee_text == "JSON.stringify" and arguments.named_children[0] == obj:
            note = json_body_toggle(rename, obj, call, string, src, mapping, name)
            if note != NOT_A_BODY:
                add("DSM102", retired_message(name, mapping, "Request body model"), rename, note)
                return
        what = "Model property" if call is not None else "Model setting"
        add("DSM101" if call is not None else "DSM103", retired_message(name, mapping, what), rename,
            mode_note(name, mapping, "renamed only"))
