"""Pins the one use of libcst's private code generator
(python/slicing/codegen.py) against the installed libcst: a changed
statement inside a class or def is printed with its blocks' indentation,
byte for byte as it stands in the module. If a libcst upgrade changes
``CodegenState``, these fail here instead of a splice going wrong."""

from __future__ import annotations

import libcst as cst
import pytest

from ds_migrate.python.slicing.codegen import printed_in_blocks

SOURCE = (
    "class Service:\n"
    "    # the method that asks\n"
    "    def ask(self, m):\n"
    "        if m:\n"
    "            return self.client.create(\n"
    '                model="deepseek-chat", messages=m,\n'
    "            )\n"
    "        return None\n"
)


def test_a_method_prints_as_it_stands_inside_its_class():
    module = cst.parse_module(SOURCE)
    method = module.body[0].body.body[0]
    printed = printed_in_blocks(method, ["    "], module.default_indent, module.default_newline)
    assert printed == SOURCE.split("\n", 1)[1]  # leading comment line included


def test_a_statement_two_blocks_deep_keeps_both_indentations():
    module = cst.parse_module(SOURCE)
    statement = module.body[0].body.body[0].body.body[0]  # the if
    printed = printed_in_blocks(statement, ["    ", "    "], module.default_indent, module.default_newline)
    assert printed == "".join(SOURCE.splitlines(keepends=True)[3:7])


def test_without_blocks_it_is_code_for_node():
    module = cst.parse_module(SOURCE)
    node = module.body[0]
    assert printed_in_blocks(node, [], module.default_indent, module.default_newline) == module.code_for_node(node)


@pytest.mark.parametrize("indent, newline", [("\t", "\n"), ("  ", "\r\n")])
def test_tabs_and_crlf_are_kept(indent, newline):
    source = f"class A:{newline}{indent}def f(self):{newline}{indent}{indent}return 1{newline}"
    module = cst.parse_module(source)
    method = module.body[0].body.body[0]
    printed = printed_in_blocks(method, [indent], module.default_indent, module.default_newline)
    assert printed == f"{indent}def f(self):{newline}{indent}{indent}return 1{newline}"


def test_a_changed_node_prints_its_new_code_only():
    module = cst.parse_module(SOURCE)
    method = module.body[0].body.body[0]
    changed = method.deep_replace(
        method.body.body[-1], cst.parse_statement("return 0\n")
    )
    printed = printed_in_blocks(changed, ["    "], module.default_indent, module.default_newline)
    assert printed.endswith("        return 0\n") and "return None" not in printed
