"""Jupyter notebooks: the Python rules on code cells, fixes written back
into the cell source without re-serialising the notebook.

Each line of a cell's source is a JSON string token in the file; a fix
replaces just the tokens of the lines it changes, with the separator the
file already uses, so indentation, key order and the trailing newline stay.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from ds_migrate.findings import Finding, Fix, TextEdit, apply_text_edits
from ds_migrate.languages.base import Handler
from ds_migrate.languages.textscan import Collector
from ds_migrate.rules import rule_by_code
from ds_migrate.rules.legacy_name import LegacyName as LegacyNameRule
from ds_migrate.rules.messages import unclaimed
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import V4_ID, find_legacy_names
from ds_migrate.deepseek.mentions import mentions_text
from ds_migrate.languages.kinds import PATTERNS

_DECODER = json.JSONDecoder()


@dataclass
class SourceToken:
    start: int  # offset of the opening quote in the notebook text
    end: int  # offset after the closing quote
    value: str


@dataclass
class Cell:
    number: int  # 1-based, counting every cell
    tokens: list[SourceToken]
    as_list: bool  # source stored as a list of lines (else one string)

    @property
    def source(self) -> str:
        return "".join(token.value for token in self.tokens)


@dataclass
class CellEdit:
    """Part of a fix: the Python fix for one cell, applied when the notebook is rewritten."""

    cell: Cell
    processed: object  # engine.Processed of the cell source
    finding: Finding
    options: object  # analyse.Options the cell was scanned with


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _source_tokens(text: str, start: int) -> tuple[list[SourceToken], bool]:
    """The string tokens of a "source" value starting at ``start``."""
    i = _skip_space(text, start)
    if text.startswith('"', i):
        value, end = _DECODER.raw_decode(text, i)
        return [SourceToken(i, end, value)], False
    tokens = []
    i = _skip_space(text, i + 1)  # past "["
    while i < len(text) and text[i] != "]":
        value, end = _DECODER.raw_decode(text, i)
        tokens.append(SourceToken(i, end, value))
        i = _skip_space(text, end)
        if text.startswith(",", i):
            i = _skip_space(text, i + 1)
    return tokens, True


def find_cells(text: str) -> list[tuple[Cell, str]]:
    """Cells with the positions of their source tokens in ``text``, and their type."""
    document = json.loads(text)
    cells = document.get("cells", []) if isinstance(document, dict) else []
    found: list[tuple[Cell, str]] = []
    cursor = 0
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or "source" not in cell:
            continue
        key = text.find('"source"', cursor)
        if key < 0:
            break
        colon = text.index(":", key + len('"source"'))
        tokens, as_list = _source_tokens(text, colon + 1)
        cursor = tokens[-1].end if tokens else colon + 1
        expected = cell["source"] if isinstance(cell["source"], list) else [cell["source"]]
        if "".join(t.value for t in tokens) != "".join(expected):
            raise ValueError(f"cell {number}: source not where expected")
        found.append((Cell(number, tokens, as_list), str(cell.get("cell_type", ""))))
    return found


def _v4_only_requests_name(text: str, cell: Cell, observed, modes=()) -> list[tuple[int, int, str | None]]:
    """The V4 ids in ``cell``'s source tokens that its analysis found named
    only as a request's own model (``observed``: the ids it names where code
    can see them; None when the cell was not parsed), each with the mode its
    requests set when the cell's requests agree on one (``modes``: the
    cell's (id, mode) pairs)."""
    if observed is None:
        return []
    out = []
    for token in cell.tokens:
        for match in V4_ID.finditer(text, token.start, token.end):
            current = match.group(0).lower()
            if current in observed:
                continue
            set_there = {mode for id_, mode in modes if id_ == current}
            out.append((*match.span(), set_there.pop() if len(set_there) == 1 else None))
    return out


