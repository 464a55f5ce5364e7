"""Pattern 1: a legacy id used in several places that select behaviour
together is renamed everywhere or nowhere."""

from __future__ import annotations

from projects import fix_tree, scan_tree, write_tree

SETTINGS = 'DEFAULT_MODEL = "deepseek-chat"\n'
HANDLER = (
    "from settings import DEFAULT_MODEL\n\n\n"
    "def show(model, content, reasoning):\n"
    '    if model == "deepseek-chat":\n'
    "        print(content)\n"
    "    else:\n"
    "        print(reasoning + content)\n"
)


def test_default_and_comparison_in_other_module_stay_together_in_the_safe_tier(tmp_path):
    write_tree(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    assert fix_tree(tmp_path) == {}


def test_default_and_comparison_are_renamed_together_with_unsafe_fixes(tmp_path):
    write_tree(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed == {
        "settings.py": SETTINGS.replace("deepseek-chat", "deepseek-v4-flash"),
        "handler.py": HANDLER.replace("deepseek-chat", "deepseek-v4-flash"),
    }


def test_each_coupled_finding_points_to_its_plan_entry_which_names_the_others(tmp_path):
    write_tree(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER})
    document = scan_tree(tmp_path)
    (default,) = [f for f in document["findings"] if f["path"].endswith("settings.py")]
    assert default["note"].endswith("renamed only with --unsafe-fixes, with every use of 'deepseek-chat' (see plan #1)")
    assert "\n" not in default["note"] and default["plan_entry"] == 1
    (entry,) = document["plan"]
    assert entry["number"] == 1
    assert any(s["path"].endswith("handler.py") and (s["line"], s["role"]) == (5, "comparison") for s in entry["sites"])
    assert default["fix"] == "unsafe"


def test_a_test_asserting_the_default_is_renamed_with_it_in_the_same_tier(tmp_path):
    # a migrator updates the code and the test that asserts what it sends in one commit
    test = "from settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == \"deepseek-chat\"\n"
    write_tree(tmp_path, {"settings.py": SETTINGS, "tests/test_settings.py": test})
    changed = fix_tree(tmp_path)
    assert changed == {
        "settings.py": SETTINGS.replace("deepseek-chat", "deepseek-v4-flash"),
        "tests/test_settings.py": test.replace("deepseek-chat", "deepseek-v4-flash"),
    }


def test_a_test_asserting_a_held_default_is_held_with_it(tmp_path):
    test = "from settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == \"deepseek-chat\"\n"
    write_tree(tmp_path, {"settings.py": SETTINGS, "handler.py": HANDLER, "tests/test_settings.py": test})
    assert fix_tree(tmp_path) == {}
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert set(changed) == {"settings.py", "handler.py", "tests/test_settings.py"}


def test_lookup_is_not_renamed_while_the_price_table_keys_stay(tmp_path):
    prices = 'PRICES = {"deepseek-chat": 0.27}\n'
    billing = 'from prices import PRICES\n\ncost = PRICES["deepseek-chat"] * 2\n'
    write_tree(tmp_path, {"prices.py": prices, "billing.py": billing, "app.py": 'MODEL = "deepseek-chat"\n'})
    plan = scan_tree(tmp_path)["plan"]
    assert [g["legacy_id"] for g in plan] == ["deepseek-chat"]
    assert "add a 'deepseek-v4-flash' entry beside 'deepseek-chat' at " in plan[0]["decision"]
    # app.py's MODEL cannot reach the table (nothing imports it): it is renamed alone
    assert fix_tree(tmp_path) == {"app.py": 'MODEL = "deepseek-v4-flash"\n'}
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}  # the price table is never renamed, so nothing is


def test_a_default_passed_to_a_lookup_in_another_module_is_held_with_the_table(tmp_path):
    prices = 'PRICES = {"deepseek-chat": 0.27}\n\n\ndef cost(model):\n    return PRICES[model]\n'
    app = 'from prices import cost\n\nMODEL = "deepseek-chat"\nprint(cost(MODEL))\n'
    write_tree(tmp_path, {"prices.py": prices, "app.py": app})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    report = scan_tree(tmp_path)
    (default,) = [f for f in report["findings"] if f["path"].endswith("app.py")]
    (entry,) = [g for g in report["plan"] if g["number"] == default["plan_entry"]]  # the note points to it
    assert ("prices.py", 1) in {(s["path"].rsplit("/", 1)[-1], s["line"]) for s in entry["sites"]}

def test_nested_config_lookup_is_held_with_its_keys(tmp_path):
    config = 'CONFIG = {"deepseek": {"deepseek-chat": {"max_tokens": 8192}}}\n'
    user = 'from config import CONFIG\n\nlimit = CONFIG["deepseek"]["deepseek-chat"]["max_tokens"]\n'
    write_tree(tmp_path, {"config.py": config, "user.py": user, "app.py": 'MODEL = "deepseek-chat"\n'})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {"app.py": 'MODEL = "deepseek-v4-flash"\n'}


