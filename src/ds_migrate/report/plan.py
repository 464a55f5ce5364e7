"""The migration plan: each coupled group this run did not rename, once.

A group is one legacy id whose uses select behaviour somewhere (decide.py):
its sites by role, why nothing was renamed, and the decision left to make.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ds_migrate.findings.wording import to_name
from ds_migrate.project.decide import ROLE_LABELS

MAX_SITES_SHOWN = 12


def plan_dicts(run) -> list[dict]:
    """The plan for ``--format json``: each entry with its number, which
    findings' notes and ``plan_entry`` refer to."""
    return [{"number": number, **group.as_dict()} for number, group in enumerate(getattr(run, "plan", []), 1)]


def _sites_by_role(group) -> list[tuple[str, list[str]]]:
    by_role: dict[str, list[str]] = {}
    for path, line, role in group.sites:
        by_role.setdefault(role, []).append(f"{path}:{line}")
    return [(ROLE_LABELS.get(role, role), sites) for role, sites in by_role.items()]


def plan_lines(run) -> list[str]:
    """Plain lines (text and Markdown reports share them)."""
    lines: list[str] = []
    said: dict[tuple, int] = {}  # each step given, and the entry that gave it first
    for number, group in enumerate(getattr(run, "plan", []), 1):
        lines.append(f"#{number} {_headline(group)}")
        for label, sites in _sites_by_role(group):
            shown, rest = to_name(sites, MAX_SITES_SHOWN)
            more = f" and {rest} more" if rest else ""
            lines.append(f"  {label}: {', '.join(shown)}{more}")
        for why in group.why:
            lines.append(f"  why: {why}")
        lines.extend(_decision_lines(group.decision, number, said))
    return lines


# a choice that is another way to take the step before it, or a word on it:
# said under that step, not numbered as one more thing to do
_ALTERNATIVE = ("or ", "but ", "to keep that choice")


def _decision_lines(decision: str, number: int = 0, said: dict[tuple, int] | None = None) -> list[str]:
    """The steps left, numbered in the order to take them, each alternative
    under its step: joined into one sentence they ran to 600 characters (a
    fresh reader), and listed flat a seventh could not tell which came first.
    A step an earlier entry gave (the ids' merge, the mapping) is not spelt
    out again (``said``: step -> the entry that gave it)."""
    said = {} if said is None else said
    parts = [part.strip() for part in decision.split("; ") if part.strip()]
    if len(parts) <= 1:
        return [f"  to decide: {decision}"]
    steps: list[list[str]] = []
    for part in parts:
        if steps and part.startswith(_ALTERNATIVE):
            steps[-1].append(part)
        else:
            steps.append([part])
    lines = ["  to decide, in order:"]
    for count, step in enumerate(steps, 1):
        earlier = said.setdefault(tuple(step), number)
        if earlier != number and len(step) > 1:
            lines.append(f"    {count}. as in #{earlier}: {_first_words(step[0])}")
            continue
        lines.append(f"    {count}. {step[0]}")
        lines.extend(f"       {alternative}" for alternative in step[1:])
    return lines


def _first_words(choice: str) -> str:
    words = choice.split(":")[0].split()
    return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")


def _headline(group) -> str:
    state = "renamed only with --unsafe-fixes" if group.renamed_with_unsafe_fixes else "not renamed"
    count = len(group.sites)
    return f"{group.legacy_id}: {state} ({count} site{'' if count == 1 else 's'})"


def plan_one_liners(run) -> list[str]:
    """One line per entry (the concise report); the full report has the rest."""
    return [
        f"plan #{number}: {_headline(group)}; sites and what to decide: --output-format full"
        for number, group in enumerate(getattr(run, "plan", []), 1)
    ]


def render_text(console: Console, run) -> None:
    lines = plan_lines(run)
    if not lines:
        return
    console.print(Text("Migration plan: what is left for a person", style="bold"))
    for line in lines:
        style = "bold" if line.startswith("#") else ("dim" if line.lstrip().startswith("why") else "")
        console.print(Text(line, style=style))
    console.print()


# Rule notes that say the rename could not set the mode at the request itself.
_MODE_BY_HAND = "where the request is made"


def follow_ups(applied, run=None) -> list[tuple[str, int, str]]:
    """Applied renames whose request is elsewhere: (path, line, note). Until the
    mode is set there, those requests think (V4's default). A rename whose
    every request the run found (ds_migrate/project/flow/) got its toggle is done."""
    left = _requests_left(run) if run is not None else {}
    return sorted(
        {
            (f.path, f.line, _naming(f.note, left[(f.path, f.line)]) if left.get((f.path, f.line)) else f.note)
            for f in applied
            if f.note and _MODE_BY_HAND in f.note and left.get((f.path, f.line)) != []
        }
    )


def _naming(note: str, sites: list[tuple[str, int]]) -> str:
    """The note, naming the requests the run found that still need their mode."""
    shown = ", ".join(f"{path}:{line}" for path, line in sorted(set(sites)))
    return note.replace(_MODE_BY_HAND, f"{_MODE_BY_HAND} ({shown})", 1)


def _requests_left(run) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """Source (path, line) -> the requests the run found reading it whose
    mode this run did not set (empty: every one got its mode)."""
    flows = getattr(getattr(run, "decision", None), "flows", None) or {}
    toggled = {(p.result.path, f.line) for p in run.processed for f in p.applied if f.code == "DSM201"}
    left: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for shown, hints in flows.items():
        for line, hint in hints.items():
            for source in hint.sources:
                left.setdefault(source, [])
                if (shown, line) not in toggled:
                    left[source].append((shown, line))
    return left


def render_follow_ups(console: Console, applied, written: bool, run=None) -> None:
    found = follow_ups(applied, run)
    if not found:
        return
    verb = "Renamed" if written else "Would rename"
    console.print()
    console.print(Text(f"{verb} without setting the thinking mode (set it where each request is made):", style="bold"))
    for path, line, note in found:
        console.print(Text(f"  {path}:{line}: {note}"))
