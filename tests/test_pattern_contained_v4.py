"""A V4 id written only as a request's own literal model is contained (SPEC
section 4): nothing else observes it, so it is no "already used" id that a
renamed branch would start to match, whether the user wrote it or this run
does. A V4 id bound to a constant, a default, a config value, a table or a
comparison that a selector can see still holds the branch back.

From a fourth fresh reader: with ``--mapping deepseek-reasoner=deepseek-v4-pro``
the plan said "bot/llm.py tells 'deepseek-reasoner' apart, but
'deepseek-v4-pro' is already used (in bot/chains.py)", where only this run's
rename of ``ChatDeepSeek(model="deepseek-reasoner")`` put it."""

from __future__ import annotations

import shutil

from projects import fix_tree, read_tree, scan_tree, write_tree

PRO = ("--mapping", "deepseek-reasoner=deepseek-v4-pro")

CONFIG = 'REASONING_MODEL = "deepseek-reasoner"\n'
LLM = (
    "from openai import OpenAI\n\n"
    "from bot.config import REASONING_MODEL\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def answer(q, model=REASONING_MODEL):\n"
    "    resp = client.chat.completions.create(model=model, messages=q)\n"
    '    if model == "deepseek-reasoner":\n'
    "        print(resp.choices[0].message.reasoning_content)\n"
    "    return resp\n"
)
CHAINS = 'from langchain_deepseek import ChatDeepSeek\n\nreasoner = ChatDeepSeek(model="deepseek-reasoner", temperature=0)\n'


def _bot(root, **extra):
    return write_tree(root, {"bot/__init__.py": "", "bot/config.py": CONFIG, "bot/llm.py": LLM, "bot/chains.py": CHAINS, **extra})


def _tiers_agree(root, files, *flags) -> dict:
    """The tree after --unsafe-fixes alone, asserted equal to the safe tier then the unsafe one."""
    alone, stepwise = write_tree(root / "alone", files), write_tree(root / "stepwise", files)
    fix_tree(alone, "--unsafe-fixes", *flags)
    fix_tree(stepwise, *flags)
    fix_tree(stepwise, "--unsafe-fixes", *flags)
    assert read_tree(stepwise) == read_tree(alone)
    return read_tree(alone)


def _why(root, *flags):
    return " ".join(w for g in scan_tree(root, *flags)["plan"] for w in g["why"])


def test_the_target_this_run_writes_into_a_request_is_not_already_used(tmp_path):
    root = _bot(tmp_path)
    assert "already used" not in _why(root, *PRO)
    changed = fix_tree(root, "--unsafe-fixes", *PRO)
    assert changed["bot/config.py"] == 'REASONING_MODEL = "deepseek-v4-pro"\n'
    assert 'if model == "deepseek-v4-pro":' in changed["bot/llm.py"]
    assert 'ChatDeepSeek(model="deepseek-v4-pro"' in changed["bot/chains.py"]


def test_safe_then_unsafe_ends_where_unsafe_alone_does(tmp_path):
    alone = _bot(tmp_path / "alone")
    stepwise = tmp_path / "stepwise"
    shutil.copytree(alone, stepwise)
    fix_tree(alone, "--unsafe-fixes", *PRO)
    fix_tree(stepwise, *PRO)
    # the safe tier renamed the request: the next run sees its V4 literal as contained too
    assert 'ChatDeepSeek(model="deepseek-v4-pro"' in (stepwise / "bot" / "chains.py").read_text()
    assert "already used" not in _why(stepwise, *PRO)
    fix_tree(stepwise, "--unsafe-fixes", *PRO)
    assert read_tree(stepwise) == read_tree(alone)


def test_a_v4_id_the_user_wrote_into_a_request_is_not_already_used(tmp_path):
    root = _bot(tmp_path, **{
        "bot/chains.py": 'from langchain_deepseek import ChatDeepSeek\n\nreasoner = ChatDeepSeek(model="deepseek-v4-pro")\n',
        "bot/raw.py": (
            "import httpx\n\n\ndef ask(q):\n"
            '    return httpx.post(URL, json={"model": "deepseek-v4-pro", "messages": q})\n'
        ),
        "web/api.ts": (
            'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'
            'export const ask = (q) => client.chat.completions.create({ model: "deepseek-v4-pro", messages: q });\n'
        ),
    })
    assert "already used" not in _why(root, *PRO)
    assert fix_tree(root, "--unsafe-fixes", *PRO)["bot/config.py"] == 'REASONING_MODEL = "deepseek-v4-pro"\n'


