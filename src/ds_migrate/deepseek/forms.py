"""Which thinking-toggle form works with which version of a package.

Data, not code: one table, checked on the wire by tests/wire/test_wire_forms.py
in every environment of tests/wire/matrix.toml (that test fails when a
version does something other than what this table says). docs/contexts.md
shows it.

For each calling context whose form depends on a version:

- ``package``: the distribution whose version decides (DSPy hands its
  keywords to LiteLLM, so LiteLLM's version decides for DSPy too);
- ``works``: (form, mode) -> [from, below) version range where that form puts
  ``"thinking": {"type": mode}`` in the request body. ``below`` None means
  every later version checked. Before ``from`` the form either fails or is
  not known to work (older than any version checked);
- ``prefer``: the order to choose in when the pinned range allows several;
- ``unpinned``: the form for a file with no pin (it works on every version
  in the matrix).
"""

from __future__ import annotations

_LITELLM_WORKS = {
    # thinking= raises UnsupportedParamsError up to 1.80.0 and is dropped
    # silently from 1.80.17 (both types); from 1.82.1 type "enabled" reaches
    # the body (1.82.0 still drops it), while "disabled" is dropped silently
    # up to 1.92.2 (V4 keeps thinking) and passed through from 1.93.0.
    ("thinking", "enabled"): ("1.82.1", None),
    ("thinking", "disabled"): ("1.93.0", None),
    # an OpenAI-style extra body reaches the request on every version checked
    ("extra_body", "enabled"): ("1.77", None),
    ("extra_body", "disabled"): ("1.77", None),
}

FORMS: dict[str, dict] = {
    "anthropic-sdk": {
        "package": "anthropic",
        "prefer": ("thinking", "extra_body"),
        "unpinned": "extra_body",
        "works": {
            # messages.create/stream(thinking=...) is a TypeError before 0.47
            ("thinking", "enabled"): ("0.47", None),
            ("thinking", "disabled"): ("0.47", None),
            ("extra_body", "enabled"): ("0.40", None),
            ("extra_body", "disabled"): ("0.40", None),
        },
        "evidence": "wire: 0.40.0, 0.46.0, 0.47.0, 2.14.0",
    },
    "litellm": {
        "package": "litellm",
        "prefer": ("thinking", "extra_body"),
        "unpinned": "extra_body",
        "works": _LITELLM_WORKS,
        "evidence": "wire: 1.77.7, 1.82.0, 1.82.1, 1.92.2, 1.93.0, 1.110.2 (bisected on 1.80.0, 1.80.17, 1.81.0, 1.81.10, 1.82.2, 1.82.4, 1.83.0, 1.84.0)",
    },
    "dspy": {
        "package": "litellm",
        "prefer": ("thinking", "extra_body"),
        "unpinned": "extra_body",
        "works": _LITELLM_WORKS,  # DSPy forwards its keywords: LiteLLM's version decides
        "evidence": "wire: dspy 3.0.3 on LiteLLM 1.77.7, dspy 3.4.1 on LiteLLM 1.92.2 and 1.110.2",
    },
    "agno": {
        "package": "agno",
        "prefer": ("use_thinking", "request_params"),
        "unpinned": "request_params",
        "works": {
            # DeepSeek(use_thinking=...) is a TypeError before 2.6.10 (1.8.3, 2.6.9)
            ("use_thinking", "enabled"): ("2.6.10", None),
            ("use_thinking", "disabled"): ("2.6.10", None),
            # request_params={"extra_body": {"thinking": ...}}
            ("request_params", "enabled"): ("1.8", None),
            ("request_params", "disabled"): ("1.8", None),
        },
        "evidence": "wire: 1.8.3, 2.6.9 (use_thinking= a TypeError), 2.6.10, 3.1.10",
    },
    "autogen": {
        "package": "autogen-ext",
        "prefer": ("extra_body",),
        # no form reaches the body before 0.7.5; unpinned, the toggle is still
        # added (harmless there) and the note names the version it needs
        "unpinned": "extra_body",
        "works": {
            # OpenAIChatCompletionClient(extra_body=...): kept as a create argument
            # from 0.7.5; 0.7.4 and earlier filter it out without a word
            ("extra_body", "enabled"): ("0.7.5", None),
            ("extra_body", "disabled"): ("0.7.5", None),
        },
        "evidence": "wire: 0.6.4 drops it, 0.7.5 sends it",
    },
    "camel": {
        "package": "camel-ai",
        "prefer": ("thinking", "extra_body"),
        "unpinned": "extra_body",
        "works": {
            # DeepSeekConfig(thinking=...): a validation error on 0.2.90 (extra fields forbidden)
            ("thinking", "enabled"): ("0.2.91a5", None),
            ("thinking", "disabled"): ("0.2.91a5", None),
            # model_config_dict={..., "extra_body": {"thinking": ...}}: handed on to the SDK
            ("extra_body", "enabled"): ("0.2.90", None),
            ("extra_body", "disabled"): ("0.2.90", None),
        },
        # ModelType.DEEPSEEK_V4_FLASH / _PRO: absent from 0.2.90 (an AttributeError)
        "members_since": "0.2.91a5",
        "evidence": "wire: 0.2.90 (no V4 member; DeepSeekConfig(thinking=) a validation error), 0.2.91a5, 0.2.91a7",
    },
}


def _at_least(version, bound: str) -> bool:
    """``version`` (a ``packaging`` Version) is ``bound`` or later; a pre-release
    of ``bound`` (1.93.0rc1 for 1.93.0) is not."""
    from packaging.version import Version

    return version >= Version(bound)


def _below(pin, bound: str) -> bool:
    """Every version the pin allows is older than ``bound``."""
    from packaging.version import Version

    if pin.high is None:
        return False
    return pin.high < Version(bound) if pin.high_inclusive else pin.high <= Version(bound)


def choose_form(context: str, mode: str, path: str | None):
    """(form, pin) for a call of ``context`` in the file ``path``.

    With no pin (or one with no lower bound), the table's ``unpinned`` form.
    With a pin, the first preferred form that works from the pin's lowest
    version on; (None, pin) when none does: rename only and report. A range
    open upwards (``>=1.40``) whose lowest version no form reaches says no
    more than no pin (an install takes the newest): the ``unpinned`` form,
    as with no pin, not a rename that turns a chat request into a thinking one.
    """
    from ds_migrate.deepseek.pins import pin_for

    entry = FORMS[context]
    pin = pin_for(path, entry["package"], "python")
    if pin is None or pin.low is None:
        return entry["unpinned"], None
    for form in entry["prefer"]:
        since, below = entry["works"][(form, mode)]
        if not _at_least(pin.low, since):
            continue
        if below is not None and not _below(pin, below):
            continue
        return form, pin
    if pin.high is None:
        return entry["unpinned"], None
    return None, pin


def no_form_note(context: str, mode: str, pin) -> str:
    """What to tell the user when the pinned version takes no form checked."""
    entry = FORMS[context]
    known = ", ".join(
        f"{form}= from {entry['works'][(form, mode)][0]}" for form in entry["prefer"] if (form, mode) in entry["works"]
    )
    return (
        f"{pin.describe()} takes no thinking form known to work ({entry['package']}: {known}); "
        f"fix renames only; set thinking {mode} where the request is made, or upgrade {entry['package']}"
    )
