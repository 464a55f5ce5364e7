"""A plan that unblocks (issue 24, item 5): each held-back group names the
exact edit and the request site where the mode goes; a merge refusal says
which --mapping keeps the ids apart; a project that has its V4 entries is
not asked to add them; and doing what the plan says unblocks the next run."""

from __future__ import annotations

import json

from projects import fix_tree, scan_tree, write_tree

CONFIG = 'DEFAULT_MODEL = "deepseek-chat"\n'
ROUTER = 'PRICES = {"deepseek-chat": 0.27}\n\n\ndef cost(model):\n    return PRICES[model]\n'
SERVICE = (
    "from openai import OpenAI\n\n"
    "from app.config import DEFAULT_MODEL\n"
    "from app.router import cost\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def ask(q):\n"
    "    cost(DEFAULT_MODEL)\n"
    "    return client.chat.completions.create(model=DEFAULT_MODEL, messages=q)\n"
)


def _project(tmp_path):
    return write_tree(tmp_path, {"app/__init__.py": "", "app/config.py": CONFIG, "app/router.py": ROUTER, "app/service.py": SERVICE})


def test_the_plan_names_the_edit_and_the_request_where_the_mode_goes(tmp_path):
    root = _project(tmp_path)
    assert fix_tree(root) == {}
    (group,) = scan_tree(root)["plan"]
    decision = group["decision"].replace(str(root) + "/", "")
    assert decision.startswith(
        "add a 'deepseek-v4-flash' entry beside 'deepseek-chat' at app/router.py:1 (keep or drop the legacy one): "
        "the next run then renames the group; "
    )
    assert "the mode goes at the request: app/service.py:11 (thinking disabled)" in decision


def test_doing_what_the_plan_says_unblocks_the_next_run(tmp_path):
    root = _project(tmp_path)
    (root / "app" / "router.py").write_text(ROUTER.replace("0.27}", '0.27, "deepseek-v4-flash": 0.14}'))
    changed = fix_tree(root)
    assert changed["app/config.py"] == CONFIG.replace("deepseek-chat", "deepseek-v4-flash")
    assert all("add a 'deepseek-v4-flash' entry" not in g["decision"] for g in scan_tree(root)["plan"])


def test_a_merge_refusal_suggests_the_mapping_that_keeps_the_ids_apart(tmp_path):
    source = 'ALIASES = {"fast": "deepseek-chat", "deep": "deepseek-reasoner"}\n'
    user = 'from aliases import ALIASES\n\nMODEL = "deepseek-chat"\nprint(ALIASES, MODEL)\n'
    write_tree(tmp_path, {"aliases.py": source, "app.py": user})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    plans = scan_tree(tmp_path)["plan"]
    assert any("--mapping deepseek-reasoner=deepseek-v4-pro" in g["decision"] for g in plans), plans
    # and following it does resolve the refusal
    changed = fix_tree(tmp_path, "--unsafe-fixes", "--mapping", "deepseek-reasoner=deepseek-v4-pro")
    assert changed["aliases.py"] == 'ALIASES = {"fast": "deepseek-v4-flash", "deep": "deepseek-v4-pro"}\n'


def test_the_plan_says_how_to_keep_the_mapping_and_that_text_is_a_setting(tmp_path):
    """Given only on the command line, the mapping is gone on the next plain
    run, which then told the reasoner's sites to use deepseek-v4-flash (a
    fourth fresh reader). The plan prints the setting; pasted as printed
    under [tool.ds-migrate], a plain run (no --mapping) follows it."""
    import re

    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    source = 'ALIASES = {"fast": "deepseek-chat", "deep": "deepseek-reasoner"}\n'
    write_tree(tmp_path, {"aliases.py": source})
    decision = " ".join(g["decision"] for g in scan_tree(tmp_path)["plan"])
    setting = re.search(r"put (mapping = \{.*?\}) under \[tool\.ds-migrate\] in pyproject\.toml", decision)
    assert setting, decision
    write_tree(tmp_path, {"pyproject.toml": f'[project]\nname = "x"\n\n[tool.ds-migrate]\n{setting.group(1)}\n'})
    result = CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "aliases.py").read_text() == 'ALIASES = {"fast": "deepseek-v4-flash", "deep": "deepseek-v4-pro"}\n'


