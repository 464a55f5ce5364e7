"""What a name in text (a comment, docstring, message or documentation
paragraph) stands for, before any rule offers to rename it there.

Two readings make a rename wrong even with --unsafe-fixes:

- the text is about the open-weights model, not DeepSeek's API: it names a
  Hugging Face repository of ``deepseek-ai``, an Ollama command, a local
  server or runtime, or gives a size (``DeepSeek-Coder 33B``);
- the rename would merge ids: the passage names two ids that become one
  (``deepseek-chat (V3), deepseek-reasoner (thinking)``, or ``deepseek-chat``
  beside ``deepseek-v4-flash``). SPEC 4's no-merge rule holds for a
  sentence of text as for a table; the check is ``collisions.merge_clash``.
"""

from __future__ import annotations

import bisect
import re

from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.deepseek.names import OLLAMA_COMMAND, LegacyName, find_legacy_names

_HF_REPO = re.compile(r"(?<![\w.-])deepseek-ai/[\w.-]+", re.IGNORECASE)
# words that put a passage on local or open-weights models
_LOCAL_WORDS = re.compile(
    r"\b(?:ollama|vllm|sglang|llama\.cpp|llama-cpp|lm ?studio|gguf|ggml|hugging ?face|hf hub|hf_hub|"
    r"from_pretrained|open[- ]weights?|model weights|quantized|quantised)\b",
    re.IGNORECASE,
)
_SIZE_AFTER = re.compile(r"[ -]?\d+(?:\.\d+)?[bB]\b")
_LOOK_BACK = 200
_V4_ID = re.compile(r"(?<![\w/.-])deepseek-(?:v4-(?:flash|pro)|flash|pro)(?![\w-])", re.IGNORECASE)


def open_weights_reason(text: str, name: LegacyName, about: str | None = "") -> str | None:
    """Why ``name`` (an occurrence in ``text``, one passage) names the
    open-weights model rather than DeepSeek's API id, or None. ``about`` is
    ``passage_about(text)`` when the caller has it already."""
    # a command just before the name, on its line (a bounded look back: a
    # passage may be one long line that names many)
    window = max(0, name.start - _LOOK_BACK)
    line_start = text.rfind("\n", window, name.start) + 1 or window
    if OLLAMA_COMMAND.search(text, line_start, name.start):
        return "an Ollama model tag (ollama pull/run)"
    if _SIZE_AFTER.match(text, name.end):
        return "the open-weights model of that size"
    return passage_about(text) if about == "" else about


def passage_about(text: str) -> str | None:
    """The open-weights model, when the whole passage is about it: it names a
    deepseek-ai repository or a local runtime."""
    repo = _HF_REPO.search(text)
    if repo is not None:
        return f"the open-weights model (beside the repository {repo.group(0)})"
    word = _LOCAL_WORDS.search(text)
    if word is not None:
        return f"the open-weights model (the text is about {word.group(0)})"
    return None


def open_weights_message(name: LegacyName, reason: str) -> str:
    """DSM110 for a name in text that is not the API id."""
    return (
        f"'{name.text}' here names {reason}, not DeepSeek's API id; "
        "the retirement does not touch it, so it is left alone"
    )


def passage_merge(text: str, mapping: Mapping) -> str | None:
    """Why renaming the retired names of one passage would make two of its
    ids equal (two retired ids with one target, or a retired id beside its
    target), or None. Not worded as a code refusal (``MERGE_REFUSAL``): text
    left as is holds no code back (decide.py)."""
    from ds_migrate.findings import MERGE_REFUSAL
    from ds_migrate.deepseek.merges import merge_clash

    ids = [name.text for name in find_legacy_names(text)] + [m.group(0) for m in _V4_ID.finditer(text)]
    clash = merge_clash(ids, mapping)
    if clash is None:
        return None
    return (
        f"left as is: {clash.removeprefix(MERGE_REFUSAL).strip()} in one passage of text; "
        "reword it by hand to say each one's thinking mode"
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


class Paragraphs:
    """The blank-line-separated paragraphs of a text, found once."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.gaps = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
        self.gap_starts = [start for start, _ in self.gaps]

    def around(self, offset: int) -> tuple[int, int]:
        """The paragraph that holds ``offset``."""
        i = bisect.bisect_right(self.gap_starts, offset)
        start = self.gaps[i - 1][1] if i else 0
        end = self.gaps[i][0] if i < len(self.gaps) else self.length
        return start, end
