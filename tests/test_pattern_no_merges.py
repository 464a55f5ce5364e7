"""Pattern 2: a rename that would make two distinct ids equal inside one
collection, enum, union, alias table, list of entries, config map or set of
branches is never made, in any file kind or tier."""

from __future__ import annotations

import pytest

from projects import fix_tree, scan_tree, write_tree

REQUEST = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'

MERGES = {
    "python-enum": (
        "models.py",
        "from enum import Enum\n\n\nclass ModelType(str, Enum):\n"
        '    CHAT = "deepseek-chat"\n    REASONER = "deepseek-reasoner"\n',
    ),
    "typescript-as-const": (
        "web/models.ts",
        "export const MODELS = { chat: 'deepseek-chat', reasoner: 'deepseek-reasoner' } as const;\n",
    ),
    # a closed TypeScript union gains the V4 id instead (test_pattern_closed_types.py): nothing becomes equal
    "yaml-named-entries": (
        "config/models.yaml",
        "models:\n  - name: deepseek/deepseek-chat\n    tokens: 8192\n"
        "  - name: deepseek/deepseek-reasoner\n    tokens: 8192\n  - name: deepseek/deepseek-coder\n    tokens: 4096\n",
    ),
    # the same setting of sibling entries, read by one lookup (load_job(name).model): a sixth fresh reader
    "yaml-setting-per-entry": (
        "config/models.yaml",
        "defaults:\n  max_tokens: 800\njobs:\n  triage:\n    model: deepseek-chat\n    temperature: 0.0\n"
        "  escalation:\n    model: deepseek-reasoner\n  summaries:\n    model: deepseek-chat\n",
    ),
    "python-config-dict-per-mode": (
        "configs.py",
        'CONFIGS = {"fast": {"model": "deepseek-chat"}, "deep": {"model": "deepseek-reasoner"}}\n',
    ),
    "python-literal": ("types_.py", 'from typing import Literal\n\nModel = Literal["deepseek-chat", "deepseek-reasoner"]\n'),
    "python-alias-map": ("aliases.py", 'ALIASES = {"deepseek": "deepseek-chat", "r1": "deepseek-reasoner"}\n'),
    "python-branches-on-both": (
        "route.py",
        'def route(model):\n    if model == "deepseek-chat":\n        return 1\n'
        '    elif model == "deepseek-reasoner":\n        return 2\n',
    ),
    # named constants listed together, or one that would become a second name of a V4 constant
    "python-constants-listed-by-name": (
        "const.py",
        'CHAT = "deepseek-chat"\nREASONER = "deepseek-reasoner"\nMODEL_LIST = [CHAT, REASONER]\n',
    ),
    # a choice between two named constants of different modes is a set of branches (a sixth fresh reader)
    "python-constants-chosen-between": (
        "router.py",
        'import litellm\n\nHARD = "deepseek/deepseek-reasoner"\nEASY = "deepseek/deepseek-chat"\n\n\n'
        "def pick(ticket):\n    return HARD if len(ticket) > 2000 else EASY\n\n\n"
        "def answer(ticket):\n    model = pick(ticket)\n"
        '    return litellm.completion(model=model, messages=[{"role": "user", "content": ticket}])\n',
    ),
    "python-constant-beside-its-v4-constant": (
        "names.py",
        'DEEPSEEK_CHAT = "deepseek-chat"  # V3\nDEEPSEEK_V4_FLASH = "deepseek-v4-flash"\n',
    ),
    "json-keys": ("limits.json", '{"deepseek-chat": {"label": "Fast"}, "deepseek-reasoner": {"label": "Careful"}}\n'),
}


@pytest.mark.parametrize("shape", sorted(MERGES))
@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_two_ids_never_become_one(tmp_path, shape, tier):
    path, source = MERGES[shape]
    write_tree(tmp_path, {path: source, "app.py": REQUEST})
    changed = fix_tree(tmp_path, *tier)
    assert path not in changed
    # the request's own literal is contained (nothing reads it): renamed with its mode whatever else names the id
    assert changed["app.py"] == (
        'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    )


@pytest.mark.parametrize("shape", ["python-enum", "python-alias-map", "python-branches-on-both", "python-literal"])
def test_a_default_that_reaches_the_refused_members_is_held(tmp_path, shape):
    path, source = MERGES[shape]
    module = path[: -len(".py")]
    app = f"import {module}\n\nMODEL = \"deepseek-chat\"\n{module}.use(MODEL)\n"
    write_tree(tmp_path, {path: source, "app.py": app})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}


