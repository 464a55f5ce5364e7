"""JavaScript and TypeScript, parsed with tree-sitter.

The same shapes as in Python: a model property, ``openai.chat.completions
.create({...})``, constants, ``process.env.X ?? "deepseek-chat"``, zod
defaults, comparisons, switch cases, keys, union and enum members, comments.
An openai-node ``create({...})`` object gets ``thinking: { type: ... }``,
in TypeScript as a typed spread that type-checks in streaming calls too
(javascript_toggles.py says why not openai-node's ``// @ts-expect-error``). This module finds and
classifies; the edits that add the thinking mode are javascript_toggles.py.
"""

from __future__ import annotations

import re

from ds_migrate.findings import Applicability, Finding, roles
from ds_migrate.deepseek.hosts import is_foreign_url
from ds_migrate.findings.lines import LineIndex
from ds_migrate.languages.base import Handler
from ds_migrate.languages.javascript_flow import flow_facts, flow_findings, model_line
from ds_migrate.languages.javascript_requests import (
    _VERCEL,
    CREATE,
    MODEL_KEYS,
    client_host,
    contained_model,
    v4_body_without_mode, v4_request_without_mode,
)
from ds_migrate.languages.javascript_toggles import (
    NOT_A_BODY, call_body_toggle, calls_posting, is_completion_body, is_stringify, json_body_toggle, key_name, openai_thinking_edit, sets_thinking,
    spreads_unknown, vercel_toggle,
)
from ds_migrate.languages.javascript_types import (
    OPEN, chained_default, enum_array, exhaustive_use, extend_fix, union_kind, union_members, union_of,
    widening_for_default,
)
from ds_migrate.languages.textscan import Collector, unclaimed_names
from ds_migrate.findings.test_paths import is_test_path as is_test_file
from ds_migrate.languages.treesitter import Source, parser_for, walk
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import find_legacy_names, openrouter_member
from ds_migrate.rules.capability import LegacyCapabilityEntry
from ds_migrate.rules.compat_code import LegacyNameInCompatCode, as_compat, names_current_id
from ds_migrate.rules.comparison import LegacyModelComparison
from ds_migrate.rules.constant import LegacyModelConstant
from ds_migrate.rules.dynamic_name import PIECE, DynamicModelName, template_piece
from ds_migrate.rules.env_default import LegacyEnvDefault
from ds_migrate.rules.legacy_name import LegacyName as LegacyNameRule
from ds_migrate.rules.messages import (
    DYNAMIC_NAME,
    capability,
    closed_member,
    comparison,
    in_openrouter_catalogue,
    other_provider_beside,
    sent_elsewhere,
    open_union,
    other_use,
    recorded,
    replacement,
    retired,
    set_mode_where_requested,
    table_entry,
    unclaimed,
)
from ds_migrate.rules.model_argument import LegacyModelArgument
from ds_migrate.rules.model_table import LegacyModelTable
from ds_migrate.rules.other_provider import OtherProviderModel
from ds_migrate.rules.payload import LegacyRequestPayload
from ds_migrate.rules.recorded_data import RESPONSE_KEYS, RESPONSE_OBJECTS, LegacyNameInRecordedData
from ds_migrate.languages.kinds import PATTERNS

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


def _keys_name(obj, src: Source, target: str) -> bool:
    """One of the object's keys is ``target``, the id a legacy key's values
    become: the table already has the entry the plan asks for, so its legacy
    keys are compat code (rules/compat_code.py). Another V4 id (a Pro entry)
    is not that entry: a value renamed to Flash would still miss it."""
    for pair in obj.named_children if obj is not None else ():
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is not None and src.node_text(key).strip("'\"`").lower() == target.lower():
            return True
    return False


def _is_response(obj, src: Source) -> bool:
    """An object shaped as an API response (``choices``, ``usage``, ``object:
    "chat.completion"``...): recorded data, never a request (rules/recorded_data.py)."""
    for pair in obj.named_children if obj is not None else ():
        if pair.type != "pair":
            continue
        key = key_name(pair, src)
        if key in RESPONSE_KEYS:
            return True
        value = pair.child_by_field_name("value")
        if key == "object" and value is not None and value.type == "string":
            if src.node_text(value).strip("'\"`").startswith(RESPONSE_OBJECTS):
                return True
    return False


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


