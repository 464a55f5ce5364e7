"""Helpers the non-Python handlers share: renames and findings. Their words
are in ``rules/messages.py``; the rules are named by their classes."""

from __future__ import annotations

from dataclasses import replace

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
        # what each passage is about, and its merge, by span (prose.py)
        self._passages: dict[tuple[int, int], tuple[str, str | None, str | None]] = {}

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

    def comment(self, name: LegacyName, offset: int = 0, passage: tuple[int, int] | None = None) -> Finding:
        return self.mention(LegacyNameInComment, name, offset, passage, messages.mentioned(name, self.mapping, "comment"))

    def mention(
        self, rule: type[Rule], name: LegacyName, offset: int, passage: tuple[int, int] | None, message: str
    ) -> Finding:
        """A name in text (``passage``: the span of the comment, string or
        paragraph it is read in; its line by default), renamed only with
        --unsafe-fixes, and not at all where it names the open-weights model
        or where the rename would merge two ids of the passage (prose.py)."""
        from ds_migrate.rules.prose import open_weights_message, open_weights_reason, passage_about, passage_merge

        start, end = offset + name.start, offset + name.end
        if passage is None:
            passage = (self.text.rfind("\n", 0, start) + 1, self.text.find("\n", end) % (len(self.text) + 1))
        if passage not in self._passages:  # once per passage: a paragraph may name many
            text = self.text[passage[0] : passage[1]]
            self._passages[passage] = (text, passage_about(text), passage_merge(text, self.mapping))
        text, about, merge = self._passages[passage]
        local = replace(name, start=start - passage[0], end=end - passage[0])
        reason = open_weights_reason(text, local, about)
        if reason is not None:
            return self.add(OtherProviderModel, name, start, end, open_weights_message(name, reason))
        if merge is not None:
            return self.add(rule, name, start, end, message, None, merge, role="doc")
        return self.add(rule, name, start, end, message, self.rename_fix(name, Applicability.UNSAFE, offset))


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
    from ds_migrate.deepseek.names import OPEN_WEIGHTS_TAG, find_provider_slugs

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
        elif OPEN_WEIGHTS_TAG.search(slug.text):
            host = "a local or open-weights model (an Ollama size tag)"
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
