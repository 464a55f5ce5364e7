"""Where a JavaScript/TypeScript model expression's value comes from, as far
as its own module says: a ``const``, ``this.x`` set in the class, a
parameter default, a ternary, ``x ?? "id"``, an import (javascript_flow.py
uses it; the parent follows the imports, project/js_flow.py)."""

from __future__ import annotations

import re

from ds_migrate.deepseek.names import V4_ID, find_legacy_names
from ds_migrate.findings.js_facts import IMPORT, LITERAL, UNKNOWN, Lead
from ds_migrate.languages.javascript_toggles import key_name
from ds_migrate.languages.treesitter import Source, walk

MAX_HOPS = 6
_WRAPPERS = {"parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression"}
_FUNCTIONS = {"function_declaration", "function_expression", "arrow_function", "method_definition", "function",
              "generator_function_declaration", "generator_function"}
_CLASSES = {"class_declaration", "class", "abstract_class_declaration"}
_DECLARATIONS = {"lexical_declaration", "variable_declaration"}
_ENV = re.compile(r"^(?:process\.env|import\.meta\.env|env|Deno\.env)\.(\w+)$")


def names_a_model(text: str) -> bool:
    return bool(find_legacy_names(text)) or V4_ID.search(text) is not None


class ModuleValues:
    """The names one parsed module binds, and where each model expression leads."""

    def __init__(self, root, src: Source) -> None:
        self.root, self.src = root, src
        self.imports: dict[str, tuple[str, str | None]] = {}  # local -> (specifier, name; None: the namespace)
        self.reassigned: set[str] = set()
        for node in walk(root):
            if node.type == "import_statement":
                self._import(node)
            elif node.type == "variable_declarator":
                self._require(node)
            elif node.type in ("assignment_expression", "augmented_assignment_expression", "update_expression"):
                target = node.child_by_field_name("left") or node.child_by_field_name("argument")
                if target is not None and target.type == "identifier":
                    self.reassigned.add(src.node_text(target))

    def _import(self, node) -> None:
        source = node.child_by_field_name("source")
        if source is None:
            return
        spec = self.src.node_text(source).strip("'\"`")
        for clause in node.named_children:
            if clause.type != "import_clause":
                continue
            for part in clause.named_children:
                if part.type == "identifier":
                    self.imports[self.src.node_text(part)] = (spec, "default")
                elif part.type == "namespace_import":
                    for ident in part.named_children:
                        self.imports[self.src.node_text(ident)] = (spec, None)
                elif part.type == "named_imports":
                    for specifier in part.named_children:
                        name = specifier.child_by_field_name("name")
                        alias = specifier.child_by_field_name("alias") or name
                        if name is not None:
                            self.imports[self.src.node_text(alias)] = (spec, self.src.node_text(name))

    def _require(self, declarator) -> None:
        value = declarator.child_by_field_name("value")
        pattern = declarator.child_by_field_name("name")
        spec = _required(value, self.src)
        if spec is None or pattern is None:
            return
        if pattern.type == "identifier":
            self.imports[self.src.node_text(pattern)] = (spec, None)
        elif pattern.type == "object_pattern":
            for part in pattern.named_children:
                if part.type == "shorthand_property_identifier_pattern":
                    self.imports[self.src.node_text(part)] = (spec, self.src.node_text(part))
                elif part.type == "pair_pattern":
                    key, alias = part.child_by_field_name("key"), part.child_by_field_name("value")
                    if key is not None and alias is not None and alias.type == "identifier":
                        self.imports[self.src.node_text(alias)] = (spec, self.src.node_text(key).strip("'\""))

    # -- leads ------------------------------------------------------------------
    def leads(self, node, hops: int = 0, through: bool = False, what: str = "", env: str = "") -> list[Lead]:
        src = self.src
        while node is not None and node.type in _WRAPPERS:
            inner = [c for c in node.named_children if c.type not in ("comment",)]
            node = inner[0] if inner else None
        if node is None or hops > MAX_HOPS:
            return [Lead(UNKNOWN, "an expression followed too far")]
        if node.type == "string" or (node.type == "template_string" and "${" not in src.node_text(node)):
            line = node.start_point[0] + 1
            return [Lead(LITERAL, src.node_text(node)[1:-1], line, what or src.node_text(node), "", through, env)]
        if node.type == "binary_expression":
            operator = node.child_by_field_name("operator")
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if operator is not None and src.node_text(operator) in ("??", "||") and right is not None:
                variable = _ENV.match(re.sub(r"\s+", "", src.node_text(left))) if left is not None else None
                if variable is not None:  # process.env.X || "id": the id, unless X is set
                    return self.leads(right, hops + 1, through, what, variable.group(1))
                return self.leads(right, hops + 1, True, what, env)  # options.model ?? "id": a caller may pass another
        if node.type == "ternary_expression":
            out = []
            for field in ("consequence", "alternative"):
                out += self.leads(node.child_by_field_name(field), hops + 1, through, what, env)
            return out
        if node.type in ("identifier", "shorthand_property_identifier"):
            return self._name(node, src.node_text(node), hops, through, env)
        if node.type == "member_expression":
            return self._member(node, hops, through, env)
        return [Lead(UNKNOWN, src.node_text(node)[:60])]

    def _name(self, at, name: str, hops: int, through: bool, env: str) -> list[Lead]:
        if name in self.reassigned:
            return [Lead(UNKNOWN, f"{name}, assigned more than once")]
        scope = at.parent
        while scope is not None:
            if scope.type in _FUNCTIONS:
                parameter = _parameter(scope, name, self.src)
                if parameter is not None:
                    default = parameter.child_by_field_name("value") or parameter.child_by_field_name("right")
                    if default is None:
                        return [Lead(UNKNOWN, f"parameter {name}")]
                    return self.leads(default, hops + 1, True, f"parameter {name} = ...", env)
            if scope.type in _FUNCTIONS or scope.type == "program":
                declared = _declared(scope, name, self.src)
                if len(declared) == 1:
                    return self.leads(declared[0], hops + 1, through, f"{name} = ...", env)
                if len(declared) > 1:
                    return [Lead(UNKNOWN, f"{name}, declared more than once")]
            scope = scope.parent
        if name in self.imports:
            spec, imported = self.imports[name]
            return [Lead(IMPORT, imported or "default", specifier=spec, through_parameter=through)]
        return [Lead(UNKNOWN, name)]

    def _member(self, node, hops: int, through: bool, env: str) -> list[Lead]:
        src = self.src
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if obj is None or prop is None:
            return [Lead(UNKNOWN, src.node_text(node)[:60])]
        attribute = src.node_text(prop)
        if obj.type == "this":
            klass = node.parent
            while klass is not None and klass.type not in _CLASSES:
                klass = klass.parent
            values = _this_values(klass, attribute, src) if klass is not None else []
            if not values:
                return [Lead(UNKNOWN, f"this.{attribute}")]
            out = []
            for value in values:
                out += self.leads(value, hops + 1, through, f"this.{attribute} = ...", env)
            return out
        if obj.type == "identifier":
            name = src.node_text(obj)
            if name in self.imports and name not in self.reassigned:
                spec, imported = self.imports[name]
                exported = attribute if imported is None else f"{imported}.{attribute}"
                return [Lead(IMPORT, exported, specifier=spec, through_parameter=through)]
            declared = _declared(self.root, name, src)
            if len(declared) == 1 and declared[0].type == "object":
                for member in declared[0].named_children:
                    if member.type == "pair" and key_name(member, src) == attribute:
                        return self.leads(member.child_by_field_name("value"), hops + 1, through, f"{name}.{attribute} = ...", env)
        return [Lead(UNKNOWN, src.node_text(node)[:60])]

    # -- what the module exports ------------------------------------------------
    def exports(self) -> list[tuple[str, tuple[Lead, ...]]]:
        src, out = self.src, []

        def add(name: str, value, what: str) -> None:
            leads = tuple(self.leads(value, 0, False, what))
            if any(lead.kind == IMPORT or (lead.kind == LITERAL and names_a_model(lead.value)) for lead in leads):
                out.append((name, leads))
            if value is not None and value.type == "object":
                for member in value.named_children:
                    key = key_name(member, src) if member.type == "pair" else None
                    if key is not None:
                        add(f"{name}.{key}", member.child_by_field_name("value"), f"{name}.{key}: ...")
                    elif member.type == "shorthand_property_identifier":
                        add(f"{name}.{src.node_text(member)}", member, f"{name}.{src.node_text(member)}")

        self.reexports = []
        for statement in self.root.named_children:
            if statement.type == "export_statement":
                self._export(statement, add)
            elif statement.type == "expression_statement":
                assignment = statement.named_children[0] if statement.named_children else None
                if assignment is None or assignment.type != "assignment_expression":
                    continue
                left = re.sub(r"\s+", "", src.node_text(assignment.child_by_field_name("left")))
                right = assignment.child_by_field_name("right")
                if left == "module.exports" and right is not None and right.type == "object":
                    for member in right.named_children:
                        if member.type == "pair" and key_name(member, src):
                            add(key_name(member, src), member.child_by_field_name("value"), f"{key_name(member, src)}: ...")
                        elif member.type == "shorthand_property_identifier":
                            add(src.node_text(member), member, src.node_text(member))
                elif left.startswith(("module.exports.", "exports.")):
                    name = left.rsplit(".", 1)[-1]
                    add(name, right, f"{left} = ...")
        return out + self.reexports

    def _export(self, statement, add) -> None:
        src = self.src
        source = statement.child_by_field_name("source")
        declaration = statement.child_by_field_name("declaration")
        value = statement.child_by_field_name("value")
        if declaration is not None and declaration.type in _DECLARATIONS:
            for declarator in declaration.named_children:
                name = declarator.child_by_field_name("name")
                if declarator.type == "variable_declarator" and name is not None and name.type == "identifier":
                    add(src.node_text(name), declarator.child_by_field_name("value"), f"{src.node_text(name)} = ...")
        elif value is not None:
            add("default", value, "export default ...")
        for clause in statement.named_children:
            if clause.type != "export_clause":
                continue
            for specifier in clause.named_children:
                name = specifier.child_by_field_name("name")
                alias = specifier.child_by_field_name("alias") or name
                if name is None:
                    continue
                if source is not None:  # export { x } from "./y": a name of that module
                    spec = src.node_text(source).strip("'\"`")
                    self.reexports.append((src.node_text(alias), (Lead(IMPORT, src.node_text(name), specifier=spec),)))
                else:
                    add(src.node_text(alias), name, f"{src.node_text(name)} = ...")


