"""Files of a kind no handler knows, named explicitly: searched as text."""

from __future__ import annotations

from typing import ClassVar

from ds_migrate.findings import Finding
from ds_migrate.languages.base import Handler
from ds_migrate.languages.textscan import unclaimed_names
from ds_migrate.findings.lines import LineIndex
from ds_migrate.deepseek.mapping import Mapping


class PlainText(Handler):
    # no kind: never chosen by file name, only as the fallback
    patterns: ClassVar[tuple[str, ...]] = ()

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        findings = unclaimed_names(path, text, LineIndex(text), set(), "file of a kind ds-migrate does not parse")
        for finding in findings:
            # text the tool does not understand (MDX, notes, CSV): reported, and
            # like prose it neither couples the project's code nor holds it back
            finding.role = "doc"
        return findings