@pytest.mark.parametrize("shape", sorted(MERGES))
def test_the_refusal_says_why(tmp_path, shape):
    path, source = MERGES[shape]
    write_tree(tmp_path, {path: source})
    document = scan_tree(tmp_path)
    notes = [f["note"] or "" for f in document["findings"] if f["path"].endswith(path.rsplit("/", 1)[-1])]
    assert notes and all("not renamed" in note for note in notes), notes
    assert document["plan"], "the plan names the refused group"


def test_a_list_with_one_legacy_id_is_renamed_with_unsafe_fixes(tmp_path):
    write_tree(tmp_path, {"models.py": 'MODELS = ["deepseek-chat", "gpt-4o"]\n'})
    assert fix_tree(tmp_path) == {}
    assert fix_tree(tmp_path, "--unsafe-fixes") == {"models.py": 'MODELS = ["deepseek-v4-flash", "gpt-4o"]\n'}


def test_mapping_both_ids_to_different_targets_is_no_merge(tmp_path):
    source = 'ALIASES = {"fast": "deepseek-chat", "deep": "deepseek-reasoner"}\n'
    write_tree(tmp_path, {"aliases.py": source})
    changed = fix_tree(tmp_path, "--unsafe-fixes", "--mapping", "deepseek-reasoner=deepseek-v4-pro")
    assert changed == {"aliases.py": 'ALIASES = {"fast": "deepseek-v4-flash", "deep": "deepseek-v4-pro"}\n'}


# -- text: a sentence, comment, message or list that names both ids (issue 23) -----

TEXT_MERGES = {
    "markdown-sentence": ("docs/models.md", "# Models\n\nPick one: deepseek-chat (V3), deepseek-reasoner (thinking).\n"),
    "markdown-list": ("README.md", "## Models\n\n- `deepseek-chat`: fast answers\n- `deepseek-reasoner`: step by step\n"),
    "python-comment": ("app.py", "# models: deepseek-chat (V3), deepseek-reasoner (thinking)\nx = 1\n"),
    "python-docstring": ("cli.py", 'def models():\n    """List deepseek-chat (V3), deepseek-reasoner (thinking)."""\n'),
    "python-printed-string": ("cli.py", 'import click\nclick.echo("deepseek-chat (V3), deepseek-reasoner (thinking)")\n'),
    "ts-comment": ("web/models.ts", "// deepseek-chat (V3), deepseek-reasoner (thinking)\nexport {};\n"),
    "ts-printed-string": ("web/cli.ts", 'console.log("Models: deepseek-chat (V3), deepseek-reasoner (thinking)");\n'),
    "legacy-beside-its-target": ("docs/upgrading.md", "## 2.0\n\nMoved from deepseek-chat to deepseek-v4-flash.\n"),
}


@pytest.mark.parametrize("shape", sorted(TEXT_MERGES))
@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_text_never_says_one_id_twice(tmp_path, shape, tier):
    path, source = TEXT_MERGES[shape]
    write_tree(tmp_path, {path: source})
    assert path not in fix_tree(tmp_path, *tier)


@pytest.mark.parametrize("shape", sorted(TEXT_MERGES))
def test_text_left_as_is_says_why(tmp_path, shape):
    path, source = TEXT_MERGES[shape]
    write_tree(tmp_path, {path: source})
    notes = [f["note"] or "" for f in scan_tree(tmp_path)["findings"]]
    assert notes and all("would both become 'deepseek-v4-flash' in one passage of text" in n for n in notes), notes


def test_text_left_as_is_holds_no_code_back(tmp_path):
    write_tree(tmp_path, {
        "README.md": "Models: deepseek-chat (V3), deepseek-reasoner (thinking).\n",
        "app.py": 'client.chat.completions.create(model="deepseek-chat", messages=m)\n',
    })
    changed = fix_tree(tmp_path)
    assert list(changed) == ["app.py"]


