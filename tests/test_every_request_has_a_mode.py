"""Issue 14's bar on examples/: after `fix --write`, every request to DeepSeek
either sets its thinking mode or carries a DSM201 finding (naming where its
model comes from when another module holds it).

The requests are listed here independently of the rules: every call a
calling context recognises (other hosts and FIM left out) and every JSON body
sent, in every Python file of each example app.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from ds_migrate.python.analyzer import analyze
from ds_migrate.python.contexts import context_for
from ds_migrate.python.contexts.fim import FimCompletions
from ds_migrate.python.requests import _call_request, _payload_request
from ds_migrate.python.usage import payload_kind, sent_as_json
from projects import fix_tree, scan_tree

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
APPS = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())


def _requests(path: Path) -> list[tuple[int, bool, bool]]:
    """(line of the model, sets its mode, still names a retired id) per request."""
    text = path.read_text(encoding="utf-8")
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return []  # examples/broken: searched as text, never rewritten
    info = analyze(text, module).info
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    found = []
    for call in info.every_call():
        context = context_for(call, info)
        if context is None or isinstance(context, FimCompletions) or context.is_foreign(call, info):
            continue
        request = _call_request(call, context, info)
        node = request.model_node if request.model_node is not None else call
        found.append((positions[node].start.line, request.explicit, request.is_legacy))
    for body, parents in info.every_model_dict():
        if payload_kind(body) == "chat" and sent_as_json(body, parents, info):
            request = _payload_request(body, info)
            node = request.model_node if request.model_node is not None else body
            found.append((positions[node].start.line, request.explicit, request.is_legacy))
    return found


@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
@pytest.mark.parametrize("app", APPS)
def test_every_request_sets_its_mode_or_is_reported(app, tier, tmp_path):
    root = shutil.copytree(EXAMPLES / app, tmp_path / app)
    fix_tree(root, *tier)
    reported = {
        (Path(f["path"]).resolve().relative_to(root.resolve()).as_posix(), f["line"]): f["message"]
        for f in scan_tree(root)["findings"]
        if f["code"] == "DSM201"
    }
    silent = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        for line, explicit, legacy in _requests(path):
            if explicit or legacy:  # a retired id left (the plan holds it) is reported by DSM10x
                continue
            if (relative, line) not in reported:
                silent.append(f"{relative}:{line}")
    assert silent == []


def test_requests_whose_model_comes_from_config_name_it():
    root = EXAMPLES / "chatbot"
    messages = [f["message"] for f in scan_tree(root)["findings"] if f["code"] == "DSM201"]
    assert any(m.startswith("No thinking mode set; model from ") and "config.py:7:" in m for m in messages)
    assert any(m.startswith("No thinking mode set; model from ") and "config.py:13:" in m for m in messages)
