"""No rename silently changes a request's thinking mode (issue 24, item 2):
two ids chosen by one expression keep their distinction as a mode at the
request, or are refused; an env default feeding a same-module request gets
its mode as a constant does; no fix makes a request the API answers 400."""

from __future__ import annotations

from conftest import fix, scan

LITELLM_TERNARY = (
    "import litellm\n\n\n"
    "def ask(q, hard):\n"
    '    model = "deepseek/deepseek-reasoner" if hard else "deepseek/deepseek-chat"\n'
    '    return litellm.completion(model=model, messages=[{"role": "user", "content": q}])\n'
)


def test_the_condition_that_chose_the_id_chooses_the_mode_at_the_request():
    assert fix(LITELLM_TERNARY) == (
        "import litellm\n\n\n"
        "def ask(q, hard):\n"
        '    model = "deepseek/deepseek-v4-flash" if hard else "deepseek/deepseek-v4-flash"\n'
        '    return litellm.completion(model=model, messages=[{"role": "user", "content": q}], '
        'extra_body={"thinking": {"type": "enabled" if hard else "disabled"}})\n'
    )


def test_the_same_inside_the_call():
    source = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat" if fast else "deepseek/deepseek-reasoner", messages=m)\n'
    assert fix(source) == (
        'import litellm\nlitellm.completion(model="deepseek/deepseek-v4-flash" if fast else "deepseek/deepseek-v4-flash", '
        'messages=m, extra_body={"thinking": {"type": "disabled" if fast else "enabled"}})\n'
    )


def test_a_condition_that_may_mean_something_else_at_the_request_is_refused():
    for source in (
        LITELLM_TERNARY.replace("if hard else", "if len(q) > 9 else"),  # a call: evaluated again, maybe otherwise
        LITELLM_TERNARY.replace("    return litellm", "    hard = not hard\n    return litellm"),  # rebound
        LITELLM_TERNARY.replace("litellm.completion(model=model", "my_wrapper(model=model"),  # no known request
    ):
        assert fix(source, unsafe=True) == source, source
        notes = [f.note or "" for f in scan(source) if f.code == "DSM103"]
        assert notes and all(n.startswith("not renamed:") and "deepseek-v4-pro" in n for n in notes), notes


def test_env_default_feeding_a_same_module_request_gets_its_mode():
    source = (
        "import os\nfrom openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")\n\n\n'
        "def ask(q):\n"
        "    return client.chat.completions.create(model=MODEL, messages=q)\n"
    )
    assert fix(source) == source.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "messages=q)", 'messages=q, extra_body={"thinking": {"type": "disabled"}})'
    )


def test_a_reasoner_call_forcing_a_tool_is_not_made_a_400():
    source = (
        "from openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="required")\n'
    )
    assert fix(source, unsafe=True) == source
    (finding,) = [f for f in scan(source) if f.code == "DSM101"]
    assert "DSM204" in finding.note
    # a chat request forcing a tool gets thinking disabled, which accepts it
    chat = source.replace("deepseek-reasoner", "deepseek-chat")
    assert '{"type": "disabled"}' in fix(chat)


def test_a_reasoner_payload_forcing_a_tool_is_not_made_a_400():
    source = 'import requests\nrequests.post(URL, json={"model": "deepseek-reasoner", "messages": m, "tool_choice": "required"})\n'
    assert fix(source, unsafe=True) == source


def test_a_constant_feeding_a_forced_tool_request_is_not_made_a_400():
    source = (
        "from openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = "deepseek-reasoner"\n'
        "client.chat.completions.create(model=MODEL, messages=m, tools=t, tool_choice={\"type\": \"function\", \"function\": {\"name\": \"f\"}})\n"
    )
    assert fix(source, unsafe=True) == source


def test_an_unrelated_js_model_property_changes_nothing(tmp_path):
    from projects import fix_tree, write_tree

    app = (
        "import os\nfrom openai import OpenAI\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n'
        'MODEL = os.getenv("model", "deepseek-chat")\n\n\n'
        "def ask(q):\n"
        "    return client.chat.completions.create(model=MODEL, messages=q)\n"
    )
    alone = fix_tree(write_tree(tmp_path / "alone", {"app.py": app}))
    both = fix_tree(write_tree(tmp_path / "both", {"app.py": app, "web/cfg.js": 'export const c = { model: "deepseek-reasoner" };\n'}))
    assert both["app.py"] == alone["app.py"]
    assert '{"type": "disabled"}' in alone["app.py"]


# A fresh reader's first project: an env default in a settings module, the
# same variable set in .env.example, a price table looked up with a model of
# unknown origin elsewhere, the request reading the default.
_SETTINGS = 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n'
_CLIENT = (
    "from openai import OpenAI\n\nfrom app.settings import MODEL\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def chat(messages):\n    return client.chat.completions.create(model=MODEL, messages=messages)\n"
)
_PRICES = 'PRICES = {"deepseek-chat": 0.27, "deepseek-reasoner": 0.55}\n\n\ndef cost(model, n):\n    return PRICES[model] * n\n'
_TEST = 'from app import settings\n\n\ndef test_default():\n    assert settings.MODEL == "deepseek-chat"\n'


