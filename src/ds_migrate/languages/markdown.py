"""Markdown and reStructuredText: names in prose are reported (info); code
blocks in a known language are checked by that language's rules and fixed
as a whole block, only with --unsafe-fixes (the prose around them may need
the same change)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ds_migrate.findings import Applicability, Finding, Fix, Severity, TextEdit, apply_text_edits
from ds_migrate.languages.base import Handler
from ds_migrate.languages.textscan import Collector
from ds_migrate.rules import rule_by_code
from ds_migrate.rules.comment import LegacyNameInComment
from ds_migrate.rules.messages import mentioned
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.rules.prose import Paragraphs
from ds_migrate.deepseek.mentions import mentions_text
from ds_migrate.languages.kinds import PATTERNS

# info string of a code block -> a file name whose handler reads that language
LANGUAGES = {
    "python": "block.py", "py": "block.py", "python3": "block.py", "ipython": "block.py",
    "javascript": "block.js", "js": "block.js", "jsx": "block.jsx", "mjs": "block.mjs",
    "typescript": "block.ts", "ts": "block.ts", "tsx": "block.tsx",
    "sh": "block.sh", "bash": "block.sh", "shell": "block.sh", "zsh": "block.sh",
    "yaml": "block.yaml", "yml": "block.yaml", "json": "block.json", "toml": "block.toml",
    "ini": "block.ini", "env": ".env", "dotenv": ".env", "dockerfile": "Dockerfile",
}

_RST = re.compile(r"^([ \t]*)\.\. (?:code-block|code|sourcecode)::[ \t]*([\w+-]+)[^\n]*\n((?:[ \t]*\n|\1[ \t]+[^\n]*\n)+)", re.M)


@dataclass(frozen=True)
class Block:
    start: int  # offset of the block's content
    end: int
    path: str  # pseudo file name for its language


@dataclass(frozen=True)
class BlockEdit:
    """Part of a fix: the code block, fixed when the file is written for the rule ``code``."""

    block: Block
    body: str  # the block's code, dedented
    indent: str  # put back in front of every non-blank line
    code: str
    mapping: Mapping
    fixable: int = 1  # names in the block with a fix by this rule: all must be chosen


def code_blocks(text: str, path: str = "") -> list[Block]:
    """The code blocks in a language we read: Markdown fences (markdown-it-py)
    in a Markdown file, ``.. code-block::`` directives in reStructuredText."""
    if not path.lower().endswith(".rst"):
        from ds_migrate.languages.markdown_fences import fences

        return [Block(f.start, f.end, LANGUAGES[f.language]) for f in fences(text) if f.language in LANGUAGES]
    blocks = []
    for match in _RST.finditer(text):
        language = match.group(2).lower()
        if language in LANGUAGES:
            blocks.append(Block(match.start(3), match.end(3), LANGUAGES[language]))
    return blocks


# info strings of a fenced block that quotes what a program printed
OUTPUT_BLOCKS = {"text", "txt", "plaintext", "output", "console", "terminal", "log", "logs", "stdout", "shell-session", "sh-session"}
_PROMPT = re.compile(r"[ \t]*(?:\$|>|%|PS>|#)\s")  # a command typed at a prompt, not output
_LOG_LINE = re.compile(r"^\W{0,2}(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d|(?:INFO|DEBUG|WARN(?:ING)?|ERROR)\b)", re.M)


def output_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of fenced blocks that quote a past run's output
    (a ``text``/``console``/``log`` block, or an unlabelled one holding a
    log or an API response): recorded data, reported and never rewritten.
    A console block's prompt lines are commands, not output."""
    from ds_migrate.languages.markdown_fences import fences
    from ds_migrate.rules.recorded_data import is_response_record

    spans = []
    for fence in fences(text):
        language, body = fence.language, text[fence.start : fence.end]
        if language not in OUTPUT_BLOCKS and not (language == "" and (_LOG_LINE.search(body) or is_response_record(body))):
            continue
        position = fence.start
        for line in body.splitlines(True):
            if not _PROMPT.match(line):
                spans.append((position, position + len(line)))
            position += len(line)
    return spans