def test_no_mapping_is_suggested_when_chat_and_coder_would_merge(tmp_path):
    """chat and coder become the same id whatever the reasoner maps to: the
    suggestion came back after it was followed (a fresh review, case 10)."""
    source = 'ALIASES = {"fast": "deepseek-chat", "code": "deepseek-coder", "deep": "deepseek-reasoner"}\n'
    write_tree(tmp_path, {"aliases.py": source})
    plans = scan_tree(tmp_path)["plan"]
    assert plans and not any("--mapping" in g["decision"] for g in plans), plans


def test_a_project_that_has_its_v4_entries_is_not_asked_to_add_them(tmp_path):
    write_tree(tmp_path, {
        "caps.py": 'NON_THINKING = {"deepseek-chat", "deepseek-v4-flash"}\n',
        "app.py": 'from caps import NON_THINKING\n\nMODEL = "deepseek-chat"\nprint(MODEL in NON_THINKING)\n',
    })
    assert all("add a 'deepseek-v4-flash' entry" not in g["decision"] for g in scan_tree(tmp_path)["plan"])


def test_a_v4_entry_added_beside_the_legacy_one_is_not_itself_a_blocker(tmp_path):
    """Case 04 followed by hand (a fresh review): the price table gets the
    V4 entry the plan asks for; a literal lookup elsewhere then held the
    group back because 'deepseek-v4-flash is already used' in that very
    table. A V4 id beside the legacy one in compat code is the plan's own
    edit, not a use: the group is renamed whole with --unsafe-fixes, the
    mode set at the request."""
    pricing = (
        'PRICES = {\n    "deepseek-chat": {"output": 0.0011},\n    "deepseek-reasoner": {"output": 0.00219},\n'
        '    "deepseek-v4-flash": {"output": 0.0011},\n}\n\n\n'
        "def cost(model, n):\n    return PRICES[model][\"output\"] * n\n"
    )
    run = (
        "from openai import OpenAI\n\nfrom app.pricing import PRICES, cost\n\n"
        'MODEL = "deepseek-chat"\nclient = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
        "def run(q):\n    out = client.chat.completions.create(model=MODEL, messages=q)\n"
        "    return cost(MODEL, out.usage.completion_tokens)\n\n\n"
        'def budget():\n    return PRICES["deepseek-chat"]["output"] * 4\n'
    )
    root = write_tree(tmp_path, {"app/__init__.py": "", "app/pricing.py": pricing, "app/run.py": run})
    (group,) = scan_tree(root)["plan"]
    assert "already used" not in " ".join(group["why"])
    changed = fix_tree(root, "--unsafe-fixes")
    assert changed == {
        "app/run.py": run.replace('MODEL = "deepseek-chat"', 'MODEL = "deepseek-v4-flash"')
        .replace("messages=q)", 'messages=q, extra_body={"thinking": {"type": "disabled"}})')
        .replace('PRICES["deepseek-chat"]', 'PRICES["deepseek-v4-flash"]')
    }


def test_a_table_beside_a_request_the_run_renames_is_still_asked_for_its_v4_entry(tmp_path):
    """A fourth fresh reader: the price table's file also held a request the
    safe tier renames, and the plan took the run's own rename for a V4 entry
    the table already had: it never said to add one, the only step that
    unblocks the group."""
    agents = (
        'from langchain_openai import ChatOpenAI\n\n'
        'llm = ChatOpenAI(model="deepseek-chat", base_url="https://api.deepseek.com")\n\n'
        'PRICES = {"deepseek-chat": 0.27, "deepseek-reasoner": 0.55}\n\n\n'
        "def cost(model, n):\n    return PRICES[model] * n\n"
    )
    write_tree(tmp_path, {"agents.py": agents, ".env.example": "MODEL=deepseek-chat\n"})
    plans = {g["legacy_id"]: g for g in scan_tree(tmp_path)["plan"]}
    # the table keys both ids: one V4 entry serves both (the next test of the file says why)
    assert "add one 'deepseek-v4-flash' entry at " in plans["deepseek-chat"]["decision"]


