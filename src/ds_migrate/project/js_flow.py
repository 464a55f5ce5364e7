"""Follow the model from JavaScript/TypeScript modules to the requests that
read it: the parent's half of the JS model flow (flow/ is the Python one).

Each worker that parsed a JS/TS file returned its facts
(findings/js_facts.py): the requests whose model is an expression, and the
exported names that hold a model id, each followed inside the module down
to literals, imports and unknowns. Here the imports are linked along the
import graph (js_imports.py), the files that import an exporting module
but never mention DeepSeek are read in the worker pool (``read_facts``),
and each request the ids reach gets a hint, by the same rules as Python's:
the toggle is offered only when one retired id reaches it, not through a
default a caller may replace, on a host visibly DeepSeek's, in a body the
request sends as written.
"""

from __future__ import annotations

import os

from ds_migrate.deepseek.mapping import LEGACY_MODES
from ds_migrate.deepseek.names import V4_ID, find_legacy_names
from ds_migrate.findings.js_facts import IMPORT, LITERAL, JsFacts
from ds_migrate.project.flow.hints import Hint
from ds_migrate.project.flow.resolve import MIXED_MODES
from ds_migrate.project.js_imports import JS_SUFFIXES, files_importing, module_stem, resolve, specifiers

MAX_HOPS = 6


def js_trace(outcome, paths: list[str], file_filter, read_facts) -> list[tuple[str, str, dict[int, Hint]]]:
    """(path on disk, displayed path, hints by line) of every JS/TS file with
    a request a model id reaches. ``read_facts(paths)``: the facts of files
    no worker read (pipeline.py: in the worker pool when the run has one)."""
    from ds_migrate.discover.listing import display_path

    facts: dict[str, tuple[str, str, JsFacts]] = {}
    analysed: set[str] = set()
    for path, result in zip(outcome.paths, outcome.results):
        if path.endswith(JS_SUFFIXES):
            analysed.add(os.path.abspath(path))
        found = getattr(result, "js_flow", None)
        if found is not None:
            facts[os.path.abspath(path)] = (path, result.path, found)
    exporting = [p for p, (_, _, f) in facts.items() if f.gives_a_model]
    if not any(f.requests for _, _, f in facts.values()) and not exporting:
        return []
    folders = [p for p in paths if p != "-" and os.path.isdir(p)]
    roots = sorted({os.path.abspath(f) for f in folders} | {os.path.dirname(p) for p in facts})
    roots += [os.path.join(r, "src") for r in roots if os.path.isdir(os.path.join(r, "src"))]
    if exporting and folders and file_filter is not None:
        stems = sorted({module_stem(p) for p in exporting})
        wanted = set(exporting)
        unread = []
        for found in files_importing(stems, folders, file_filter):
            real = os.path.abspath(found)
            if real in analysed or real in facts:
                continue
            if _imports_one_of(real, wanted, roots):
                unread.append(found)
        for found, more in zip(unread, read_facts(unread) if unread else []):
            if more is not None:
                facts[os.path.abspath(found)] = (found, display_path(found, outcome.cwd or None), more)
    env = _env_values(outcome)
    linker = _Linker(facts, roots)
    out = []
    for real, (path, shown, these) in sorted(facts.items()):
        hints = {}
        for request in these.requests:
            hint = linker.hint(real, request, env)
            if hint is not None:
                hints.setdefault(hint.line, hint)
        if hints:
            out.append((path, shown, hints))
    return out


def _imports_one_of(path: str, wanted: set[str], roots: list[str]) -> bool:
    from pathlib import Path

    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(set(resolve(spec, path, roots)) & wanted for spec in specifiers(text))


def _env_values(outcome) -> dict:
    from ds_migrate.project.flow.search import env_values

    return env_values(outcome)


class _Linker:
    def __init__(self, facts, roots) -> None:
        self.facts = facts
        self.roots = roots

    def follow(self, real: str, leads, hops: int = 0, through: bool = False):
        """(literals as (displayed path, lead, through a parameter), unknowns) ``leads`` come to."""
        literals, unknown = [], []
        shown = self.facts[real][1] if real in self.facts else real
        for lead in leads:
            if lead.kind == LITERAL:
                literals.append((shown, lead, through or lead.through_parameter))
            elif lead.kind == IMPORT and hops < MAX_HOPS:
                targets = resolve(lead.specifier, real, self.roots)
                exported = [(t, self.facts[t][2].export(lead.value)) for t in targets if t in self.facts]
                exported = [(t, leads) for t, leads in exported if leads is not None]
                if not exported:
                    unknown.append(f"{lead.value} from {lead.specifier}")
                for target, more in exported:
                    found, missing = self.follow(target, more, hops + 1, through or lead.through_parameter)
                    literals += found
                    unknown += missing
            else:
                unknown.append(lead.value or "an expression")
        return literals, unknown

    def hint(self, real: str, request, env) -> Hint | None:
        literals, unknown = self.follow(real, request.leads)
        models = [(shown, lead, through) for shown, lead, through in literals if _names_model(lead.value)]
        if not models:
            return None  # no DeepSeek id reaches it: nothing to say
        values = [lead.value for _, lead, _ in literals]
        sources = [(shown, lead.line) for shown, lead, _ in models]
        origin = "; ".join(f"{shown}:{lead.line} ({lead.what})" for shown, lead, _ in models)
        variables = sorted({lead.env for _, lead, _ in literals if lead.env})
        for variable in variables:
            also = env.get(variable, ())
            values += [value for _, _, value in also]
            sources += [(shown, line) for shown, line, _ in also]
            origin += "".join(f"; {shown}:{line} sets {variable}={value}" for shown, line, value in also)
            origin += f" (and ${variable} wherever it is set outside the project)"
        legacy = [names[0] for names in map(find_legacy_names, values) if names]
        model = legacy[0].text if legacy else models[0][1].value
        if not legacy:
            return Hint(request.line, model, origin, None, None, tuple(sources))
        why_not = None
        if unknown:
            why_not = f"it may also come from {', '.join(sorted(set(unknown))[:3])}, which the run cannot follow"
        elif len({LEGACY_MODES.get(n[0].base) for n in map(find_legacy_names, values) if n}) > 1:
            # chat here, reasoner there (a default and a .env): its sources wait, as in Python
            why_not = f"{MIXED_MODES}: {', '.join(sorted(set(values)))}"
        elif len(set(values)) > 1:
            why_not = f"{len(set(values))} different ids reach it ({', '.join(sorted(set(values)))})"
        elif any(through for _, _, through in literals):
            why_not = ("it is a default a caller may replace (an option or a parameter), so callers may pass "
                       "another model; let them choose the mode too (a thinking option beside the model)")
        elif request.host != "deepseek":
            why_not = "the client's host is not visibly DeepSeek's (it may be shared with another provider)"
        elif request.no_toggle:
            why_not = request.no_toggle
        mode = LEGACY_MODES[legacy[0].base] if why_not is None else None
        return Hint(request.line, model, origin, mode, why_not, tuple(sources),
                    env=variables[0] if len(variables) == 1 else None)


def _names_model(value: str) -> bool:
    return bool(find_legacy_names(value)) or V4_ID.search(value) is not None
