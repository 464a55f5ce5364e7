"""Helpers the non-Python handlers share: renames and findings. Their words
are in ``rules/messages.py``; the rules are named by their classes."""

from __future__ import annotations

from ds_migrate.findings import Applicability, Finding, Fix, TextEdit, finding_at
from ds_migrate.findings.lines import LineIndex
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import LegacyName
from ds_migrate.rules import Rule, messages
from ds_migrate.rules.comment import LegacyNameInComment
from ds_migrate.rules.legacy_name import LegacyName as LegacyNameRule
from ds_migrate.rules.other_provider import OtherProviderModel
from ds_migrate.rules.recorded_data import LegacyNameInRecordedData


def rename_edit(name: LegacyName, mapping: Mapping, offset: int = 0) -> TextEdit:
    return TextEdit(offset + name.name_start, offset + name.end, mapping.replacement(name.base).model)


class Collector:
    """Builds findings for one file of text."""

    def __init__(self, path: str, text: str, mapping: Mapping) -> None:
        self.path = path
        self.text = text
        self.mapping = mapping
        self.index = LineIndex(text)
        self.findings: list[Finding] = []

    def add(
        self,
        rule: type[Rule] | Rule,
        name: LegacyName | None,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        note: str | None = None,
        **extra,
    ) -> Finding:
        finding = finding_at(
            self.path, self.index, start, end, rule, message,
            legacy_name=name.text if name else None, fix=fix, note=note, **extra,
        )
        self.findings.append(finding)
        return finding

    def rename_fix(self, name: LegacyName, applicability: Applicability, offset: int = 0) -> Fix:
        return Fix(applicability, [rename_edit(name, self.mapping, offset)], "rename")

    def recorded(self, name: LegacyName, where: str = "recorded data") -> Finding:
        return self.add(LegacyNameInRecordedData, name, name.start, name.end, messages.recorded(name, where))

    def comment(self, name: LegacyName, offset: int = 0) -> Finding:
        return self.add(
            LegacyNameInComment, name, offset + name.start, offset + name.end,
            messages.mentioned(name, self.mapping, "comment"),
            self.rename_fix(name, Applicability.UNSAFE, offset),
        )


def unclaimed_names(
    path: str, text: str, index: LineIndex, claimed: set[int], why: str
) -> list[Finding]:
    """Findings for occurrences no rule claimed, so that none is ever lost."""
    from ds_migrate.deepseek.names import find_legacy_names

    return [
        finding_at(
            path, index, name.start, name.end, LegacyNameRule, messages.unclaimed(name, why), legacy_name=name.text,
        )
        for name in find_legacy_names(text)
        if name.start not in claimed
    ]


def provider_slug_findings(path: str, text: str, index: LineIndex, findings: list[Finding]) -> list[Finding]:
    """DSM110 for every other provider's id that contains a legacy name
    (``openrouter/deepseek/deepseek-chat``, ``deepseek/deepseek-chat:free``)
    and that no finding covers yet, in any kind of file. Never rewritten."""
    from ds_migrate.deepseek.names import find_provider_slugs

    slugs = find_provider_slugs(text)
    if not slugs:
        return []
    covered = {(f.line, f.column) for f in findings if f.code == OtherProviderModel.code}
    out = []
    for slug in slugs:
        line, column = index.position(slug.start)
        if (line, column) in covered:
            continue
        if slug.provider:
            host = f"another provider ({slug.provider})"
        elif "/" in slug.text:
            host = "OpenRouter (a ':variant' id)"
        else:
            host = "a local model server (an Ollama-style ':tag')"
        out.append(finding_at(
            path, index, slug.start, slug.end, OtherProviderModel,
            f"'{slug.text}' is a model id of {host}, not of DeepSeek's API; the retirement does not "
            "touch it, so it is left alone",
        ))
    return out