# modelled on a fourth fresh reader's project: a price table names both ids,
# a settings default and a test of it, a request reading the default
AGENTS = (
    "PRICES = {\n"
    '    "deepseek-chat": (0.27, 1.10),\n'
    '    "deepseek-reasoner": (0.55, 2.19),\n'
    "}\n\n\n"
    "def cost(model, tin, tout):\n    pin, pout = PRICES[model]\n    return (tin * pin + tout * pout) / 1e6\n"
)
SETTINGS = 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n'
CLIENT = (
    "from openai import OpenAI\n\nfrom app.agents import cost\nfrom app.settings import MODEL\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def chat(messages):\n    resp = client.chat.completions.create(model=MODEL, messages=messages)\n"
    "    cost(MODEL, 1, 1)\n    return resp\n"
)
TEST = 'from app import settings\n\n\ndef test_default_model():\n    assert settings.MODEL == "deepseek-chat"\n'


def _text_plan(root) -> list[str]:
    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    result = CliRunner().invoke(main, ["scan", "--isolated", "."], catch_exceptions=False)
    lines = result.output.splitlines()
    head = "Migration plan: what is left for a person"
    return lines[lines.index(head):] if head in lines else []


def test_a_capability_blocker_s_own_edit_comes_first_and_doing_it_unblocks(tmp_path, monkeypatch):
    root = write_tree(tmp_path, {
        "app/__init__.py": "", "app/agents.py": AGENTS, "app/settings.py": SETTINGS, "app/client.py": CLIENT,
        "tests/test_settings.py": TEST,
    })
    monkeypatch.chdir(root)
    plan = _text_plan(root)
    chat = plan[plan.index(next(line for line in plan if line.startswith("#") and "deepseek-chat" in line)):]
    assert "  why: app/agents.py:2 is a capability table or predicate (never renamed)" in chat
    first = chat[chat.index("  to decide, in order:") + 1]
    assert first == (
        "    1. add one 'deepseek-v4-flash' entry at app/agents.py:2 for 'deepseek-chat' and the other retired id (one key: give it the values "
        "of the mode your requests send, or keep the ids apart with --mapping deepseek-reasoner=deepseek-v4-pro): "
        "the next run then renames the group"
    )
    # the tests go with the group: no edit by hand
    assert any(line.endswith(
        ". the tests that check these values (tests/test_settings.py:5) move with the group: each is renamed "
        "with the value it checks, not by hand"
    ) for line in chat)
    # do exactly that edit, then run again: the group is renamed, its test with it
    lines = AGENTS.splitlines(keepends=True)
    lines.insert(2, '    "deepseek-v4-flash": (0.14, 0.28),\n')
    (root / "app" / "agents.py").write_text("".join(lines))
    changed = fix_tree(root)
    assert changed["app/settings.py"] == SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["tests/test_settings.py"] == TEST.replace("deepseek-chat", "deepseek-v4-flash")
    assert 'extra_body={"thinking": {"type": "disabled"}}' in changed["app/client.py"]
    assert not any(line.startswith("#") and "deepseek-chat" in line for line in _text_plan(root))


def test_no_promise_when_another_selector_holds_the_group_too(tmp_path):
    # the reasoner's branch stays a selector after the table gets its entry: no "next run renames" there
    root = write_tree(tmp_path, {
        "app/__init__.py": "", "app/agents.py": AGENTS,
        "app/think.py": 'from app.agents import cost\n\nR = "deepseek-reasoner"\n\n\ndef show(m):\n    return m == "deepseek-reasoner"\n',
    })
    plans = {g["legacy_id"]: g["decision"] for g in scan_tree(root)["plan"]}
    assert plans["deepseek-reasoner"].startswith("add one 'deepseek-v4-flash' entry at ")
    assert "the next run then renames the group" not in plans["deepseek-reasoner"]


