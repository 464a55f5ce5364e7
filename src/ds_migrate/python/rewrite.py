"""Apply chosen fixes to a libcst module; untouched nodes print as they were."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Callable, Iterable

import libcst as cst

from ds_migrate.findings import Fix, NodeEdit, RenameEdit
from ds_migrate.deepseek.mapping import Mapping


class _ApplyEdits(cst.CSTTransformer):
    def __init__(self, fixes: Iterable[Fix], mapping: Mapping, ancestry: dict | None) -> None:
        super().__init__()
        self.mapping = mapping
        self.renames: dict[int, set[int]] = defaultdict(set)
        self.node_edits: dict[int, list[Callable]] = defaultdict(list)
        self._keep_alive = []
        for fix in fixes:
            for edit in fix.edits:
                self._keep_alive.append(edit.key)
                if isinstance(edit, RenameEdit):
                    self.renames[id(edit.key)].add(edit.start)
                elif isinstance(edit, NodeEdit):
                    self.node_edits[id(edit.key)].append(edit.apply)
        # Only the edited nodes and their ancestors need visiting; a walk that
        # skips everything else costs a small part of a full transform.
        self.needed: set[int] | None = None
        keys = set(self.renames) | set(self.node_edits)
        if ancestry is not None and keys <= ancestry.keys():
            self.needed = set(keys)
            for key in keys:
                self.needed.update(id(node) for node in ancestry[key])

    def on_visit(self, node) -> bool:
        if self.needed is not None and id(node) not in self.needed:
            return False
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        updated = super().on_leave(original_node, updated_node)
        key = id(original_node)
        starts = self.renames.get(key)
        if starts:
            renamed = self.mapping.rename(original_node.value, only=frozenset(starts))
            updated = updated.with_changes(value=renamed)
        for apply in self.node_edits.get(key, ()):
            updated = apply(updated)
        return updated


def apply_fixes(
    module: cst.Module,
    fixes: list[Fix],
    mapping: Mapping,
    ancestry: dict | None = None,
    original: str | None = None,
    plan=None,
    changed: list[str] | None = None,
) -> str:
    """The fixed source. With a ``plan`` (python/slicing) the changed
    statements are spliced into ``original`` (and listed in ``changed``);
    without one, the whole module is printed."""
    if plan is not None and original is not None:
        if not fixes:
            return original
        from ds_migrate.python.slicing import splice

        return splice(original, plan, module, module.visit(_ApplyEdits(fixes, mapping, ancestry)), changed)
    if not fixes:
        return _keep_final_cr(module.code, original)
    return _keep_final_cr(module.visit(_ApplyEdits(fixes, mapping, ancestry)).code, original)


@lru_cache(maxsize=None)
def _libcst_drops_final_cr() -> bool:
    return cst.parse_module("x\r").code == "x"


def _keep_final_cr(code: str, original: str | None) -> str:
    """libcst prints a module whose last line ends with a lone CR without
    that CR (``parse_module("x\\r").code == "x"``): put it back."""
    if original and original.endswith("\r") and _libcst_drops_final_cr():
        return code + "\r"
    return code
