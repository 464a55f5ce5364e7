"""Pattern 3: capability tables and predicates classify ids; they are never
renamed, in either tier, and they hold back every other use of the id."""

from __future__ import annotations

import pytest

from conftest import codes, fix, scan
from projects import fix_tree, scan_tree, write_tree

CAPABILITY = {
    "non-thinking-set": '_non_thinking_model_ids = {"deepseek-chat"}\n',
    "is-r1-assignment": 'is_r1 = name == "deepseek-reasoner"\n',
    "is-r1-predicate": 'def is_reasoning_model(name):\n    return name == "deepseek-reasoner"\n',
    "substring-test": 'if "deepseek-reasoner" in model_name:\n    strip_reasoning()\n',
    "prefix-test": 'thinks = model.startswith("deepseek-reasoner")\n',
    "context-window": 'CONTEXT_WINDOW = {"deepseek-chat": 65536, "gpt-4o": 128000}\n',
    "prices": 'PRICING = {"deepseek-chat": {"input": 0.27, "output": 1.1}}\n',
    "supported-list": 'SUPPORTS_TOOLS = ["deepseek-chat"]\n',
}


@pytest.mark.parametrize("shape", sorted(CAPABILITY))
def test_capability_is_reported_and_never_renamed(shape):
    source = CAPABILITY[shape]
    assert codes(source) == ["DSM112"]
    assert fix(source, unsafe=True) == source


def test_js_includes_on_a_model_id_is_a_predicate():
    source = "export const thinks = (model: string) => model.includes('deepseek-reasoner');\n"
    assert codes(source, path="caps.ts") == ["DSM112"]
    assert fix(source, unsafe=True, path="caps.ts") == source


@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_capability_holds_back_the_default_that_reaches_it(tmp_path, tier):
    write_tree(tmp_path, {
        "registry.py": CAPABILITY["non-thinking-set"],
        "settings.py": 'MODEL = "deepseek-chat"\n',
        "app.py": "from registry import _non_thinking_model_ids\nfrom settings import MODEL\n",
    })
    assert fix_tree(tmp_path, *tier) == {}
    (group,) = scan_tree(tmp_path)["plan"]
    assert "add a 'deepseek-v4-flash' entry beside 'deepseek-chat' at " in group["decision"]


def test_a_default_that_cannot_reach_the_capability_table_is_renamed(tmp_path):
    write_tree(tmp_path, {
        "registry.py": CAPABILITY["non-thinking-set"],
        "settings.py": 'MODEL = "deepseek-chat"\n',
    })
    assert fix_tree(tmp_path) == {"settings.py": 'MODEL = "deepseek-v4-flash"\n'}


def test_adding_the_v4_entry_the_plan_asks_for_unblocks_the_next_run(tmp_path):
    registry = 'NON_THINKING = {"deepseek-chat"}\n\n\ndef thinks(model):\n    return model not in NON_THINKING\n'
    app = 'from registry import thinks\n\nMODEL = "deepseek-chat"\nprint(thinks(MODEL))\n'
    write_tree(tmp_path, {"registry.py": registry, "app.py": app})
    assert fix_tree(tmp_path) == {}
    (group,) = scan_tree(tmp_path)["plan"]
    assert "add a 'deepseek-v4-flash' entry beside 'deepseek-chat' at " in group["decision"]
    # do exactly what the plan says, then run again
    (tmp_path / "registry.py").write_text(registry.replace('{"deepseek-chat"}', '{"deepseek-chat", "deepseek-v4-flash"}'))
    assert fix_tree(tmp_path) == {"app.py": app.replace("deepseek-chat", "deepseek-v4-flash")}
    assert scan_tree(tmp_path)["plan"] == []


def test_the_message_says_to_add_a_v4_entry():
    (finding,) = scan(CAPABILITY["context-window"])
    assert "add an entry or branch for 'deepseek-v4-flash' instead of renaming it" in finding.message


def test_a_plain_branch_is_a_comparison_not_a_capability():
    assert codes('if model == "deepseek-chat":\n    pass\n') == ["DSM105"]
    assert codes('class ReasoningAgent:\n    def run(self):\n        if self.model == "deepseek-reasoner":\n            pass\n') == ["DSM105"]
