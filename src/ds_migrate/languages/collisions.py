"""The no-merge rule, in one place for every parsed language.

A rename that would make two distinct ids equal in one collection, enum,
switch or set of comparisons is never made: ``deepseek-chat`` and
``deepseek-reasoner`` both become ``deepseek-v4-flash``, and a table or a
branch that told them apart would silently lose one of its entries.
"""

from __future__ import annotations

from typing import Iterable

from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import find_legacy_names


def merge_clash(values: Iterable[str], mapping: Mapping) -> str | None:
    """Why renaming the legacy names in ``values`` (the literal texts of one
    group) would make two distinct ids equal, or None when it would not."""
    seen: dict[str, str] = {}
    for value in values:
        if not find_legacy_names(value):
            after = value.lower()
        else:
            after = mapping.rename(value).lower()
        before = value.lower()
        if after in seen and seen[after] != before:
            return f"not renamed: '{seen[after]}' and '{value}' would both become '{mapping.rename(value)}'"
        seen.setdefault(after, before)
    return None