def test_text_naming_one_id_is_still_renamed(tmp_path):
    write_tree(tmp_path, {"docs/a.md": "# A\n\nWe call deepseek-chat.\n\nLater, deepseek-reasoner for proofs.\n"})
    # two paragraphs: each names one id
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed == {"docs/a.md": "# A\n\nWe call deepseek-v4-flash.\n\nLater, deepseek-v4-flash for proofs.\n"}


def test_text_with_distinct_targets_is_renamed(tmp_path):
    write_tree(tmp_path, {"app.py": "# deepseek-chat (V3), deepseek-reasoner (R1)\nx = 1\n"})
    changed = fix_tree(tmp_path, "--unsafe-fixes", "--mapping", "deepseek-reasoner=deepseek-v4-pro")
    assert changed == {"app.py": "# deepseek-v4-flash (V3), deepseek-v4-pro (R1)\nx = 1\n"}


def test_a_choice_between_constants_of_one_mode_is_renamed(tmp_path):
    """chat or coder: both run without thinking, so one id on both branches
    still means what the choice meant; the constants are renamed."""
    source = 'CHAT = "deepseek-chat"\nCODER = "deepseek-coder"\n\n\ndef pick(code):\n    return CODER if code else CHAT\n'
    write_tree(tmp_path, {"pick.py": source})
    assert fix_tree(tmp_path)["pick.py"] == source.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "deepseek-coder", "deepseek-v4-flash"
    )


def test_settings_of_entries_that_are_not_siblings_are_renamed(tmp_path):
    """Two services' environments each set their own MODEL: not sibling
    entries of one map, so each value is renamed (its request gets its mode
    where it is made)."""
    compose = (
        "services:\n  bot:\n    environment:\n      MODEL: deepseek-chat\n"
        "  analyst:\n    environment:\n      MODEL: deepseek-reasoner\n"
    )
    write_tree(tmp_path, {"docker-compose.yml": compose})
    changed = fix_tree(tmp_path)
    assert changed["docker-compose.yml"] == compose.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "deepseek-reasoner", "deepseek-v4-flash"
    )


def test_sibling_entries_that_each_say_their_mode_are_renamed(tmp_path):
    """DSM114 asks to give each entry its thinking mode; an entry that sets
    one beside its model still tells which job thinks once renamed. A fresh
    reader did as asked and the refusal stayed."""
    jobs = (
        "stages:\n  headline:\n    model: deepseek-chat\n    thinking: disabled\n"
        "  bias:\n    model: deepseek-reasoner\n    thinking: enabled\n"
    )
    write_tree(tmp_path, {"config/models.yaml": jobs})
    assert fix_tree(tmp_path)["config/models.yaml"] == jobs.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "deepseek-reasoner", "deepseek-v4-flash"
    )
    # one entry without its mode: the two would still merge where the file does not say
    half = jobs.replace("    thinking: disabled\n", "")
    write_tree(tmp_path, {"config/models.yaml": half})
    assert "config/models.yaml" not in fix_tree(tmp_path)


def test_a_test_of_a_config_value_that_stays_is_not_renamed_in_any_tier(tmp_path):
    """The YAML jobs map keeps both ids (DSM114); a test asserts the reasoner
    job's model through the loader, a link no flow shows. --unsafe-fixes
    renamed the assertion alone and the test failed (a fresh review of a
    sixth reader's project); the contained request elsewhere is still migrated."""
    files = {
        "config/models.yaml": "jobs:\n  triage:\n    model: deepseek-chat\n  escalation:\n    model: deepseek-reasoner\n",
        "app/config.py": "import yaml\n\n\ndef load_job(name):\n"
                         "    return yaml.safe_load(open('config/models.yaml'))['jobs'][name]\n",
        "app/client.py": 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
                         'def deep(history):\n    return client.chat.completions.create('
                         'model="deepseek-reasoner", messages=history)\n',
        "tests/test_config.py": "from app.config import load_job\n\n\ndef test_escalation():\n"
                                '    assert load_job("escalation")["model"] == "deepseek-reasoner"\n',
    }
    for tier in ((), ("--unsafe-fixes",)):
        root = write_tree(tmp_path / (tier[0][2:] if tier else "safe"), files)
        changed = fix_tree(root, *tier)
        assert "tests/test_config.py" not in changed and "config/models.yaml" not in changed, tier
        assert '"thinking": {"type": "enabled"}' in changed["app/client.py"], tier