class Notebook(Handler):
    kind = "notebook"
    patterns = PATTERNS["notebook"]
    priority = 10

    embeds_code = True

    def scan(self, path: str, text: str, mapping: Mapping, code) -> list[Finding]:
        return self.scan_embedded(path, text, mapping, code)[0]

    def scan_embedded(self, path: str, text: str, mapping: Mapping, code) -> tuple[list[Finding], list]:
        """The findings, and the V4 ids of code cells that only a request's
        own model names there (python/contained.py), as spans of ``text``."""
        out = Collector(path, text, mapping)
        contained: list[tuple[int, int, str | None]] = []
        try:
            cells = find_cells(text)
        except (ValueError, KeyError, IndexError) as error:
            for name in find_legacy_names(text):
                out.add(LegacyNameRule, name, name.start, name.end, unclaimed(name, f"notebook is not valid JSON: {error}"))
            return out.findings, contained
        options = code.options(mapping=mapping)
        in_source: list[tuple[int, int]] = []
        for cell, cell_type in cells:
            in_source.extend((t.start, t.end) for t in cell.tokens)
            if cell_type != "code":
                for token in cell.tokens:
                    for name in find_legacy_names(text[token.start : token.end]):
                        out.comment(name, offset=token.start)
                continue
            if not mentions_text(cell.source):
                continue
            processed = code.analyse_python(f"{path}[cell {cell.number}]", cell.source.encode("utf-8"), options)
            observed = processed.result.current_ids if processed.result.parsed else None
            contained.extend(_v4_only_requests_name(text, cell, observed, processed.result.contained_ids))
            for finding in processed.result.findings + processed.result.suppressed:
                token = cell.tokens[_token_of(cell, finding.line)]
                start = _offset_in_token(text, token, cell, finding)
                end = start + (finding.end_column - finding.column if finding.end_line == finding.line else 1)
                fix = None
                if finding.fix is not None:
                    edit = CellEdit(cell, processed, finding, options)
                    fix = Fix(finding.fix.applicability, [edit], finding.fix.description)
                added = out.add(
                    rule_by_code(finding.code), None, start, end, f"cell {cell.number}, line {finding.line}: {finding.message}",
                    fix, finding.note, severity=finding.severity, role=finding.role,
                )
                added.legacy_name, added.hold = finding.legacy_name, finding.hold
        for name in find_legacy_names(text):
            if not any(start <= name.start < end for start, end in in_source):
                out.recorded(name, "a notebook output or metadata")
        return out.findings, contained

    def apply(self, text: str, chosen: list[Finding], code) -> str:
        """Rewrite the cells the chosen fixes belong to."""
        by_cell: dict[int, list[CellEdit]] = {}
        replacements = []
        for finding in chosen:
            for edit in finding.fix.edits:
                if isinstance(edit, CellEdit):
                    by_cell.setdefault(edit.cell.number, []).append(edit)
                else:  # a plain rename inside a markdown cell
                    replacements.append((edit.start, edit.end, edit.new))
        for edits in by_cell.values():
            cell, processed = edits[0].cell, edits[0].processed
            new_source = code.fixed_text(processed, [e.finding for e in edits], edits[0].options)
            replacements.extend(_token_replacements(text, cell, new_source))
        return apply_text_edits(text, [TextEdit(start, end, new) for start, end, new in replacements])

    def problem_with(self, text: str, path: str = "") -> str | None:
        from ds_migrate.languages.config import json_problem

        return json_problem(text)


def _token_of(cell: Cell, line: int) -> int:
    return min(line - 1, len(cell.tokens) - 1) if cell.as_list else 0


def _offset_in_token(text: str, token: SourceToken, cell: Cell, finding) -> int:
    """Where the finding's first character sits in the notebook text."""
    if cell.as_list:
        column = finding.column - 1
    else:
        starts = [0] + [i + 1 for i, ch in enumerate(token.value) if ch == "\n"]
        column = starts[min(finding.line, len(starts)) - 1] + finding.column - 1
    encoded = json.dumps(token.value[:column], ensure_ascii=False)[:-1]  # opening quote + escaped prefix
    if text.startswith(encoded, token.start):
        return token.start + len(encoded)
    return token.start + 1 + column


def _token_replacements(text: str, cell: Cell, new_source: str) -> list[tuple[int, int, str]]:
    ascii_only = all(ord(ch) < 128 for t in cell.tokens for ch in text[t.start : t.end])
    has_unicode = any(ord(ch) >= 128 for ch in new_source)
    ensure_ascii = ascii_only and has_unicode and "\\u" in "".join(text[t.start : t.end] for t in cell.tokens)

    def encode(value: str) -> str:
        return json.dumps(value, ensure_ascii=ensure_ascii)

    if not cell.as_list:
        token = cell.tokens[0]
        return [(token.start, token.end, encode(new_source))]
    old_lines = [t.value for t in cell.tokens]
    new_lines = new_source.splitlines(keepends=True)
    separator = text[cell.tokens[0].end : cell.tokens[1].start] if len(cell.tokens) > 1 else ",\n    "
    replacements = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        new_text = separator.join(encode(line) for line in new_lines[j1:j2])
        if i1 < i2 and j1 == j2:  # lines removed: take a separator with them
            start = cell.tokens[i1 - 1].end if i1 > 0 else cell.tokens[i1].start
            end = cell.tokens[i2 - 1].end if i1 > 0 else (cell.tokens[i2].start if i2 < len(cell.tokens) else cell.tokens[i2 - 1].end)
            replacements.append((start, end, ""))
        elif i1 < i2:
            replacements.append((cell.tokens[i1].start, cell.tokens[i2 - 1].end, new_text))
        elif i1 > 0:  # pure insertion after token i1 - 1
            end = cell.tokens[i1 - 1].end
            replacements.append((end, end, separator + new_text))
        else:
            start = cell.tokens[0].start
            replacements.append((start, start, new_text + separator))
    return replacements
