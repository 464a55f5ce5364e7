"""The rules. Each module defines one rule class; importing the package finds them."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ds_migrate.rules.base import CheckContext, Example, Match, Rule, ThinkingRule

__all__ = ["CheckContext", "Example", "Match", "Rule", "ThinkingRule", "all_rules", "rule_by_code", "name_rules"]


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        if getattr(sub, "code", None):
            found.append(sub)
        found.extend(_subclasses(sub))
    return found


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    for module in pkgutil.iter_modules(__path__):
        if module.name not in {"base", "common"}:
            importlib.import_module(f"{__name__}.{module.name}")
    rules = [cls() for cls in _subclasses(Rule)]
    return tuple(sorted(rules, key=lambda rule: rule.code))


def rule_by_code(code: str) -> Rule | None:
    for rule in all_rules():
        if rule.code.upper() == code.upper() or rule.name == code.lower():
            return rule
    return None


def name_rules() -> tuple[Rule, ...]:
    """Legacy-name rules in the order they are tried on each occurrence."""
    return tuple(sorted((r for r in all_rules() if r.claims_names), key=lambda r: r.priority))
