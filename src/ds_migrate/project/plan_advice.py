"""The plan's words for a held-back group (decide.py): the exact edit at
each selector, the request sites where the mode goes, and the --mapping
that keeps two ids apart when a merge is what blocks. Pure text."""

from __future__ import annotations

import re

from ds_migrate.findings.wording import to_name
from ds_migrate.project.verdicts import (
    ALIAS, CAPABILITY, CODE_SELECTING, COMPARISON, DOC, KEY, MAX_NAMED_SITES, MEMBER, ROUTE, TEST, VALUE, _where,
)

PRO_MAPPING = "deepseek-reasoner=deepseek-v4-pro"
# the step asking for the mode at the values' readers (dropped once they all set it: decision.py)
SET_MODE_STEP = "set the thinking mode at each request that reads these values "
# the same choice as a setting (config.py), so that later runs keep it: given
# only on the command line, the next plain scan told the reasoner's remaining
# sites to use deepseek-v4-flash beside code already on deepseek-v4-pro (a
# fourth fresh reader)
PRO_MAPPING_SETTING = 'mapping = { deepseek-reasoner = "deepseek-v4-pro" }'


def _distinct(reasons: list[str], most: int = MAX_NAMED_SITES) -> list[str]:
    """Each reason once; a reason repeated at many sites is said once with a count."""
    def key(reason: str) -> str:
        # the same refusal at several sites, in whichever order it names the ids
        text = reason.split(": ", 1)[-1].split("; ", 1)[0]
        return " ".join(sorted(re.findall(r"'[^']+'", text))) + re.sub(r"'[^']+'", "", text)

    seen: dict[str, int] = {}
    for reason in reasons:
        seen[key(reason)] = seen.get(key(reason), 0) + 1
    out = []
    for reason in reasons:
        if key(reason) in seen:
            count = seen.pop(key(reason))
            out.append(reason.split("; decide by hand")[0] + (f" (and {count - 1} more like it)" if count > 1 else ""))
        if len(out) == most and len(seen) > 1:
            break
    rest = sum(seen.values())
    if rest:
        out.append(f"{rest} more")  # two reasons or more: one left is said in full above
    return out



def _sites(members) -> str:
    """``a.py:3, b.py:7 and 2 more``: the first few sites, then a count."""
    shown, rest = to_name(members, MAX_NAMED_SITES)
    return ", ".join(_where(m.finding) for m in shown) + (f" and {rest} more" if rest else "")


def _unreported_blockers(members) -> list[str]:
    """How to proceed past a suppressed or unselected use that holds the
    group: no tier renames it, so the group waits for a person or for the
    suppression or selection to change (issue 24, item 4)."""
    steps = []
    for unselected, how in (
        (False, "drop the suppression, or edit {them} by hand as below"),
        (True, "select {codes} too (or take {it} off --ignore), or edit {them} by hand as below"),
    ):
        held = [
            m for m in members
            if m.finding.suppressed and m.finding.unselected == unselected and m.blocked
            and m.blocked.startswith(_where(m.finding) + " is ")
        ]
        if not held:
            continue
        one = len(held) == 1
        sites = _sites(held)
        codes = ", ".join(sorted({m.finding.code for m in held}))
        state = "not selected" if unselected else "suppressed"
        steps.append(
            f"{sites} {'is' if one else 'are'} {state}: no tier renames {'it' if one else 'them'}, so the uses coupled "
            f"with {'it' if one else 'them'} wait too; "
            + how.format(them="it" if one else "them", it="it" if one else "them", codes=codes)
        )
    return steps


# what DSM112 says a table or predicate classifies by: ('is_reasoning'),
# (substring predicate), ...
_KIND = re.compile(r"table or predicate \(([^)]*)\)")
_THINKING_WORDS = re.compile(r"think|reason|(^|_)r1($|_)", re.IGNORECASE)


def _about_thinking(message: str, legacy_id: str) -> bool:
    """A predicate or set that tells by the id whether a request thinks
    (``is_reasoning``, ``NON_THINKING_MODELS``, ``"deepseek-reasoner" in m``):
    a V4 entry beside it answers the same for both modes (a sixth fresh reader)."""
    kind = _KIND.search(message)
    if kind is None or "prices" in kind.group(1):
        return False
    return bool(_THINKING_WORDS.search(kind.group(1))) or (
        "predicate" in kind.group(1) and legacy_id == "deepseek-reasoner"
    )


