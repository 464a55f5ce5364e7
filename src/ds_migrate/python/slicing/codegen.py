"""The one place that uses libcst's private code generator.

``Module.code_for_node`` prints a node as if it stood at the top level;
splicing a changed statement inside a class or def needs it printed with
the indentation of its blocks. libcst has no public way to do that, so this
drives its private ``CodegenState`` directly. ``tests/test_codegen_pin.py``
pins the behaviour against the installed libcst: if an upgrade changes or
removes it, that test fails here rather than a fix going wrong somewhere.
"""

from __future__ import annotations


def printed_in_blocks(node, indents: list[str], default_indent: str, default_newline: str) -> str:
    """libcst's code for ``node`` inside blocks indented by ``indents``
    (outermost first), with the module's default indent and newline."""
    from libcst._nodes.internal import CodegenState

    state = CodegenState(default_indent=default_indent, default_newline=default_newline)
    state.indent_tokens.extend(indents)
    node._codegen(state)
    return "".join(state.tokens)
