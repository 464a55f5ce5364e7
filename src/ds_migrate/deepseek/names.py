"""Recognise retired DeepSeek model names as whole tokens in any text.

One matcher serves every file kind, the suppression count and the
"nothing missed" invariant, so they can never disagree about what an
occurrence is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEGACY_BASE_NAMES = ("deepseek-chat", "deepseek-reasoner", "deepseek-coder")
# a current (V4) id, as code names it
V4_ID = re.compile(r"deepseek-(?:v4-(?:flash|pro)|flash|pro)(?![\w-])", re.IGNORECASE)

_CANDIDATE = re.compile(r"deepseek-(?:chat|reasoner|coder)", re.IGNORECASE)

# Characters that continue a model id or a provider route; a legacy name
# glued to one of them is part of some longer, different id.
_ID_CHARS = frozenset("_-.@")
_SHELL_DEFAULT = re.compile(r"\$\{\w+:?-$")
_PROVIDER_PREFIXES = ("deepseek",)


@dataclass(frozen=True)
class LegacyName:
    """One occurrence: ``start:end`` covers the prefix and the name."""

    start: int
    end: int
    text: str  # as written, prefix included: "deepseek/deepseek-chat"
    prefix: str  # "deepseek/", "deepseek:" or ""
    base: str  # lower-case base name: "deepseek-chat"

    @property
    def name_start(self) -> int:
        return self.start + len(self.prefix)


def _is_id_char(ch: str) -> bool:
    return ch.isalnum() or ch in _ID_CHARS


def _segment_before(text: str, end: int) -> int:
    """Start of the run of id characters ending at ``end``."""
    i = end
    while i > 0 and _is_id_char(text[i - 1]):
        i -= 1
    return i


def find_legacy_names(text: str) -> list[LegacyName]:
    """Every whole-token legacy name in ``text``, in order."""
    found: list[LegacyName] = []
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if end < n:
            after = text[end]
            if after.isalnum() or after in "_-":
                continue  # deepseek-chat-v3-0324, deepseek-chat_x
            if after in ".:" and end + 1 < n and (text[end + 1].isalnum() or text[end + 1] == "_"):
                continue  # deepseek-chat:free (OpenRouter variant), deepseek-chat.v2
        prefix = ""
        if start:
            before = text[start - 1]
            if before in "/:":
                seg_start = _segment_before(text, start - 1)
                segment = text[seg_start : start - 1]
                outer = text[seg_start - 1] if seg_start else ""
                routed = outer != "" and (outer in "/:" or _is_id_char(outer))
                if segment.lower() in _PROVIDER_PREFIXES and not routed:
                    prefix = text[seg_start:start]
                elif before == "/" and segment == "" and not routed:
                    pass  # "/deepseek-chat": a route named after the id, not another provider's
                elif before == "/" and segment.lower() in LEGACY_BASE_NAMES:
                    pass  # prose such as "deepseek-chat/deepseek-reasoner"
                else:
                    continue  # openrouter/deepseek/deepseek-chat, a URL path
            elif before == "-" and _SHELL_DEFAULT.search(text, max(0, start - 80), start):
                pass  # ${DEEPSEEK_MODEL:-deepseek-chat}
            elif _is_id_char(before):
                continue  # whisper-and-deepseek-chat
        full_start = start - len(prefix)
        found.append(
            LegacyName(full_start, end, text[full_start:end], prefix, m.group(0).lower())
        )
    return found


def is_exact_legacy(value: str) -> LegacyName | None:
    """The legacy name if ``value`` is nothing but one (with optional prefix)."""
    names = find_legacy_names(value)
    if len(names) == 1 and names[0].start == 0 and names[0].end == len(value):
        return names[0]
    return None


# Hosts whose own catalogues carry ids that contain a legacy DeepSeek name
# (``openrouter/deepseek/deepseek-chat``, ``together_ai/deepseek-chat``): the
# retirement does not touch them.
OTHER_PROVIDERS = frozenset({
    "openrouter", "together_ai", "together", "fireworks_ai", "fireworks", "deepinfra", "groq", "nvidia_nim",
    "nim", "bedrock", "hyperbolic", "novita", "siliconflow", "huggingface", "sambanova", "ollama",
    "ollama_chat", "cloudflare", "replicate", "anyscale", "perplexity", "openrouter.ai",
})
_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/:@")


@dataclass(frozen=True)
class ProviderSlug:
    """Another provider's model id that contains a legacy name."""

    start: int
    end: int
    text: str
    provider: str  # "openrouter", or "" when only the ``:variant`` tells