def _capability_step(legacy_id: str, capability, target: str, only_blocker: bool, shared=frozenset()) -> str:
    """The exact edit a capability table or predicate asks for; where it is
    all that holds the group, doing just that lets the next run rename the
    group (SPEC section 4), and the step says so. Where the same table keys
    the other retired id that becomes the same target, one entry serves
    both: the plan of each id asked for its own, and a user who added both
    wrote one key twice (a fifth fresh reader: the reasoner's price won)."""
    what = "branch" if all("predicate)" in (m.finding.message or "") for m in capability) else "entry"
    then = ": the next run then renames the group" if only_blocker else ""
    if what == "entry" and any(m.finding.path in shared for m in capability):
        return (
            f"add one '{target}' entry at {_sites(capability)} for '{legacy_id}' and the other retired id (one key: give it "
            f"the values of the mode your requests send, or keep the ids apart with --mapping {PRO_MAPPING}){then}"
        )
    return f"add a '{target}' {what} beside '{legacy_id}' at {_sites(capability)} (keep or drop the legacy one){then}"


def advice(legacy_id: str, members, blocked: bool, target: str, present: dict, shared=frozenset()) -> str:
    roles = {m.role for m in members}
    has_target = {path for path in present.get(target, ())}
    steps = _unreported_blockers(members)
    capability = [m for m in members if m.role == CAPABILITY and m.finding.path not in has_target]
    if capability:
        # the first blocker's own remedy comes first (the plan's "why" names it)
        first = next((m for m in members if m.blocked), None)
        at = 0 if first is not None and first.role == CAPABILITY else len(steps)
        # once the V4 entry stands beside it, a table or predicate is compat code: with
        # no other selector and no other blocker, nothing couples the group any more
        named = {id(m) for m in capability}
        only = all(id(m) in named for m in members if m.blocked or m.role in CODE_SELECTING)
        steps.insert(at, _capability_step(legacy_id, capability, target, only, shared))
        thinking = [m for m in capability if _about_thinking(m.finding.message or "", legacy_id)]
        if thinking:
            steps.insert(at + 1, (
                f"but {_sites(thinking)} tells by the id whether a request thinks: on V4 '{target}' is sent in "
                "both modes, so where requests of the other mode become it too, test the request's thinking "
                f"mode there instead, or keep the ids apart with --mapping {PRO_MAPPING}"
            ))
    refused = [m for m in members if m.finding.merge_refused]
    if refused:
        steps.append(
            "both retired ids become one V4 model: merge the entries or branches that tell them apart, "
            "and tell the two uses apart by the thinking mode instead"
        )
        # the mapping keeps chat and reasoner apart; chat and coder merge under
        # any mapping of the reasoner (a fresh review: the advice came back
        # after it was followed, case 10)
        if (
            legacy_id in ("deepseek-chat", "deepseek-reasoner") and target != "deepseek-v4-pro"
            and all("deepseek-reasoner" in (m.finding.note or "") for m in refused)
        ):
            # chosen after a first fix --write, it left the requests that run renamed on
            # the flash id and moved the rest to pro (a seventh fresh reader)
            steps.append(
                f"or keep the two ids apart, chosen before the first fix --write (what it renames gets '{target}'): "
                f"ds-migrate fix --write --mapping {PRO_MAPPING} ."
            )
            steps.append(
                f"to keep that choice for later runs, put {PRO_MAPPING_SETTING} under [tool.ds-migrate] in "
                "pyproject.toml (or at the top of a ds-migrate.toml)"
            )
    if COMPARISON in roles:
        steps.append("these branches select behaviour by model id: after the migration, branch on the thinking mode instead")
    if KEY in roles or MEMBER in roles or ALIAS in roles:
        steps.append(f"rename the keys, members and lookups together, or add '{target}' beside the legacy one")
    if ROUTE in roles:
        steps.append(
            "a Router's model_name is what its callers ask for: keep it (its deployment is migrated), "
            "or rename it together with every caller"
        )
    tests = [m for m in members if m.role == TEST]
    if tests:
        steps.append(
            f"the tests that check these values ({_sites(tests)}) move with the group: each is renamed "
            "with the value it checks, not by hand"
        )
    values = [m for m in members if m.role == VALUE and m.role != DOC]
    if values:
        steps.append(f"{SET_MODE_STEP}({_sites(values)})")
    steps.append("then rename the whole group with --unsafe-fixes" if not blocked else "then run fix again")
    return "; ".join(steps)
