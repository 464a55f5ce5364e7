"""Changelogs and release notes, in any format (CHANGELOG.md, HISTORY.rst,
NEWS): history. A retired id there says what a release did; it is reported
as info and never rewritten, not even with --unsafe-fixes."""

from __future__ import annotations

from typing import ClassVar

from ds_migrate.findings import Finding
from ds_migrate.languages.base import Handler
from ds_migrate.languages.kept_files import HISTORY_GLOBS, kept_findings
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.languages.kinds import PATTERNS


class History(Handler):
    kind = "history"
    patterns: ClassVar[tuple[str, ...]] = PATTERNS["history"]
    priority = 5  # before Markdown and reStructuredText claim CHANGELOG.md

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        return kept_findings(path, text, mapping, "history")