def find_provider_slugs(text: str) -> list[ProviderSlug]:
    """Other providers' ids around a legacy name, which ``find_legacy_names``
    leaves out: ``openrouter/deepseek/deepseek-chat``, ``deepseek/deepseek-chat:free``
    (an OpenRouter variant), ``openrouter:deepseek/deepseek-chat``. A URL is no slug."""
    taken = {name.name_start for name in find_legacy_names(text)}
    found: list[ProviderSlug] = []
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if start in taken:
            continue
        variant = end + 1 < n and text[end] == ":" and text[end + 1].isalnum()
        if end < n and not variant:
            after = text[end]
            if after.isalnum() or after in "_-":
                continue  # a longer id: deepseek-chat-v3-0324
            if after == "." and end + 1 < n and text[end + 1].isalnum():
                continue  # deepseek-chat.txt
        left = start
        while left > 0 and text[left - 1] in _SLUG_CHARS:
            left -= 1
        right = end
        if variant:
            right = end + 1
            while right < n and (text[right].isalnum() or text[right] in "_-" or (
                text[right] == "." and right + 1 < n and text[right + 1].isalnum()
            )):
                right += 1  # deepseek-chat:free, deepseek-coder:6.7b
        token = text[left:right].lstrip(":/.@")
        left = right - len(token)
        before = text[left:start]
        if "://" in text[max(0, left - 3) : right] or before.startswith("/"):
            continue
        segments = [s for s in re.split(r"[/:]", before) if s]
        provider = next((s.lower() for s in segments if s.lower() in OTHER_PROVIDERS), "")
        routed_deepseek = len(segments) >= 2 and segments[-1].lower() == "deepseek"
        if provider or variant or routed_deepseek:
            found.append(ProviderSlug(left, right, token, provider))
    return found


# A local model server's own names: Ollama tags, and the name a vLLM / SGLang /
# llama.cpp server answers to. Not DeepSeek API ids.
OLLAMA_COMMAND = re.compile(
    r"ollama\s+(?:run|pull|create|show|cp|rm|push)\s+[\w.:/-]*$"
    r"|--(?:served-model-name|served_model_name|model-alias|alias)[=\s]+[\"']?$",
    re.IGNORECASE,
)

# An Ollama tag that names a size or build of the open weights: deepseek-coder:6.7b, :33b-instruct, :latest
# an id only OpenRouter's catalogue has: ``vendor/model:variant`` with one of
# its variants (openrouter.ai/docs: model variants), not routed further
_OPENROUTER_VARIANT = re.compile(
    r"(?<![\w./:-])[a-z0-9][\w.-]*/[\w.-]+:(?:free|beta|extended|thinking|nitro|floor|online|exacto)(?![\w./:-])",
    re.IGNORECASE,
)


# what every variant id holds: looked for first, as a whole file (litellm's
# 3.4 MB price table) is searched in a tenth of the full pattern's time
_VARIANT_SUFFIX = re.compile(r":(?:free|beta|extended|thinking|nitro|floor|online|exacto)", re.IGNORECASE)


def openrouter_variant_among(values) -> str | None:
    """The first OpenRouter variant id (``deepseek/deepseek-chat:free``) among
    ``values``, the strings of one list, table or group of constants. A
    ``deepseek/deepseek-chat`` beside one is OpenRouter's id too: LiteLLM,
    the other home of ``deepseek/`` ids, has no such variants, and one
    catalogue does not mix two providers' namespaces."""
    for value in values:
        if _VARIANT_SUFFIX.search(value) is None:
            continue
        found = _OPENROUTER_VARIANT.search(value)
        if found is not None:
            return found.group(0)
    return None


def openrouter_member(name: "LegacyName", values) -> str | None:
    """The variant that makes ``name`` an OpenRouter id in its group, if it
    is written ``deepseek/<id>`` (not routed further) and the group has one."""
    if name.prefix != "deepseek/":
        return None
    values = list(values)
    own = openrouter_variant_among(v for v in values if v.lower().startswith("deepseek/"))
    return own or openrouter_variant_among(values)


OPEN_WEIGHTS_TAG = re.compile(r":(?:\d+(?:\.\d+)?[bm]\b|latest\b)", re.IGNORECASE)