# Longer lines than this are a minifier's or a bundler's: parsing one costs
# seconds (a 1 MB line took 6.7 s in a worker, issue 22) and rewriting
# generated code is undone by the next build.
LONGEST_WRITTEN_LINE = 5000
_BUILD_FOLDERS = {"dist", ".next", "bundle", "bundles"}
# build/ and out/ hold hand-written build scripts too (webpack.config.js):
# there only a compiler's or bundler's marks make a file generated
_MAYBE_BUILD_FOLDERS = {"build", "out"}
_COMPILED_MARKS = re.compile(r"^//# sourceMappingURL=|__esModule|^/\*{6}/", re.MULTILINE)


def generated_js(path: str, text: str) -> str | None:
    """Why the file is minified or generated JavaScript, or None."""
    parts = path.replace("\\", "/").lower().split("/")
    name = parts[-1]
    if re.search(r"[.-]min\.[cm]?js$|\.bundle\.[cm]?js$|\.chunk\.[cm]?js$", name):
        return "minified or bundled JavaScript, by its name: searched as text, never rewritten"
    if name.endswith((".js", ".mjs", ".cjs")):
        if _BUILD_FOLDERS.intersection(parts[:-1]):
            return "build output, in a dist/ folder: searched as text, never rewritten"
        if _MAYBE_BUILD_FOLDERS.intersection(parts[:-1]) and _COMPILED_MARKS.search(text):
            return "compiled output (a source map or module marks, in a build/ folder): searched as text, never rewritten"
    if len(text) > LONGEST_WRITTEN_LINE:
        longest = max(map(len, text.split("\n")))
        if longest > LONGEST_WRITTEN_LINE:
            return f"minified or generated JavaScript, a line of {longest} characters: searched as text, never rewritten"
    return None


# A receiver that holds one model id (``model.includes(...)`` tests the id, not a list).
_NAMES_AN_ID = re.compile(r"model|name|(^|_)id$|slug")


def module_facts(path: str):
    """The model flow's facts of a JS/TS file no worker analysed (javascript_flow.py), or None."""
    from pathlib import Path

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if generated_js(path, text) is not None:
        return None
    src = _Source(text)
    tree = _parser(dialect_of(path)).parse(src.data)
    return flow_facts(tree.root_node, src, path)