def test_help_text_follows_its_group_only_with_unsafe_fixes(tmp_path):
    cli = (
        "import argparse\n\n"
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--model", default="deepseek-chat", help="deepseek-chat answers without thinking")\n'
        'if parser.parse_args().model == "deepseek-chat":\n'
        "    pass\n"
    )
    write_tree(tmp_path, {"cli.py": cli})
    assert fix_tree(tmp_path) == {}
    assert fix_tree(tmp_path, "--unsafe-fixes") == {"cli.py": cli.replace("deepseek-chat", "deepseek-v4-flash")}


def test_an_id_used_only_in_requests_is_still_fixed_safely(tmp_path):
    app = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    write_tree(tmp_path, {"app.py": app, "other.py": 'if model == "deepseek-reasoner":\n    pass\n'})
    # deepseek-reasoner selects behaviour, but no request sends it, and the
    # comparison on it would match the renamed chat requests: it stays
    assert fix_tree(tmp_path) == {
        "app.py": 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, '
        'extra_body={"thinking": {"type": "disabled"}})\n'
    }


def test_a_comparison_is_not_renamed_to_an_id_the_project_already_sends(tmp_path):
    write_tree(tmp_path, {
        "app.py": 'MODEL = "deepseek-v4-flash"\nclient.chat.completions.create(model=MODEL, messages=m)\n',
        "other.py": 'from app import MODEL\n\nif model == "deepseek-reasoner":\n    pass\n',
    })
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}
    (group,) = scan_tree(tmp_path)["plan"]
    assert "already used (in " in " ".join(group["why"]) and "app.py)" in " ".join(group["why"])


def test_a_v4_constant_in_code_holds_a_branch_of_unknown_input_wherever_it_is(tmp_path):
    # the branch's input is of unknown origin: a reply to the request that
    # reads MODEL names deepseek-v4-flash, and the branch renamed to it would
    # start to match it (so would the next run: a bound V4 id counts alike)
    files = {
        "app.py": 'MODEL = "deepseek-v4-flash"\nclient.chat.completions.create(model=MODEL, messages=m)\n',
        "other.py": 'if model == "deepseek-reasoner":\n    pass\n',
    }
    write_tree(tmp_path, files)
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}


def test_a_v4_id_in_a_tests_provider_slug_is_no_collision(tmp_path):
    # an OpenRouter slug in a test is test data: no code of the project sends it
    write_tree(tmp_path, {
        "tests/test_router.py": 'SLUGS = ["deepseek/deepseek-v4-flash"]\n',
        "other.py": 'if model == "deepseek-reasoner":\n    pass\n',
    })
    assert fix_tree(tmp_path, "--unsafe-fixes") == {"other.py": 'if model == "deepseek-v4-flash":\n    pass\n'}


def test_the_decision_holds_across_worker_processes(tmp_path, monkeypatch):
    # enough files for the process pool (however few bytes): each worker fixes
    # its files as if they stood alone, then the run's decision makes it fix them again
    from ds_migrate import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_BYTES", 0)
    files = {f"svc{i}.py": f'r{i} = client.chat.completions.create(model="deepseek-chat", messages=m)\n' for i in range(40)}
    files["route.py"] = 'if model == "deepseek-chat":\n    pass\n'
    files["tests/test_route.py"] = 'from route import pick\n\nassert pick() == "deepseek-chat"\n'
    files["route.py"] = 'def pick():\n    return "deepseek-chat"\n\nif model == "deepseek-chat":\n    pass\n'
    write_tree(tmp_path, files)
    # each request's own literal is contained: renamed whatever the route compares
    changed = fix_tree(tmp_path, "--jobs", "2")
    assert len(changed) == 40 and all(name.startswith("svc") for name in changed)
    # the requests' own literals reach nothing, before or after their rename: the
    # route's group (its value, its branch, the test of its value) goes whole with
    # --unsafe-fixes, not held as "deepseek-v4-flash already used" by what the
    # safe tier wrote (a fourth fresh reader)
    assert "already used" not in " ".join(scan_tree(tmp_path)["plan"][0]["why"])
    assert fix_tree(tmp_path, "--jobs", "2", "--unsafe-fixes") == {
        "route.py": 'def pick():\n    return "deepseek-v4-flash"\n\nif model == "deepseek-v4-flash":\n    pass\n',
        "tests/test_route.py": 'from route import pick\n\nassert pick() == "deepseek-v4-flash"\n',
    }


def test_fix_lists_renames_whose_mode_must_be_set_elsewhere(tmp_path):
    import json

    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    write_tree(tmp_path, {"settings.py": SETTINGS})
    result = CliRunner().invoke(main, ["fix", "--isolated", "--format", "json", str(tmp_path)])
    document = json.loads(result.output)
    (follow_up,) = document["follow_ups"]
    assert follow_up["path"].endswith("settings.py") and "set thinking disabled" in follow_up["note"]
    text = CliRunner().invoke(main, ["fix", "--isolated", str(tmp_path)]).output
    assert "without setting the thinking mode" in text and "settings.py:1" in text


def test_text_of_a_kind_the_tool_does_not_parse_does_not_hold_back_code(tmp_path):
    write_tree(tmp_path, {
        "settings.py": SETTINGS,
        "handler.py": HANDLER,
        "docs/models.mdx": "Use `deepseek-chat` for plain answers.\n",
    })
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert set(changed) == {"settings.py", "handler.py"}
    assert "deepseek-chat" in (tmp_path / "docs" / "models.mdx").read_text()
