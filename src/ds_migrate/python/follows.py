"""What the rules follow from one statement to another, said once.

Two readers of a module have to agree on it: the analysis
(``python/analyzer.py`` and ``python/module_info.py``, over libcst), which
records these facts for the rules, and the slice's closure
(``python/slicing/closure.py``, over CPython's ``ast``), which keeps every
statement the rules could reach through them. Both take their rules from
here; neither restates them.

- A *binding* is an assignment (``=`` or an annotated one with a value) to
  a name or an attribute chain; it is keyed by the target's dotted text
  (``MODEL``, ``self.client``), module-wide.
- *Imports* map a local name to its qualified name (``import_bindings``).
- The rules search the *readers* of a binding whose value can become part
  of a DeepSeek request (``readers_followed``): a string naming DeepSeek
  (or the one an ``a or b or "..."`` falls back to), a call whose default
  names DeepSeek (``os.getenv("X", "deepseek-chat")``, a settings field
  with ``env=``: ``rules/env_default.py`` follows it), a
  client built with a base URL, a payload dict (one with a ``"model"``
  key), or a dict holding a string that names DeepSeek (a rule asks where
  such a dict is posted: ``{"name": "deepseek-coder"}`` sent to Ollama).
- A class attribute ``x`` is also read as ``self.x`` or ``cls.x``
  (``SELF_NAMES``).
- The base URL of a client is passed by one of ``BASE_URL_KEYWORDS``.
"""

from __future__ import annotations

from typing import Iterable

from ds_migrate.deepseek.mentions import mentions_text

BASE_URL_KEYWORDS = ("base_url", "api_base", "openai_api_base", "api_base_url", "base_api")
PAYLOAD_KEY = "model"  # a dict literal with this key is a request payload (or a config)
SELF_NAMES = ("self", "cls")


def import_bindings(
    module: str | None, names: Iterable[tuple[str, str | None]], relative: bool
) -> list[tuple[str, str, str]]:
    """The (local name, qualified name, imported name) triples an import
    statement binds (``import a.b`` binds ``a`` to ``a`` and imports
    ``a.b``).

    ``module`` is None for ``import a.b``, the module's dotted name for
    ``from module import ...``; ``names`` are (dotted name, alias or None),
    with ``*`` for a star import. Relative imports and star imports bind
    nothing the rules can resolve; a star import ends the list.
    """
    found: list[tuple[str, str, str]] = []
    if module is None:
        for name, alias in names:
            if alias:
                found.append((alias, name, name))
            else:
                head = name.split(".")[0]
                found.append((head, head, name))
        return found
    if relative:
        return found
    for name, alias in names:
        if name == "*":
            break
        found.append((alias or name, f"{module}.{name}", f"{module}.{name}"))
    return found


def readers_followed(kind: str, string: object = None, keywords: Iterable[str | None] = (),
                     dict_keys: Iterable[object] = (), dict_strings: Iterable[object] = (),
                     defaults: Iterable[object] = ()) -> bool:
    """Could code reading a name bound to this value become a DeepSeek
    request, or be searched by a rule? ``kind`` is "string" (with its
    value), "call" (with its keyword names and the constants it may take
    as a default: its second positional argument, ``default=``, and with
    ``env=`` its first) or "dict" (with its constant keys); anything else
    is not followed (its readers are reported on only when something else
    links them to DeepSeek)."""
    if kind == "string":
        return isinstance(string, str) and mentions_text(string)
    if kind == "call":
        return any(keyword in BASE_URL_KEYWORDS for keyword in keywords) or any(
            isinstance(text, str) and mentions_text(text) for text in defaults
        )
    if kind == "dict":
        return PAYLOAD_KEY in dict_keys or any(
            isinstance(text, str) and mentions_text(text) for text in dict_strings
        )
    return False


def class_readings(key: str) -> set[str]:
    """The texts that read ``key``: a plain name may be a class attribute,
    read through ``self`` or ``cls``."""
    if "." in key:
        return {key}
    return {key, *(f"{owner}.{key}" for owner in SELF_NAMES)}