def test_a_table_of_both_ids_asks_for_one_v4_entry_not_two(tmp_path):
    """``PRICES = {"deepseek-chat": ..., "deepseek-reasoner": ...}``: each id's
    plan asked for its own 'deepseek-v4-flash' entry, and doing both wrote
    one key twice (the reasoner's price replaced the chat one: a fifth fresh
    reader). Each plan now says one entry serves both, and how to keep two."""
    from projects import scan_tree, write_tree

    root = write_tree(tmp_path, {
        "app/__init__.py": "",
        "app/agents.py": 'PRICES = {"deepseek-chat": (0.27, 1.10), "deepseek-reasoner": (0.55, 2.19)}\n\n\n'
                         "def cost(model, n):\n    return PRICES[model][0] * n\n",
        "app/settings.py": 'import os\nMODEL = os.getenv("MODEL", "deepseek-chat")\n',
    })
    plans = {g["legacy_id"]: g["decision"].replace(str(root) + "/", "") for g in scan_tree(root)["plan"]}
    for legacy_id in ("deepseek-chat", "deepseek-reasoner"):
        first = plans[legacy_id].split("; ")[0]
        assert first.startswith(f"add one 'deepseek-v4-flash' entry at app/agents.py:1 for '{legacy_id}'"), first
        assert "--mapping deepseek-reasoner=deepseek-v4-pro" in first


def test_a_predicate_that_tells_thinking_by_the_id_is_warned_about_in_the_plan(tmp_path):
    """``is_reasoning(model)``: the V4 branch the plan asks for answers yes for
    chat requests too once both ids become deepseek-v4-flash (a sixth fresh
    reader followed it literally); the plan says so and offers the mode test
    or the mapping. A price table gets no such caution."""
    costs = (
        'PRICE = {"deepseek-chat": 1.10, "deepseek-reasoner": 2.19}\n\n\n'
        'def is_reasoning(model):\n    return model == "deepseek-reasoner"\n'
    )
    root = write_tree(tmp_path, {"costs.py": costs})
    plan = {g["legacy_id"]: g["decision"] for g in scan_tree(root)["plan"]}
    assert "costs.py:5 tells by the id whether a request thinks" in plan["deepseek-reasoner"]
    assert "--mapping deepseek-reasoner=deepseek-v4-pro" in plan["deepseek-reasoner"]
    assert "tells by the id" not in plan["deepseek-chat"]


def test_text_that_is_never_rewritten_is_no_site_of_a_held_group(tmp_path):
    """A changelog line was "history: not rewritten" and also "held back with
    every use of 'deepseek-chat' (see plan #1)", and the plan listed it among
    the group's sites, though releasing the group leaves it as it is (a sixth
    fresh reader)."""
    root = write_tree(tmp_path, {
        "CHANGES.md": "# Changes\n\n- Switched escalations from deepseek-chat to deepseek-reasoner.\n",
        "costs.py": 'PRICE = {"deepseek-chat": 1.10}\nMODEL = "deepseek-chat"\n',
    })
    document = scan_tree(root)
    (group,) = document["plan"]
    assert not any(site["path"].endswith("CHANGES.md") for site in group["sites"]), group["sites"]
    history = [f for f in document["findings"] if f["path"].endswith("CHANGES.md")]
    assert history and all("held back" not in (f["note"] or "") for f in history)


def test_a_changelog_scanned_alone_prints_no_plan(tmp_path):
    """Its history lines are no site of any group: the whole project's plan
    (30 lines) under two info findings was noise (a sixth fresh reader)."""
    root = write_tree(tmp_path, {
        "CHANGES.md": "# Changes\n\n- Switched escalations from deepseek-chat to deepseek-reasoner.\n",
        "costs.py": 'PRICE = {"deepseek-chat": 1.10}\nMODEL = "deepseek-chat"\n\n\ndef cost(n, model=MODEL):\n'
                    "    return PRICE[model] * n\n",
    })
    import subprocess

    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    subprocess.run(["git", "init", "-q", str(root)], check=True)  # the repository is the context
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    alone = CliRunner().invoke(main, ["scan", "--isolated", "--format", "json", str(root / "CHANGES.md")])
    assert json.loads(alone.stdout)["plan"] == []
    assert scan_tree(root)["plan"]  # the whole tree still has its plan


def test_the_plan_never_counts_one_reason_as_1_more():
    from ds_migrate.project.plan_advice import _distinct

    reasons = [f"a.py:{n}: reason number {n}" for n in range(5)]
    assert _distinct(reasons, most=4) == reasons
    assert _distinct([*reasons, "a.py:9: reason number 9"], most=4)[-1] == "2 more"