def _first_project(tmp_path, with_test: bool):
    from projects import write_tree

    files = {
        "app/__init__.py": "", "app/settings.py": _SETTINGS, "app/client.py": _CLIENT, "app/prices.py": _PRICES,
        ".env.example": "MODEL=deepseek-chat\n",
    }
    if with_test:
        files["tests/test_settings.py"] = _TEST
    return write_tree(tmp_path, files)


def test_a_default_waits_for_the_held_test_that_asserts_it(tmp_path):
    """The .env twin may reach the price table, so it and the test (which
    may see it) are held; the default the test asserts stays with them:
    renamed alone it failed the test and its request thought by default."""
    from projects import fix_tree

    _first_project(tmp_path, with_test=True)
    assert fix_tree(tmp_path) == {}
    # the unsafe tier sets the mode ahead of the rename (harmless: the id is
    # the retired one until the group is decided) and renames none of them
    assert fix_tree(tmp_path, "--unsafe-fixes") == {
        "app/client.py": _CLIENT.replace("messages=messages)", 'messages=messages, extra_body={"thinking": {"type": "disabled"}})')
    }


def test_a_default_whose_request_gets_its_mode_only_unsafely_waits_for_that_tier(tmp_path):
    """Without the test: the request's toggle is unsafe (the .env twin is
    held), so the default is renamed in that tier too, with the toggle; the
    safe tier leaves both, and safe then unsafe ends where unsafe does."""
    from projects import fix_tree

    root = _first_project(tmp_path / "one", with_test=False)
    assert fix_tree(root) == {}
    unsafe = fix_tree(root, "--unsafe-fixes")
    assert unsafe["app/settings.py"] == _SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")
    assert unsafe["app/client.py"] == _CLIENT.replace(
        "messages=messages)", 'messages=messages, extra_body={"thinking": {"type": "disabled"}})'
    )
    alone = _first_project(tmp_path / "two", with_test=False)
    assert fix_tree(alone, "--unsafe-fixes") == unsafe


_TOOL_LOOP = (
    "from openai import OpenAI\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def run(messages, tools):\n"
    "    while True:\n"
    '        reply = client.chat.completions.create(model={model}, messages=messages, tools=tools)\n'
    "        message = reply.choices[0].message\n"
    "        if not message.tool_calls:\n"
    "            return message.content\n"
    "        turn = message.model_dump()\n"
    '        turn.pop("reasoning_content", None)  # R1 answered 400 when it was sent back\n'
    "        messages.append(turn)\n"
)


def test_a_reasoner_tool_loop_that_drops_reasoning_content_is_not_made_to_think():
    """V4 thinking with tools needs reasoning_content back; this R1 loop pops
    it, so the migrated request is a guaranteed 400 (DSM205): refused in
    every tier and said why, as a forced tool_choice is (DSM204)."""
    source = _TOOL_LOOP.format(model='"deepseek-reasoner"')
    assert fix(source) == source
    assert fix(source, unsafe=True) == source
    (finding,) = [f for f in scan(source) if f.code == "DSM101"]
    assert "DSM205" in finding.explanation and finding.fix_applicability.name == "NONE"
    # the chat model's loop is fine: thinking disabled keeps the field out of it
    chat = _TOOL_LOOP.format(model='"deepseek-chat"')
    assert '"thinking": {"type": "disabled"}' in fix(chat)


def test_a_reasoner_default_feeding_such_a_loop_waits_with_it(tmp_path):
    from projects import fix_tree, scan_tree, write_tree

    settings = 'REASONER = "deepseek-reasoner"\n'
    loop = _TOOL_LOOP.replace("from openai import OpenAI\n", "from openai import OpenAI\n\nfrom app.settings import REASONER\n")
    write_tree(tmp_path, {
        "app/__init__.py": "", "app/settings.py": settings, "app/loop.py": loop.format(model="REASONER"),
    })
    assert fix_tree(tmp_path) == {} and fix_tree(tmp_path, "--unsafe-fixes") == {}
    document = scan_tree(tmp_path)
    findings = document["findings"]
    (default,) = [f for f in findings if f["path"].endswith("settings.py")]
    # the note points at the plan entry, which says why
    assert default["fix"] == "none" and "see plan #1" in default["note"]
    (group,) = document["plan"]
    assert "app/loop.py:10" in group["why"][0] and "(DSM205)" in group["why"][0]
    (request,) = [f for f in findings if f["code"] == "DSM201"]
    assert request["fix"] == "none" and "(DSM205)" in request["note"]