def _required(value, src: Source) -> str | None:
    """``require("./x")`` (or ``await import("./x")``): the specifier."""
    while value is not None and value.type in _WRAPPERS:
        value = value.named_children[0] if value.named_children else None
    if value is None or value.type != "call_expression":
        return None
    callee = value.child_by_field_name("function")
    arguments = value.child_by_field_name("arguments")
    if callee is None or src.node_text(callee) not in ("require", "import") or arguments is None:
        return None
    first = arguments.named_children[0] if arguments.named_children else None
    return src.node_text(first).strip("'\"`") if first is not None and first.type == "string" else None


def _parameter(function, name: str, src: Source):
    """The parameter node of ``function`` named ``name`` (with its default, if any)."""
    parameters = function.child_by_field_name("parameters")
    if parameters is None:
        single = function.child_by_field_name("parameter")  # x => ...
        return single if single is not None and src.node_text(single) == name else None
    for parameter in parameters.named_children:
        if parameter.type == "identifier" and src.node_text(parameter) == name:
            return parameter
        pattern = parameter.child_by_field_name("pattern") or parameter.child_by_field_name("left")
        if pattern is not None and pattern.type == "identifier" and src.node_text(pattern) == name:
            return parameter
    return None


def _declared(scope, name: str, src: Source) -> list:
    """Values bound to ``name`` by declarations in ``scope``, not in nested functions."""
    found = []
    stack = list(reversed(scope.named_children))
    while stack:
        node = stack.pop()
        if node.type in _FUNCTIONS or node.type in _CLASSES:
            continue
        if node.type == "variable_declarator":
            bound = node.child_by_field_name("name")
            if bound is not None and bound.type == "identifier" and src.node_text(bound) == name:
                found.append(node.child_by_field_name("value"))
                continue
        stack.extend(reversed(node.named_children))
    return found


def _this_values(klass, attribute: str, src: Source) -> list:
    """What the class sets ``this.<attribute>`` to: a field's value, every ``this.x = ...``."""
    values = []
    body = klass.child_by_field_name("body")
    if body is None:
        return values
    for member in body.named_children:
        if member.type in ("public_field_definition", "field_definition"):
            name = member.child_by_field_name("name") or member.child_by_field_name("property")
            value = member.child_by_field_name("value")
            if name is not None and src.node_text(name) == attribute and value is not None:
                values.append(value)
    for node in walk(body):
        if node.type in _CLASSES and node is not klass:
            continue
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None and re.sub(r"\s+", "", src.node_text(left)) == f"this.{attribute}":
                values.append(node.child_by_field_name("right"))
    return values
