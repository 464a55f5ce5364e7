"""How a list of places reads in a message, a note or the plan: the first
few, then a count of the rest, but never "and 1 more": the one left is
named where its count would go."""

from __future__ import annotations



def to_name(items: list, most: int) -> tuple[list, int]:
    """The items to name and how many more to count: all of them when at
    most one would be left over."""
    if len(items) <= most + 1:
        return list(items), 0
    return list(items[:most]), len(items) - most