# reader6's settings (a fresh review, R-6 and S7): an env default held by a price
# lookup, read by one request; the unsafe tier sets its mode there
ENV_SETTINGS = 'import os\n\nMODEL = os.getenv("HELPDESK_MODEL", "deepseek-chat")\n'
ENV_COSTS = (
    "from app import settings\n\nOUTPUT_PRICE = {\"deepseek-chat\": 1.1}\n\n\n"
    "def estimate(tokens):\n    return OUTPUT_PRICE[settings.MODEL] * tokens\n"
)
ENV_CLIENT = (
    "from openai import OpenAI\n\nfrom app import settings\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def reply(messages):\n    return client.chat.completions.create(model=settings.MODEL, messages=messages)\n"
)


def _env_project(tmp_path):
    return write_tree(tmp_path, {"app/__init__.py": "", "app/settings.py": ENV_SETTINGS,
                                 "app/costs.py": ENV_COSTS, "app/client.py": ENV_CLIENT})


def test_a_mode_set_at_a_request_fed_by_an_env_default_says_it_holds_whatever_the_variable_names(tmp_path):
    """R-6: the unsafe tier fixes the request's mode while the model stays
    ``$HELPDESK_MODEL``; the note said only which id reaches it."""
    root = _env_project(tmp_path)
    (finding,) = [f for f in scan_tree(root)["findings"] if f["code"] == "DSM201"]
    assert finding["fix"] == "unsafe"
    assert finding["note"] == (
        "thinking disabled: the one retired id that reaches it, deepseek-chat, the default of $HELPDESK_MODEL; "
        "the mode is fixed here whatever $HELPDESK_MODEL names"
    )


def test_the_plan_stops_asking_for_a_mode_the_request_already_sets(tmp_path):
    """S7: after the unsafe tier set the mode at the request, the plan still
    said to set it there, and named the request as where it goes."""
    root = _env_project(tmp_path)
    (group,) = [g for g in scan_tree(root)["plan"] if g["legacy_id"] == "deepseek-chat"]
    decision = group["decision"].replace(str(root) + "/", "")
    assert "set the thinking mode at each request that reads these values (app/settings.py:3)" in decision
    assert "the mode goes at the request: app/client.py:9 (thinking disabled)" in decision
    changed = fix_tree(root, "--unsafe-fixes")
    assert 'extra_body={"thinking": {"type": "disabled"}}' in changed["app/client.py"]
    (group,) = [g for g in scan_tree(root)["plan"] if g["legacy_id"] == "deepseek-chat"]
    decision = group["decision"].replace(str(root) + "/", "")
    assert "set the thinking mode" not in decision and "the mode goes at the request" not in decision
    assert decision.endswith("then run fix again")
    # a second request reading the value, with no mode: both steps stay, naming only it
    (root / "app/other.py").write_text(ENV_CLIENT.replace("def reply", "def other"))
    (group,) = [g for g in scan_tree(root)["plan"] if g["legacy_id"] == "deepseek-chat"]
    decision = group["decision"].replace(str(root) + "/", "")
    assert "set the thinking mode at each request that reads these values (app/settings.py:3)" in decision
    assert "the mode goes at the request: app/other.py:9 (thinking disabled)" in decision
    assert "app/client.py:9" not in decision


def test_the_javascript_request_fed_by_an_env_default_says_the_same(tmp_path):
    root = write_tree(tmp_path, {
        "settings.mjs": 'export const MODEL = process.env.HELPDESK_MODEL ?? "deepseek-chat";\n',
        "client.mjs": (
            'import OpenAI from "openai";\nimport { MODEL } from "./settings.mjs";\n\n'
            'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n\n'
            "export async function reply(messages) {\n"
            "  return client.chat.completions.create({ model: MODEL, messages });\n}\n"
        ),
    })
    (finding,) = [f for f in scan_tree(root)["findings"] if f["code"] == "DSM201"]
    assert finding["note"] == (
        "thinking disabled: the one retired id that reaches it, deepseek-chat, the default of $HELPDESK_MODEL; "
        "the mode is fixed here whatever $HELPDESK_MODEL names"
    )
