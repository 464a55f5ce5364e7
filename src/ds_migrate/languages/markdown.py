"""Markdown and reStructuredText: names in prose are reported (info); code
blocks in a known language are checked by that language's rules and fixed
as a whole block, only with --unsafe-fixes (the prose around them may need
the same change)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ds_migrate.findings import Applicability, Finding, Fix, Severity, TextEdit, apply_text_edits
from ds_migrate.languages.base import Handler
from ds_migrate.languages.textscan import Collector, replacement
from ds_migrate.mapping import Mapping
from ds_migrate.names import find_legacy_names

# info string of a code block -> a file name whose handler reads that language
LANGUAGES = {
    "python": "block.py", "py": "block.py", "python3": "block.py", "ipython": "block.py",
    "javascript": "block.js", "js": "block.js", "jsx": "block.jsx", "mjs": "block.mjs",
    "typescript": "block.ts", "ts": "block.ts", "tsx": "block.tsx",
    "sh": "block.sh", "bash": "block.sh", "shell": "block.sh", "zsh": "block.sh",
    "yaml": "block.yaml", "yml": "block.yaml", "json": "block.json", "toml": "block.toml",
    "ini": "block.ini", "env": ".env", "dotenv": ".env", "dockerfile": "Dockerfile",
}

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n(.*?)^\1\2[ \t]*$", re.M | re.S)
_RST = re.compile(r"^([ \t]*)\.\. (?:code-block|code|sourcecode)::[ \t]*([\w+-]+)[^\n]*\n((?:[ \t]*\n|\1[ \t]+[^\n]*\n)+)", re.M)


@dataclass
class Block:
    start: int  # offset of the block's content
    end: int
    path: str  # pseudo file name for its language


def code_blocks(text: str) -> list[Block]:
    blocks = []
    for match in _FENCE.finditer(text):
        language = match.group(3).lower()
        if language in LANGUAGES:
            blocks.append(Block(match.start(4), match.end(4), LANGUAGES[language]))
    for match in _RST.finditer(text):
        language = match.group(2).lower()
        if language in LANGUAGES:
            blocks.append(Block(match.start(3), match.end(3), LANGUAGES[language]))
    return blocks


def _dedent(body: str) -> tuple[str, str]:
    lines = [line for line in body.splitlines() if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    prefix = lines[0][:indent] if lines else ""
    return "".join(line[indent:] if line.strip() else line for line in body.splitlines(True)), prefix


@dataclass(frozen=True)
class BlockEdit(TextEdit):
    """A fixed code block, and how many fixable names it holds."""

    names: int = 0


class Documentation(Handler):
    kind = "markdown"
    patterns = ("*.md", "*.markdown", "*.rst")
    priority = 30

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        from ds_migrate.engine import Options, process_file

        out = Collector(path, text, mapping)
        claimed: set[int] = set()
        for block in code_blocks(text):
            body, indent = _dedent(text[block.start : block.end])
            if "deepseek" not in body.lower():
                continue
            options = Options(mapping=mapping, unsafe_fixes=True)
            processed = process_file(block.path, body.encode("utf-8"), options, want_fix=True)
            fixed = processed.fixed_text
            edit = None
            body_names = find_legacy_names(text[block.start : block.end])
            inner = [f for f in processed.result.findings if f.legacy_name]
            if fixed is not None:
                new_body = "".join(indent + line if line.strip() else line for line in fixed.splitlines(True)) if indent else fixed
                fixable = sum(1 for _, f in zip(body_names, inner) if f.fix is not None)
                edit = BlockEdit(block.start, block.end, new_body, fixable)
            for name, finding in zip(body_names, inner):
                start = block.start + name.start
                fix = Fix(Applicability.UNSAFE, [edit], "fix the code block") if edit and finding.fix else None
                out.add(
                    finding.code, name, start, block.start + name.end,
                    f"in a {block.path.rsplit('.', 1)[-1]} code block: {finding.message}",
                    fix, finding.note, severity=Severity.INFO, role="doc",
                )
                claimed.add(start)
        for name in find_legacy_names(text):
            if name.start in claimed:
                continue
            out.add(
                "DSM108", name, name.start, name.end,
                f"documentation mentions retired model '{name.text}'; the current name is "
                f"'{replacement(name, mapping)}' (say which thinking mode)",
                out.rename_fix(name, Applicability.UNSAFE),
            )
        return out.findings

    def apply(self, text: str, chosen: list[Finding]) -> str:
        """A code block is rewritten whole, so only when every fixable name in it was chosen."""
        edits: dict[TextEdit, int] = {}
        for finding in chosen:
            for edit in finding.fix.edits:
                edits[edit] = edits.get(edit, 0) + 1
        kept = [e for e, n in edits.items() if not isinstance(e, BlockEdit) or n >= e.names]
        return apply_text_edits(text, kept)