class JavaScript(Handler):
    kind = "javascript"
    patterns = PATTERNS["javascript"]
    priority = 20

    follows_models = True

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        return self.scan_with_flow(path, text, mapping)[0]

    def scan_with_flow(self, path: str, text: str, mapping: Mapping, flows=None):
        """The findings, the module's facts for the model flow
        (javascript_flow.py), and the spans of the strings that name a V4 id
        only as a request's own model (``contained_model``); ``flows``: line
        -> hint for its requests whose model the run followed from a value
        (DSM201 there)."""
        generated = generated_js(path, text)
        if generated is not None:  # found as text: never parsed, never rewritten
            findings = unclaimed_names(path, text, LineIndex(text), set(), generated)
            for finding in findings:
                finding.role = "doc"  # a generated copy: like prose it neither couples nor holds back
            return findings, None, []
        src = _Source(text)
        tree = _parser(dialect_of(path)).parse(src.data)
        out = Collector(path, text, mapping)
        typescript = dialect_of(path) != "js"
        claimed: set[int] = set()
        contained: list[tuple[int, int, str | None]] = []  # V4 ids only a request's own model names, with its mode
        compared = [n for n in _walk(tree.root_node) if n.type == "string_fragment" and _in_comparison(n, src)]
        compat_spans = _compat_spans(compared, src)
        comparison_clash = self._comparison_clash(
            [n for n in compared if not _within(src.char(n.start_byte), compat_spans)], src, mapping
        )
        for node in _walk(tree.root_node):
            if node.type == "comment":
                for name in find_legacy_names(src.node_text(node)):
                    offset = src.char(node.start_byte)
                    out.comment(name, offset, (offset, src.char(node.end_byte)))
                    claimed.add(offset + name.start)
            elif node.type == "string_fragment":
                offset = src.char(node.start_byte)
                for name in find_legacy_names(src.node_text(node)):
                    self._string(out, node, name, offset, src, mapping, typescript, comparison_clash)
                    claimed.add(offset + name.start)
                if contained_model(node, src):
                    contained.append((offset, src.char(node.end_byte), _mode_of_request(node, src)))
            elif node.type == "call_expression" and not (flows and model_line(node, src) in flows):
                v4_request_without_mode(out, node, src, mapping, typescript)
            elif node.type == "object" and not is_test_file(out.path):
                v4_body_without_mode(out, node, src, mapping, typescript)
            elif node.type == "template_string":
                piece = template_piece(src.node_text(node))
                if piece is not None:
                    start = src.char(node.start_byte) + piece
                    out.add(DynamicModelName, None, start, start + len(PIECE), DYNAMIC_NAME)
        for name in find_legacy_names(text):
            if name.start not in claimed:
                out.add(LegacyNameRule, name, name.start, name.end, unclaimed(name, "outside any string or comment"))
        if compat_spans:
            for finding in out.findings:
                in_branches = finding.code in (LegacyModelComparison.code, LegacyCapabilityEntry.code)
                if in_branches and _within(finding.offset, compat_spans):
                    as_compat(finding, LegacyNameInCompatCode)
        if flows:
            flow_findings(out, tree.root_node, src, mapping, typescript, flows)
        return out.findings, flow_facts(tree.root_node, src, path), contained

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

        def add(rule, message, fix=None, note=None, role=None):
            return out.add(rule, name, start, end, message, fix, note, role=role)

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
                add(LegacyModelTable, f"Retired model '{name.text}' as a value of a map of model ids: the current model "
                    f"is '{replacement(name, mapping)}'; review the map", None, clash)
                return
            add(LegacyModelConstant, retired(name, mapping, f"Config value {key}"), rename,
                set_mode_where_requested(name, mapping, "renamed the value"))
            return
        if whole and parent is not None and parent.type == "arguments":
            call = parent.parent
            callee = call.child_by_field_name("function") if call is not None else None
            callee_text = src.node_text(callee) if callee is not None else ""
            if callee_text in _VERCEL and parent.named_children and parent.named_children[0] == string:
                note = "fix renames it; set providerOptions: { deepseek: { thinking: { type: " \
                    f"'{mapping.replacement(name.base).mode}' }} }} where the model is called"
                if mapping.adds_toggle:
                    note = vercel_toggle(rename, call, string, src, mapping.replacement(name.base).mode, note)
                add(LegacyModelArgument, retired(name, mapping, "Vercel AI SDK model"), rename, note)
                return
            if callee_text.endswith(".default"):
                # the enum it is chained on gains the new id with it (javascript_types.py)
                rename.edits.extend(widening_for_default(call, string, src, mapping))
                add(LegacyEnvDefault, retired(name, mapping, "Schema default"), rename,
                    set_mode_where_requested(name, mapping, "renamed the default"))
                return
            receiver = callee_text.rsplit(".", 1)[0].rsplit(".", 1)[-1].lower()
            if callee_text.endswith(".includes") and not _NAMES_AN_ID.search(receiver):
                self._comparison(add, out, name, offset, mapping, comparison_clash)  # allowed.includes(...)
                return
            if callee_text.endswith((".includes", ".startsWith", ".endsWith", ".indexOf")):
                # model.includes("deepseek-reasoner"): classifies ids ("is it a reasoning model?")
                kind = "substring predicate" if callee_text.endswith(".includes") else "prefix predicate"
                add(LegacyCapabilityEntry, capability(name, mapping, kind))
                return
        if whole and parent is not None and (
            parent.type == "variable_declarator"
            or (parent.type == "assignment_expression" and parent.child_by_field_name("right") == string)
            or (parent.type in ("public_field_definition", "field_definition") and parent.child_by_field_name("value") == string)
        ):  # const MODEL = "...", this.model = "...", a class field model = "..."
            add(LegacyModelConstant, retired(name, mapping, "Constant"), rename,
                set_mode_where_requested(name, mapping, "constant renamed"))
            return
        if whole and parent is not None and parent.type == "binary_expression":
            operator = parent.child_by_field_name("operator")
            op = src.node_text(operator) if operator is not None else ""
            left = parent.child_by_field_name("left")
            if op in ("||", "??") and left is not None and parent.child_by_field_name("right") == string:
                # process.env.X ?? "...", env.X || "...", options.model ?? "...": a default
                variable = src.node_text(left).split(".")[-1]
                environment = re.search(r"(^|\.)env\.", src.node_text(left)) is not None
                what = f"Default of ${variable}" if environment else f"Default of {variable}"
                add(LegacyEnvDefault, retired(name, mapping, what), rename,
                    set_mode_where_requested(name, mapping, "renamed the default"))
                return
            if op in ("===", "==", "!==", "!="):
                self._comparison(add, out, name, offset, mapping, comparison_clash)
                return
        if whole and parent is not None and parent.type == "switch_case":
            self._comparison(add, out, name, offset, mapping, comparison_clash)
            return
        if whole and self._closed_type(add, name, string, src, mapping):
            return
        if whole and parent is not None and parent.type in ("array", "literal_type", "enum_assignment", "enum_body"):
            enum = parent.type in ("enum_assignment", "enum_body")
            message = table_entry(name, mapping, "enum member" if enum else "member of a collection")
            container = parent.parent if parent.type in ("literal_type", "enum_assignment") else parent
            variant = openrouter_member(name, [src.node_text(n) for n in _walk(container) if n.type == "string_fragment"])
            if variant is not None:  # a list of OpenRouter's ids (it holds a ':free' one): not DeepSeek's
                add(OtherProviderModel, in_openrouter_catalogue(name, variant))
                return
            clash = self._collection_clash(container, src, mapping)
            if clash:
                add(LegacyModelTable, message, None, clash, role="member")
            else:
                add(LegacyModelTable, message, out.rename_fix(name, Applicability.UNSAFE, offset), role="member")
            return
        out.mention(LegacyNameRule, name, offset, (offset, src.char(fragment.end_byte)), other_use(name, mapping))

    def _closed_type(self, add, name, string, src, mapping) -> bool:
        """A member of a union type or a ``z.enum([...])``: the V4 id is added
        beside it (javascript_types.py); an open union needs nothing."""
        union = union_of(string)
        array = enum_array(string) if union is None else None
        if union is None and array is None:
            return False
        if union is not None and union_kind(union, src) == OPEN:
            add(LegacyModelTable, open_union(name, mapping), None, role=roles.EXTENDED)
            return True
        keyed = exhaustive_use(union, src) if union is not None else None
        if keyed is not None:
            # Record<Model, ...> must list every member: one more breaks tsc (TS2741)
            add(LegacyModelTable, closed_member(name, mapping, "a union type"), None,
                f"not extended: {keyed} must then list the V4 id too; add it there and here together", role="member")
            return True
        default = chained_default(array, src) if array is not None else None
        if default is not None and find_legacy_names(src.node_text(default)):
            # z.enum([...]).default("deepseek-chat"): widened with its default's rename, or not at all
            add(LegacyModelTable, closed_member(name, mapping, "a schema enum"), None,
                "the V4 id is added with the schema default's rename (held with it)", role=roles.EXTENDED)
            return True
        members = union_members(union) if union is not None else [c for c in array.named_children if c.type != "comment"]
        fix, why = extend_fix(members, string, src, mapping)
        add(LegacyModelTable, closed_member(name, mapping, "a union type" if union is not None else "a schema enum"),
            fix, why, role=roles.EXTENDED)
        return True

    def _key(self, add, out, name, offset, obj, src, mapping) -> None:
        if _describes_models(obj, src):
            finding = add(LegacyCapabilityEntry, capability(name, mapping, "prices, limits or sizes"))
            if _keys_name(obj, src, replacement(name, mapping)):
                # the V4 entry the finding asked for is there: compat code, as in Python
                as_compat(finding, LegacyNameInCompatCode)
            return
        message = table_entry(name, mapping, "key of a table")
        clash = self._collection_clash(obj, src, mapping)
        add(LegacyModelTable, message, None if clash else out.rename_fix(name, Applicability.UNSAFE, offset), clash)

    def _comparison(self, add, out, name, offset, mapping, clash) -> None:
        add(LegacyModelComparison, comparison(name, mapping), None if clash else out.rename_fix(name, Applicability.UNSAFE, offset), clash)

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
        if _is_response(obj, src):  # mockResolvedValue({ object: "chat.completion", model, choices })
            add(LegacyNameInRecordedData, recorded(name, "an API response built in code (a mock or fixture)"))
            return
        provider = _sibling_provider(obj, src)
        if provider is not None:
            add(OtherProviderModel, other_provider_beside(name, provider))
            return
        arguments = obj.parent if obj is not None else None
        call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
        callee = call.child_by_field_name("function") if call is not None else None
        callee_text = re.sub(r"\s+", "", src.node_text(callee)) if callee is not None else ""
        rename = out.rename_fix(name, Applicability.SAFE, offset)
        if callee is not None and CREATE.search(callee_text) and arguments.named_children[0] == obj:
            url = client_host(callee, src)
            if is_foreign_url(url):
                add(OtherProviderModel, sent_elsewhere(name, url))
                return
            note = None
            if mapping.adds_toggle:
                if sets_thinking(obj, src):
                    note = "the call already sets thinking; kept as is"
                else:
                    edit = openai_thinking_edit(obj, string, src, mapping.replacement(name.base).mode, typescript)
                    rename.edits.append(edit)
                    if spreads_unknown(obj, src):
                        rename.applicability = Applicability.UNSAFE
                        note = "the object spreads other options that may already set thinking"
            add(LegacyModelArgument, retired(name, mapping, "Model of openai-node chat.completions call"), rename, note)
            return
        if callee is not None and callee_text == "JSON.stringify" and arguments.named_children[0] == obj:
            note = json_body_toggle(rename, obj, call, string, src, mapping, name)
            if note != NOT_A_BODY:
                add(LegacyRequestPayload, retired(name, mapping, "Request body model"), rename, note)
                return
        if call is not None and obj in arguments.named_children and not is_test_file(out.path):
            note = call_body_toggle(rename, obj, call, string, src, mapping, name, typescript)
            if note != NOT_A_BODY:
                add(LegacyRequestPayload, retired(name, mapping, "Request body model"), rename, note)
                return
        posted = calls_posting(obj, src, typescript) if call is None else None
        if posted and not is_test_file(out.path):
            stringify = [c for c in posted if is_stringify(c, src)]
            if stringify:
                note = json_body_toggle(rename, obj, stringify[0], string, src, mapping, name)
            else:
                note = call_body_toggle(rename, obj, posted[0], string, src, mapping, name, typescript)
            if note != NOT_A_BODY:
                add(LegacyRequestPayload, retired(name, mapping, "Request body model"), rename, note)
                return
        if call is not None and is_completion_body(obj, src):
            add(LegacyModelArgument, retired(name, mapping, "Model of a completion (prompt) body"), rename,
                "a completion (FIM, prefix) runs in non-thinking mode only; fix renames it, no toggle")
            return
        what = "Model property" if call is not None else "Model setting"
        add(LegacyModelArgument if call is not None else LegacyModelConstant, retired(name, mapping, what), rename,
            set_mode_where_requested(name, mapping, "renamed only"))


def _mode_of_request(fragment, src) -> str | None:
    """The thinking mode the object whose model ``fragment`` is sets, or None."""
    from ds_migrate.languages.javascript_toggles import thinking_mode

    pair = fragment.parent.parent if fragment.parent is not None else None
    if pair is None or pair.type != "pair" or pair.parent is None:
        return None
    return thinking_mode(pair.parent, src)
