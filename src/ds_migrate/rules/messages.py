"""The words of findings that more than one kind of file reports, built in one
place so that the same shape reads the same in Python, JavaScript, the
backend languages, config files and documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ds_migrate.deepseek.mapping import Mapping
    from ds_migrate.deepseek.names import LegacyName

# DSM107: only the "deepseek-" piece is reported; the rest is known at run time
DYNAMIC_NAME = (
    "Model name built at run time from 'deepseek-': if the rest is 'chat' or "
    "'reasoner' it names a retired model; use 'v4-flash' with an explicit thinking mode"
)


def replacement(name: "LegacyName", mapping: "Mapping") -> str:
    """The id ``name`` becomes, its provider prefix kept."""
    return name.prefix + mapping.replacement(name.base).model


def retired(name: "LegacyName", mapping: "Mapping", where: str) -> str:
    """DSM101-DSM104: what was found and what to use, in one line. The date
    and the API's 400 text are said once per run, in the report's footer
    (report/summary.py)."""
    return (
        f"{where} '{name.text}' is retired: use '{replacement(name, mapping)}' "
        f"with thinking {mapping.replacement(name.base).mode}"
    )


def fix_does(what: str) -> str:
    """What the fix of a finding does, in words true before it runs (a scan,
    a preview) and after (``fix --write``'s follow-ups): "fix renames the
    default", never "renamed the default". ``what`` is the short form the
    rules pass: "renamed the value", "constant renamed", "renamed only", or
    a reason before it ("unknown caller, renamed only")."""
    reason, _, action = what.rpartition(", ")
    if action == "renamed only":
        words = "fix renames only"
    elif action.startswith("renamed "):
        words = "fix renames " + action[len("renamed "):]
    elif action.endswith(" renamed"):
        words = "fix renames the " + action[: -len(" renamed")].lower()
    else:
        words = action
    return f"{reason}: {words}" if reason else words


def fix_note(what: str, then: str) -> str:
    """A rename's note: what the fix does; what is left to a person
    ("fix renames the value; set thinking disabled where ..."; the
    separator is what findings.Finding.rule_note reads)."""
    return f"{fix_does(what)}; {then}"


def set_mode_where_requested(name: "LegacyName", mapping: "Mapping", what: str) -> str:
    """The note of a rename that could not set the thinking mode itself."""
    mode = mapping.replacement(name.base).mode
    return fix_note(what, f"set thinking {mode} where the request is made")


def comparison(name: "LegacyName", mapping: "Mapping") -> str:
    """DSM105."""
    return (
        f"Comparison with retired model '{name.text}': it becomes '{replacement(name, mapping)}' in either "
        "thinking mode; review the branch"
    )


def closed_member(name: "LegacyName", mapping: "Mapping", container: str) -> str:
    """DSM106 on a closed TypeScript union or a zod enum (javascript_types.py)."""
    return (
        f"Retired model '{name.text}' as a member of {container}: the member stays and "
        f"'{replacement(name, mapping)}' is added beside it, so values typed by it can be renamed"
    )


def open_union(name: "LegacyName", mapping: "Mapping") -> str:
    """DSM106 on a union type that admits any string."""
    return (
        f"Retired model '{name.text}' in a union type that admits any string: values of it may be "
        f"'{replacement(name, mapping)}' already; nothing to change"
    )


def table_entry(name: "LegacyName", mapping: "Mapping", role: str) -> str:
    """DSM106: ``role`` is "key of a table", "member of a collection", "enum member", "lookup key"."""
    return (
        f"Retired model '{name.text}' as {role}: the current model is "
        f"'{replacement(name, mapping)}' (thinking on or off is one model); review the table"
    )


def capability(name: "LegacyName", mapping: "Mapping", kind: str) -> str:
    """DSM112: ``kind`` is what the table or predicate classifies by."""
    return (
        f"Retired model '{name.text}' in a capability table or predicate ({kind}): "
        f"add an entry or branch for '{replacement(name, mapping)}' instead of renaming it"
    )


def mentioned(name: "LegacyName", mapping: "Mapping", where: str) -> str:
    """DSM108: a comment, docstring or documentation names a retired model."""
    return f"{where} mentions retired model '{name.text}'; the current name is '{replacement(name, mapping)}'"


def other_use(name: "LegacyName", mapping: "Mapping") -> str:
    """DSM109 where the rename is known."""
    return f"Retired model name '{name.text}' (the current name is '{replacement(name, mapping)}')"


def unclaimed(name: "LegacyName", why: str) -> str:
    """DSM109 where no rule understood the spot."""
    return f"Retired model name '{name.text}' ({why})"


def other_provider_beside(name: "LegacyName", provider: str) -> str:
    """DSM110: another provider named beside the model."""
    return (
        f"'{name.text}' is {provider}'s model id here (its provider is named beside it); "
        "that provider's ids are not affected by the retirement"
    )


def in_openrouter_catalogue(name: "LegacyName", variant: str) -> str:
    """DSM110: a ``deepseek/...`` id in a group that holds an OpenRouter variant."""
    return (
        f"'{name.text}' is OpenRouter's model id here (its group also lists OpenRouter's '{variant}'); "
        "that provider's ids are not affected by the retirement"
    )


def sent_elsewhere(name: "LegacyName", url: str) -> str:
    """DSM110: the request goes to a client whose base URL names another host."""
    return f"'{name.text}' goes to {url}, not DeepSeek's API; that provider's ids are not affected by the retirement"


def local_server(name: "LegacyName") -> str:
    """DSM110: an Ollama or other local server's model name."""
    return f"'{name.text}' is a local model server's name here, not a DeepSeek API id; left alone"


def recorded(name: "LegacyName", where: str) -> str:
    """DSM111 in a recording (cassette, snapshot, lock file, notebook output)."""
    return f"Retired model name '{name.text}' in {where}; recorded data is not rewritten"


def in_response(name: "LegacyName", kind: str) -> str:
    """DSM111 in an API response built or kept in code."""
    return f"Retired model name '{name.text}' in {kind}: responses are not requests; not rewritten"


# DSM201: a request to a V4 model that does not say whether to think.
V4_WITHOUT_MODE = (
    "No thinking mode set on this V4 request (V4 thinks by default): set it, disabled for chat-style use "
    "or enabled for reasoner-style"
)


def router_alias(text: str) -> str:
    """DSM106/DSM114: a LiteLLM Router deployment's model_name."""
    return (
        f"Retired model '{text}' is the model_name of a LiteLLM Router deployment, the name callers ask "
        "the Router for: it can stay (the deployment's litellm_params is migrated), or be renamed together "
        "with every caller"
    )