def test_a_v4_id_bound_where_the_branch_can_see_it_still_holds_it_back(tmp_path):
    # bot/llm.py imports bot/defaults.py: its constant may reach the branch
    defaults = 'PRO_MODEL = "deepseek-v4-pro"\n'
    llm = LLM.replace("from bot.config import REASONING_MODEL\n", "from bot.config import REASONING_MODEL\nfrom bot.defaults import PRO_MODEL\n")
    root = _bot(tmp_path, **{"bot/defaults.py": defaults, "bot/llm.py": llm})
    assert "'deepseek-v4-pro' is already used (in " in _why(root, *PRO) and "bot/defaults.py)" in _why(root, *PRO)
    changed = fix_tree(root, "--unsafe-fixes", *PRO)
    assert "bot/config.py" not in changed and "bot/llm.py" not in changed


def test_a_v4_id_in_a_comparison_or_a_table_in_the_branch_module_still_counts(tmp_path):
    for extra in ('\nPRICES = {"deepseek-v4-pro": 1.74}\n', '\n\ndef pro(m):\n    return m == "deepseek-v4-pro"\n'):
        root = _bot(tmp_path / str(len(extra)), **{"bot/llm.py": LLM + extra})
        assert "'deepseek-v4-pro' is already used (in " in _why(root, *PRO), extra


ROUTE_TS = 'import { PRO } from "./models";\n\nexport const thinks = (m: string) => m === "deepseek-reasoner" || m === PRO;\n'
API_TS = (
    'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'
    'export const ask = (q) => client.chat.completions.create({ model: "deepseek-reasoner", messages: q });\n'
)


def test_in_typescript_a_request_literal_is_contained_and_a_constant_counts(tmp_path):
    root = write_tree(tmp_path / "contained", {"web/route.ts": ROUTE_TS.replace(" || m === PRO", "").replace(
        'import { PRO } from "./models";\n\n', ""), "web/api.ts": API_TS})
    assert "already used" not in _why(root, *PRO)
    assert fix_tree(root, *PRO)["web/api.ts"].count("deepseek-v4-pro") == 1
    assert "already used" not in _why(root, *PRO)  # the next run sees the literal it wrote as contained
    root = write_tree(tmp_path / "bound", {"web/route.ts": ROUTE_TS, "web/models.ts": 'export const PRO = "deepseek-v4-pro";\n',
                                          "web/api.ts": API_TS})
    assert "'deepseek-v4-pro' is already used (in " in _why(root, *PRO)


def test_a_v4_id_passed_as_a_model_argument_to_an_unknown_call_still_counts(tmp_path):
    # not a request the analysis recognises: a wrapper may keep or compare it
    root = _bot(tmp_path, **{"bot/llm.py": LLM + '\n\nwrapped = make_llm(model="deepseek-v4-pro")\n'})
    assert "already used" in _why(root, *PRO)


def test_a_value_of_the_other_id_holds_the_branch_wherever_it_lives_in_both_orders(tmp_path):
    # chat's default lives in a module the branch's module cannot see: the
    # safe tier renames it to deepseek-v4-flash; the branch's input is of
    # unknown origin (a reply's or a record's model may carry that value),
    # so the branch waits, in this run and the next one alike
    files = {
        "jobs/batch.py": 'BATCH_MODEL = "deepseek-chat"\n',
        "app/__init__.py": "",
        "app/render.py": 'def render(model, text):\n    if model == "deepseek-reasoner":\n        return "thinking: " + text\n    return text\n',
    }
    far = _tiers_agree(tmp_path / "far", files)
    assert 'BATCH_MODEL = "deepseek-v4-flash"' in far["jobs/batch.py"]
    assert '"deepseek-reasoner"' in far["app/render.py"]
    near = {**files, "app/render.py": "from jobs.batch import BATCH_MODEL\n" + files["app/render.py"], "jobs/__init__.py": ""}
    assert '"deepseek-reasoner"' in _tiers_agree(tmp_path / "near", near)["app/render.py"]