def test_a_default_and_an_env_file_that_want_different_modes_are_not_merged(tmp_path):
    """A fourth fresh reader: the default says chat, .env.example says
    reasoner, one request reads MODEL. Both became deepseek-v4-flash in the
    safe tier with no mode, and which deployment wanted which was lost. Both
    wait, and DSM201 says why; two ids of one mode (chat, coder) still go."""
    from projects import fix_tree, scan_tree, write_tree

    run = (
        "from openai import OpenAI\n\nfrom app.cfg import MODEL\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
        'def ask(q):\n    return client.chat.completions.create(model=MODEL, messages=q)\n'
    )
    cfg = 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n'
    root = write_tree(tmp_path / "mixed", {
        "app/__init__.py": "", "app/cfg.py": cfg, "app/run.py": run, ".env.example": "MODEL=deepseek-reasoner\n",
    })
    assert fix_tree(root) == {} and fix_tree(root, "--unsafe-fixes") == {}
    document = scan_tree(root)
    (request,) = [f for f in document["findings"] if f["code"] == "DSM201"]
    assert "different thinking modes" in request["note"]
    # a plan entry per id, with its values, why and the request where each mode goes
    # (a fifth fresh reader: no entry, and scan and fix pointed at each other)
    plans = {g["legacy_id"]: g for g in document["plan"]}
    assert set(plans) == {"deepseek-chat", "deepseek-reasoner"}
    for legacy_id, mode in (("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")):
        assert "each with its own thinking mode" in plans[legacy_id]["why"][0]
        assert f"the mode goes at the request: {root}/app/run.py:9 (thinking {mode})" in plans[legacy_id]["decision"]
    same = write_tree(tmp_path / "same", {
        "app/__init__.py": "", "app/cfg.py": cfg, "app/run.py": run, ".env.example": "MODEL=deepseek-coder\n",
    })
    changed = fix_tree(same)
    assert set(changed) == {"app/cfg.py", ".env.example", "app/run.py"}
    assert 'extra_body={"thinking": {"type": "disabled"}}' in changed["app/run.py"]


def test_a_default_spelled_with_or_is_the_same_default_of_the_variable(tmp_path):
    """``os.getenv("MODEL") or "..."`` / ``os.environ.get("MODEL") or "..."`` /
    ``os.environ["MODEL"]`` beside an ``or``: the same default of $MODEL as
    ``os.getenv("MODEL", "...")``, held with the env file that sets the other
    id, in another module or the request's own (a fifth fresh reader: the
    spelling decided whether chat and reasoner were merged)."""
    from projects import fix_tree, scan_tree, write_tree

    for n, read in enumerate(('os.getenv("MODEL")', 'os.environ.get("MODEL")')):
        run = (
            "import os\n\nfrom openai import OpenAI\n\nfrom app.cfg import MODEL\n\n"
            'client = OpenAI(base_url="https://api.deepseek.com")\n'
            f'LOCAL = {read} or "deepseek-reasoner"\n\n\n'
            "def ask(q):\n    return client.chat.completions.create(model=MODEL, messages=q)\n\n\n"
            "def think(q):\n    return client.chat.completions.create(model=LOCAL, messages=q)\n"
        )
        cfg = f'import os\n\nMODEL = {read} or "deepseek-reasoner"\n'
        root = write_tree(tmp_path / str(n), {
            "app/__init__.py": "", "app/cfg.py": cfg, "app/run.py": run, ".env.example": "MODEL=deepseek-chat\n",
        })
        assert fix_tree(root) == {} and fix_tree(root, "--unsafe-fixes") == {}, read
        requests = [f for f in scan_tree(root)["findings"] if f["code"] == "DSM201"]
        assert len(requests) == 2 and all("different thinking modes" in r["note"] for r in requests), read


def test_a_js_default_and_an_env_file_that_want_different_modes_are_not_merged(tmp_path):
    """``process.env.MODEL || "deepseek-reasoner"`` with ``MODEL=deepseek-chat``
    in .env.example, one openai-node request: both were renamed as safe fixes
    and which deployment wanted which mode was lost (a fifth fresh reader).
    Both wait, each with a plan entry; DSM201 says why."""
    from projects import fix_tree, scan_tree, write_tree

    client = (
        'import OpenAI from "openai";\n\nconst model = process.env.MODEL || "deepseek-reasoner";\n'
        'const openai = new OpenAI({ baseURL: "https://api.deepseek.com" });\n\n'
        "export async function ask(prompt: string) {\n"
        '  return openai.chat.completions.create({ model, messages: [{ role: "user", content: prompt }] });\n}\n'
    )
    root = write_tree(tmp_path, {"client.ts": client, ".env.example": "MODEL=deepseek-chat\n"})
    assert fix_tree(root) == {} and fix_tree(root, "--unsafe-fixes") == {}
    document = scan_tree(root)
    (request,) = [f for f in document["findings"] if f["code"] == "DSM201"]
    assert "different thinking modes" in request["note"]
    assert {g["legacy_id"] for g in document["plan"]} == {"deepseek-chat", "deepseek-reasoner"}
