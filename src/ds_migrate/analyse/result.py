"""The one result the engine gives for a file, whatever its kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ds_migrate.findings import FileResult, Finding

if TYPE_CHECKING:
    import libcst as cst

    from ds_migrate.python.slicing import Slice


@dataclass(slots=True)  # one per file: tens of thousands on a big tree
class Processed:
    result: FileResult  # what is reported: findings, errors, a skip reason
    text: str | None = None  # decoded source, when it was decoded
    fixed_text: str | None = None  # new source, when fixes changed it
    fixed_data: bytes | None = None
    applied: list[Finding] = field(default_factory=list)
    # in-process only (dropped before crossing a process boundary)
    module: cst.Module | None = None  # Python: the tree the findings' edits point into
    encoding: str | None = None
    original: bytes | None = None
    # Python: id(node) -> its ancestors; lets the rewrite skip subtrees no fix touches
    ancestry: dict[int, tuple[cst.CSTNode, ...]] | None = None
    plan: Slice | None = None  # Python: the slice ``module`` was parsed from (python.slicing)