def _notebook(source: str) -> str:
    import json

    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": [source]}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def test_a_request_in_a_notebook_cell_is_contained_in_both_orders(tmp_path):
    cell = 'from openai import OpenAI\nc = OpenAI(base_url="https://api.deepseek.com")\nr = c.chat.completions.create(model="deepseek-reasoner", messages=[])\n'
    files = {"bot/__init__.py": "", "bot/config.py": CONFIG, "bot/llm.py": LLM, "notebooks/try.ipynb": _notebook(cell)}
    alone, stepwise = write_tree(tmp_path / "alone", files), write_tree(tmp_path / "stepwise", files)
    assert "already used" not in _why(alone, *PRO)
    fix_tree(alone, "--unsafe-fixes", *PRO)
    fix_tree(stepwise, *PRO)
    assert "deepseek-v4-pro" in read_tree(stepwise)["notebooks/try.ipynb"]
    assert "already used" not in _why(stepwise, *PRO)
    fix_tree(stepwise, "--unsafe-fixes", *PRO)
    assert read_tree(stepwise) == read_tree(alone)
    assert 'if model == "deepseek-v4-pro":' in read_tree(alone)["bot/llm.py"]


RENDER = 'def render(model, message):\n    if model == "deepseek-reasoner":\n        return message.reasoning_content\n    return message.content\n'
CHAT = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://api.deepseek.com")\nreply = client.chat.completions.create(model="deepseek-chat", messages=[])\n'
THINK = CHAT.replace('"deepseek-chat"', '"deepseek-reasoner"').replace("reply =", "answer =")


def test_a_branch_waits_where_a_request_sends_its_target_in_the_other_mode(tmp_path):
    """A reply names the id its request sent: once the chat request sends
    deepseek-v4-flash (thinking disabled), a branch on the reasoner renamed
    to deepseek-v4-flash would match the chat replies too (project/replies.py).
    Refused in both orders of the tiers, whether this run renames the chat
    request or the user already did, with its mode written."""
    files = {"render.py": RENDER, "chat.py": CHAT, "think.py": THINK}
    after = _tiers_agree(tmp_path, files)
    assert after["render.py"] == RENDER
    assert "with thinking disabled (its replies name it too)" in _why(write_tree(tmp_path / "why", files))
    done = dict(files, **{"chat.py": CHAT.replace('"deepseek-chat", messages=[])',
                                                    '"deepseek-v4-flash", messages=[], extra_body={"thinking": {"type": "disabled"}})')})
    assert _tiers_agree(tmp_path / "done", done)["render.py"] == RENDER


def test_a_request_in_the_branchs_own_mode_or_with_no_mode_does_not_hold_it(tmp_path):
    """The reasoner's own request, renamed (or written by hand) with thinking
    enabled, answers what the branch matched before: the branch is renamed
    with --unsafe-fixes. So is one beside a V4 request that sets no mode."""
    for chat in (
        None,
        CHAT.replace('"deepseek-chat"', '"deepseek-v4-flash"'),
    ):
        files = {"render.py": RENDER, "think.py": THINK}
        if chat is not None:
            files["chat.py"] = chat
        after = _tiers_agree(tmp_path / str(chat is None), files)
        assert 'if model == "deepseek-v4-flash":' in after["render.py"], chat


def test_in_typescript_a_request_sending_the_target_in_the_other_mode_holds_the_branch(tmp_path):
    render = 'export function badge(model: string) {\n  return model === "deepseek-reasoner" ? "R1" : "";\n}\n'
    chat = (
        'import OpenAI from "openai";\n\nconst client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n'
        'export const ask = () => client.chat.completions.create({ model: "deepseek-v4-flash", messages: [], '
        '// @ts-expect-error DeepSeek thinking toggle\n  thinking: { type: "disabled" } });\n'
    )
    think = THINK
    after = _tiers_agree(tmp_path, {"badge.ts": render, "chat.ts": chat, "think.py": think})
    assert after["badge.ts"] == render


PROXY = (
    "model_list:\n"
    "  - model_name: smart\n"
    "    litellm_params:\n"
    "      model: deepseek/deepseek-reasoner\n"
)


def test_a_litellm_proxy_deployment_is_a_contained_request_in_both_orders(tmp_path):
    """The proxy's config.yaml deployment is a request (its own literal
    model): with the reasoner mapped to deepseek-v4-pro, the V4 id this run
    writes there (thinking enabled, the reasoner's own mode) is no "already
    used" id for the reasoner's branch, this run or the next (a fourth fresh
    reader's project, after Router deployments became requests)."""
    files = {"bot/__init__.py": "", "bot/config.py": CONFIG, "bot/llm.py": LLM, "config/litellm.yaml": PROXY}
    assert "already used" not in _why(write_tree(tmp_path / "why", files), *PRO)
    after = _tiers_agree(tmp_path, files, *PRO)
    assert 'if model == "deepseek-v4-pro":' in after["bot/llm.py"]
    assert "model: deepseek/deepseek-v4-pro\n" in after["config/litellm.yaml"]
