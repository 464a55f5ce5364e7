"""The migration table: which V4 model and thinking mode replace each name.

This is data, not code: users override it with ``--target``, a ``mapping``
table in the config, or ``--thinking-form omit``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENABLED = "enabled"
DISABLED = "disabled"

RETIREMENT = "2026-07-24 15:59 UTC"
TARGETS = ("deepseek-v4-flash", "deepseek-flash", "deepseek-v4-pro")
DEFAULT_TARGET = "deepseek-v4-flash"
THINKING_FORMS = ("object", "omit")

# The thinking mode each retired name stood for (DeepSeek pricing page,
# footnote 1: chat and reasoner were the non-thinking and thinking modes of
# deepseek-v4-flash; coder was merged into chat in 2024).
LEGACY_MODES = {
    "deepseek-chat": DISABLED,
    "deepseek-coder": DISABLED,
    "deepseek-reasoner": ENABLED,
}

# Names that are already V4: a call naming one of them thinks by default.
V4_NAMES = frozenset(
    {"deepseek-v4-flash", "deepseek-v4-pro", "deepseek-flash", "deepseek-pro"}
)


def names_a_v4_model(model_id: str) -> bool:
    """``deepseek-v4-flash``, ``deepseek/deepseek-v4-pro``, ``litellm:deepseek-flash``:
    a V4 id, with a provider prefix or not (an open-weights name such as
    ``deepseek-ai/DeepSeek-V3`` is not)."""
    return model_id.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() in V4_NAMES


def api_error_text(name: str) -> str:
    """The 400 message DeepSeek returns since the retirement, for searchers."""
    return (
        "The supported API model names are deepseek-v4-pro or deepseek-v4-flash, "
        f"but you passed {name}."
    )


@dataclass(frozen=True)
class Replacement:
    model: str
    mode: str  # ENABLED or DISABLED


@dataclass(frozen=True)
class Mapping:
    target: str = DEFAULT_TARGET
    overrides: dict[str, str] = field(default_factory=dict)
    thinking_form: str = "object"
    # the mode to give V4 requests that set none (--assume-mode), or None
    assume_mode: str | None = None

    def replacement(self, base_name: str) -> Replacement:
        base = base_name.lower()
        model = self.overrides.get(base, self.target)
        return Replacement(model=model, mode=LEGACY_MODES[base])

    @property
    def adds_toggle(self) -> bool:
        return self.thinking_form != "omit"

    def target_of(self, base_name: str) -> str:
        """The id ``base_name`` becomes (picklable as a bound method)."""
        return self.replacement(base_name).model

    def rename(self, text: str, only: frozenset[int] | None = None) -> str:
        """``text`` with legacy names replaced, provider prefixes kept.

        ``only`` limits the change to the occurrences starting at those offsets.
        """
        from ds_migrate.deepseek.names import find_legacy_names

        out, last = [], 0
        for name in find_legacy_names(text):
            if only is not None and name.start not in only:
                continue
            out.append(text[last : name.name_start])
            out.append(self.replacement(name.base).model)
            last = name.end
        out.append(text[last:])
        return "".join(out)
