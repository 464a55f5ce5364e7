"""Where a legacy name was seen in a Python module, with its surroundings."""

from __future__ import annotations

from dataclasses import dataclass
import libcst as cst

from ds_migrate.deepseek.names import LegacyName
from ds_migrate.python.module_info import ModuleInfo

# Nodes that are still part of one string expression.
_STRING_PARTS = (cst.ConcatenatedString, cst.FormattedString, cst.FormattedStringExpression)


@dataclass
class NameSite:
    """One legacy-name occurrence in a string or comment token."""

    name: LegacyName  # offsets relative to the token text
    token: cst.CSTNode  # SimpleString, FormattedStringText or Comment
    offset: int  # absolute offset of the token in the source
    parents: tuple[cst.CSTNode, ...]  # innermost first, above ``token``
    info: ModuleInfo

    @property
    def absolute_start(self) -> int:
        return self.offset + self.name.start

    @property
    def absolute_end(self) -> int:
        return self.offset + self.name.end

    @property
    def is_comment(self) -> bool:
        return isinstance(self.token, cst.Comment)

    def _string_depth(self) -> int:
        """How many of ``parents`` still belong to the string expression."""
        depth = 0
        for parent in self.parents:
            if not isinstance(parent, _STRING_PARTS):
                break
            depth += 1
        return depth

    @property
    def expression(self) -> cst.CSTNode:
        """The whole string expression the token belongs to."""
        depth = self._string_depth()
        return self.parents[depth - 1] if depth else self.token

    @property
    def role_parents(self) -> tuple[cst.CSTNode, ...]:
        """Ancestors above the string expression, innermost first."""
        return self.parents[self._string_depth() :]

    @property
    def parent(self) -> cst.CSTNode | None:
        parents = self.role_parents
        return parents[0] if parents else None

    @property
    def is_whole_value(self) -> bool:
        """The string literal holds nothing but this (prefixed) name."""
        token = self.token
        if not isinstance(token, cst.SimpleString) or self.expression is not token:
            return False
        body = token.value[len(token.prefix) + len(token.quote) : -len(token.quote)]
        return body == self.name.text and "b" not in token.prefix.lower()


@dataclass
class DynamicSite:
    """A string that builds a DeepSeek name at run time: ``f"deepseek-{kind}"``."""

    token: cst.CSTNode
    offset: int
    parents: tuple[cst.CSTNode, ...]
    start: int  # of "deepseek-" within the token text