def _dedent(body: str) -> tuple[str, str]:
    lines = [line for line in body.splitlines() if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    prefix = lines[0][:indent] if lines else ""
    return "".join(line[indent:] if line.strip() else line for line in body.splitlines(True)), prefix


class Documentation(Handler):
    kind = "markdown"
    patterns = PATTERNS["markdown"]
    priority = 30

    embeds_code = True

    def scan(self, path: str, text: str, mapping: Mapping, code) -> list[Finding]:
        out = Collector(path, text, mapping)
        claimed: set[int] = set()
        for block in code_blocks(text, path):
            body, indent = _dedent(text[block.start : block.end])
            if not mentions_text(body):
                continue
            # which fixes apply is decided when the file is written (see apply)
            processed = code.analyse(block.path, body.encode("utf-8"), code.options(mapping=mapping))
            names = {block.start + name.start: name for name in find_legacy_names(text[block.start : block.end])}
            line_starts = [block.start] + [i + 1 for i in range(block.start, block.end) if text[i] == "\n"]
            inner = processed.result.findings + processed.result.suppressed
            placed = []
            for finding in sorted(inner, key=Finding.sort_key):
                if not finding.legacy_name or finding.line > len(line_starts):
                    continue
                # dedenting took ``indent`` characters from every line that holds a name
                name = names.get(line_starts[finding.line - 1] + len(indent) + finding.column - 1)
                if name is not None:  # else reported below as prose, so it is not lost
                    placed.append((finding, name))
            fixable = Counter(f.code for f, _ in placed if f.fix is not None and not f.suppressed)
            for finding, name in placed:
                fix = None
                if finding.fix is not None:
                    edit = BlockEdit(block, body, indent, finding.code, mapping, fixable[finding.code])
                    fix = Fix(Applicability.UNSAFE, [edit], "fix the code block")
                start = block.start + name.start
                out.add(
                    rule_by_code(finding.code), name, start, block.start + name.end,
                    f"in a {block.path.rsplit('.', 1)[-1]} code block: {finding.message}",
                    fix, finding.note, severity=Severity.INFO, role="doc",
                )
                claimed.add(start)
        output = output_lines(text)
        output_starts = [start for start, _ in output]
        paragraphs = Paragraphs(text)
        for name in find_legacy_names(text):
            if name.start in claimed:
                continue
            i = bisect.bisect_right(output_starts, name.start) - 1
            if i >= 0 and name.start < output[i][1]:
                out.recorded(name, "program output quoted in documentation")
                continue
            out.mention(
                LegacyNameInComment, name, 0, paragraphs.around(name.start),
                mentioned(name, mapping, "documentation") + " (say which thinking mode)",
            )
        return out.findings

    def apply(self, text: str, chosen: list[Finding], code) -> str:
        """Fix each code block for the rules of the chosen findings only, so
        code a rule the user ignored stays as it is (a suppression comment in
        the block holds inside it too)."""
        edits: list[TextEdit] = []
        by_block: dict[int, list[BlockEdit]] = {}
        for finding in chosen:
            for edit in finding.fix.edits:
                if isinstance(edit, BlockEdit):
                    by_block.setdefault(edit.block.start, []).append(edit)
                else:  # a rename in the prose
                    edits.append(edit)
        for group in by_block.values():
            first = group[0]
            # a rule's fix rewrites all its names in the block: only when the
            # decision chose every one of them (decide.py)
            chosen_per_code = Counter(e.code for e in group)
            codes = sorted({e.code for e in group if chosen_per_code[e.code] >= e.fixable})
            if not codes:
                continue
            # every block fix is unsafe, so it is only chosen under --unsafe-fixes:
            # the rules inside the block may then apply their unsafe fixes too
            options = code.options(mapping=first.mapping, unsafe_fixes=True, select=tuple(codes))
            fixed = code.analyse(first.block.path, first.body.encode("utf-8"), options, want_fix=True).fixed_text
            if fixed is None:
                continue
            indent = first.indent
            new_body = "".join(indent + line if line.strip() else line for line in fixed.splitlines(True)) if indent else fixed
            edits.append(TextEdit(first.block.start, first.block.end, new_body))
        return apply_text_edits(text, edits)
