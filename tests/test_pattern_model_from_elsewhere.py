"""Pattern: the model of a request comes from another module (issue 14, part 4).

Settings modules, environment variables and parameter defaults hold the id;
the request is made elsewhere, often in a file that never mentions DeepSeek.
After the rename that request thinks (V4's default) unless its mode is set
where it is made: DSM201 says so there, naming where the model comes from,
and offers the toggle (unsafe) only when one retired id reaches it and the
client is visibly DeepSeek's.
"""

from __future__ import annotations

import subprocess

import pytest

from projects import assert_diff_applies, diff_of, fix_tree, scan_tree, write_tree

CONFIG = 'DEEPSEEK_URL = "https://api.deepseek.com"\nMODEL = "deepseek-chat"\nREASONER = "deepseek-reasoner"\n'
CLIENT = "from openai import OpenAI\n\nfrom app.config import DEEPSEEK_URL\n\nclient = OpenAI(base_url=DEEPSEEK_URL)\n"
HANDLER = (
    "from app.clients import client\n"
    "from app.config import MODEL\n\n\n"
    "def answer(messages):\n"
    "    return client.chat.completions.create(model=MODEL, messages=messages)\n"
)
TOGGLED = HANDLER.replace("messages=messages)", 'messages=messages, extra_body={"thinking": {"type": "disabled"}})')


def _project(tmp_path, **extra):
    files = {"app/__init__.py": "", "app/config.py": CONFIG, "app/clients.py": CLIENT, "app/handler.py": HANDLER}
    files.update(extra)
    return write_tree(tmp_path, files)


def _dsm201(document):
    return [f for f in document["findings"] if f["code"] == "DSM201"]


def test_request_in_a_file_without_deepseek_is_reported_naming_the_setting(tmp_path):
    _project(tmp_path)
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["path"].endswith("app/handler.py") and finding["line"] == 6
    assert finding["message"].endswith("app/config.py:2: set it here (V4 thinks by default)")
    # the setting is renamed by the safe tier: the toggle goes in the same tier (issue 24)
    assert finding["fix"] == "safe"


def test_safe_tier_renames_the_setting_and_sets_the_mode_at_the_request(tmp_path):
    # issue 24: a safe run then an unsafe one used to lose this toggle (the id was V4 by then)
    _project(tmp_path)
    changed = fix_tree(tmp_path)
    assert changed == {
        "app/config.py": CONFIG.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace('"deepseek-reasoner"', '"deepseek-v4-flash"'),
        "app/handler.py": TOGGLED,
    }


def test_unsafe_tier_sets_the_mode_of_the_one_id_that_reaches_the_request(tmp_path):
    _project(tmp_path)
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed["app/handler.py"] == TOGGLED


def test_a_v4_setting_renamed_by_hand_is_reported_at_the_request_with_its_source(tmp_path):
    _project(tmp_path, **{"app/config.py": CONFIG.replace('"deepseek-chat"', '"deepseek-v4-flash"')})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["path"].endswith("app/handler.py")
    assert finding["message"].startswith("No thinking mode set; model from ")
    assert finding["message"].endswith("app/config.py:2: set it here (V4 thinks by default)")
    assert finding["fix"] == "none"  # the intent of a V4 id is unknown


def test_assume_mode_sets_the_mode_where_the_v4_id_arrives(tmp_path):
    _project(tmp_path, **{"app/config.py": CONFIG.replace('"deepseek-chat"', '"deepseek-v4-flash"')})
    for assumed, mode in (("chat", "disabled"), ("reasoner", "enabled")):
        (finding,) = _dsm201(scan_tree(tmp_path, "--assume-mode", assumed))
        # the note names the option as it is typed (it said "--assume-mode disabled")
        assert finding["note"] == f"thinking {mode}: --assume-mode {assumed}"
    changed = fix_tree(tmp_path, "--assume-mode", "chat")
    changed.pop("app/config.py", None)  # REASONER, renamed alone
    assert changed == {"app/handler.py": TOGGLED}


def test_fix_is_idempotent(tmp_path):
    _project(tmp_path)
    fix_tree(tmp_path, "--unsafe-fixes")
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}


def test_request_that_sets_its_mode_is_not_reported(tmp_path):
    _project(tmp_path, **{"app/handler.py": TOGGLED})
    assert _dsm201(scan_tree(tmp_path)) == []


def test_client_of_another_provider_is_left_alone(tmp_path):
    foreign = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\n'
    _project(tmp_path, **{"app/clients.py": foreign})
    assert _dsm201(scan_tree(tmp_path)) == []
    assert "app/handler.py" not in fix_tree(tmp_path, "--unsafe-fixes")


def test_client_whose_host_is_not_visible_gets_a_report_and_no_toggle(tmp_path):
    shared = 'import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["LLM_BASE_URL"])\n'
    _project(tmp_path, **{"app/clients.py": shared})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert "not visibly DeepSeek's" in finding["note"] and finding["fix"] == "none"
    assert "app/handler.py" not in fix_tree(tmp_path, "--unsafe-fixes")


def test_parameter_default_is_reported_without_a_toggle(tmp_path):
    handler = (
        "from app.clients import client\n"
        "from app.config import MODEL\n\n\n"
        "def answer(messages, model=MODEL):\n"
        "    return client.chat.completions.create(model=model, messages=messages)\n"
    )
    _project(tmp_path, **{"app/handler.py": handler})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert "through a parameter" in finding["note"] and finding["fix"] == "none"


def test_reasoner_setting_and_tools_in_a_loop_get_enabled_and_the_pass_back_reminder(tmp_path):
    handler = (
        "from app.clients import client\n"
        "from app.config import REASONER\n\n\n"
        "def run(messages, tools):\n"
        "    while True:\n"
        "        reply = client.chat.completions.create(model=REASONER, messages=messages, tools=tools)\n"
        "        messages.append(reply.choices[0].message)\n"
    )
    _project(tmp_path, **{"app/handler.py": handler})
    codes = {(f["line"], f["code"]) for f in scan_tree(tmp_path)["findings"] if f["path"].endswith("handler.py")}
    assert codes == {(7, "DSM201"), (7, "DSM205")}
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert 'tools=tools, extra_body={"thinking": {"type": "enabled"}})' in changed["app/handler.py"]


def test_module_import_relative_import_and_settings_instance_are_followed(tmp_path):
    config = 'class Settings:\n    model = "deepseek-reasoner"\n\n\nsettings = Settings()\nCHAT = "deepseek-chat"\n'
    handler = (
        "import app.config as cfg\n"
        "from app.clients import client\n"
        "from .config import settings\n\n\n"
        "def a(m):\n"
        "    return client.chat.completions.create(model=cfg.CHAT, messages=m)\n\n\n"
        "def b(m):\n"
        "    return client.chat.completions.create(model=settings.model, messages=m)\n"
    )
    client = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://api.deepseek.com")\n'
    _project(tmp_path, **{"app/config.py": config, "app/handler.py": handler, "app/clients.py": client})
    found = {f["line"]: f["message"] for f in _dsm201(scan_tree(tmp_path))}
    assert "app/config.py:6:" in found[7] and "app/config.py:2:" in found[11]
    changed = fix_tree(tmp_path, "--unsafe-fixes")["app/handler.py"]
    assert 'model=cfg.CHAT, messages=m, extra_body={"thinking": {"type": "disabled"}})' in changed
    assert 'model=settings.model, messages=m, extra_body={"thinking": {"type": "enabled"}})' in changed


def test_two_modules_of_the_same_name_are_not_guessed_between(tmp_path):
    handler = "from app.clients import client\nfrom config import MODEL\n\nclient.chat.completions.create(model=MODEL, messages=[])\n"
    _project(
        tmp_path,
        **{"a/config.py": 'MODEL = "deepseek-chat"\n', "b/config.py": 'MODEL = "deepseek-reasoner"\n', "app/handler.py": handler},
    )
    # neither module is named as the source, and no mode is offered; the client is
    # DeepSeek's (app/clients.py), so the request is one with no mode: the generic DSM201
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert "config.py" not in finding["message"] and finding["message"].startswith("No thinking mode set on this V4 request")
    assert finding["fix"] == "none"


def test_env_file_that_sets_another_id_takes_the_toggle_away(tmp_path):
    config = 'import os\n\nMODEL = os.getenv("APP_MODEL", "deepseek-chat")\nDEEPSEEK_URL = "https://api.deepseek.com"\n'
    _project(tmp_path, **{"app/config.py": config, ".env": "APP_MODEL=deepseek-reasoner\n"})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert "app/config.py:3 and " in finding["message"] and ".env:1: set it here" in finding["message"]
    assert "different thinking modes reach it: deepseek-chat, deepseek-reasoner" in finding["note"] and finding["fix"] == "none"


def test_json_body_posted_to_a_deepseek_url_from_settings_gets_the_thinking_key(tmp_path):
    config = 'URL = "https://api.deepseek.com/chat/completions"\nMODEL = "deepseek-chat"\n'
    client = (
        "import requests\n\nfrom svc.config import MODEL, URL\n\n\n"
        "def ask(messages):\n"
        '    return requests.post(URL, json={"model": MODEL, "messages": messages}).json()\n'
    )
    write_tree(tmp_path, {"svc/config.py": config, "svc/client.py": client})
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed["svc/client.py"] == client.replace(
        '"messages": messages}', '"messages": messages, "thinking": {"type": "disabled"}}'
    )


def test_counts_and_follow_ups_account_for_the_request_file_once(tmp_path):
    _project(tmp_path)
    document = scan_tree(tmp_path)
    assert document["summary"]["files_scanned"] == 4
    fixed = fix_tree(tmp_path, "--unsafe-fixes")
    assert set(fixed) == {"app/config.py", "app/handler.py"}


def test_follow_ups_leave_out_a_setting_whose_requests_all_got_their_mode(tmp_path):
    _project(tmp_path)
    import json

    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    result = CliRunner().invoke(main, ["fix", "--isolated", "--format", "json", str(tmp_path)])
    safe = {(f["path"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(result.output)["follow_ups"]}
    assert ("config.py", 2) not in safe  # its one request got its mode in the same tier
    result = CliRunner().invoke(main, ["fix", "--isolated", "--unsafe-fixes", "--format", "json", str(tmp_path)])
    unsafe = {(f["path"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(result.output)["follow_ups"]}
    assert ("config.py", 2) not in unsafe
    assert ("config.py", 3) in unsafe  # REASONER has no request the run could find


def test_git_work_tree_and_plain_folder_find_the_same_requests(tmp_path):
    plain = tmp_path / "plain"
    repo = tmp_path / "repo"
    for root in (plain, repo):
        _project(root, **{"app/other.py": "import json\n"})
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    strip = lambda doc: sorted((f["path"].split("app/")[-1], f["line"], f["code"]) for f in doc["findings"])  # noqa: E731
    assert strip(scan_tree(plain)) == strip(scan_tree(repo))


def test_diff_of_the_request_file_applies(tmp_path):
    _project(tmp_path)
    assert_diff_applies(tmp_path, diff_of(tmp_path, "--unsafe-fixes"))


def test_attribute_set_in_init_from_a_parameter_default_is_followed_and_not_toggled(tmp_path):
    handler = (
        "from app.clients import client\n"
        "from app.config import MODEL\n\n\n"
        "class Bot:\n"
        "    def __init__(self, model=MODEL):\n"
        "        self.model = model\n\n"
        "    def answer(self, messages):\n"
        "        return client.chat.completions.create(model=self.model, messages=messages)\n"
    )
    _project(tmp_path, **{"app/handler.py": handler})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 10 and "app/config.py:2" in finding["message"]
    assert "through a parameter" in finding["note"] and finding["fix"] == "none"


def test_settings_attribute_with_a_fallback_instance_is_followed(tmp_path):
    module = (
        "import httpx\n\n\n"
        "class Settings:\n"
        '    model: str = "deepseek-chat"\n\n\n'
        "class Client:\n"
        "    def __init__(self, settings=None):\n"
        "        self.settings = settings or Settings()\n\n"
        "    def complete(self, messages):\n"
        '        body = {"model": self.settings.model, "messages": messages}\n'
        '        return httpx.post("https://api.deepseek.com/chat/completions", json=body).json()\n'
    )
    write_tree(tmp_path, {"client.py": module})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 13 and "client.py:5" in finding["message"]
    assert "through a parameter" in finding["note"]  # a caller may pass other settings


def test_model_picked_from_a_table_is_reported_and_never_toggled(tmp_path):
    config = 'MODELS = {\n    "fast": "deepseek-chat",\n    "deep": "deepseek-reasoner",\n}\n'
    handler = (
        "from openai import OpenAI\n\nfrom settings import MODELS\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
        "def ask(kind, messages):\n"
        "    return client.chat.completions.create(model=MODELS[kind], messages=messages)\n"
    )
    write_tree(tmp_path, {"settings.py": config, "handler.py": handler})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert "picked from a table of ids at" in finding["note"] and "settings.py:1" in finding["note"]
    assert finding["fix"] == "none"
    assert "handler.py" not in fix_tree(tmp_path, "--unsafe-fixes")


def test_pydantic_request_model_dumped_into_the_body_is_reported(tmp_path):
    schemas = (
        "from pydantic import BaseModel, Field\n\n\n"
        "class ChatRequest(BaseModel):\n"
        '    model: str = Field(default="deepseek-chat")\n'
        "    messages: list\n"
    )
    client = (
        "import httpx\n\nfrom svc.schemas import ChatRequest\n\n\n"
        "def send(request: ChatRequest):\n"
        '    return httpx.post("https://api.deepseek.com/chat/completions", json=request.model_dump())\n'
    )
    write_tree(tmp_path, {"svc/schemas.py": schemas, "svc/client.py": client})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 7 and "svc/schemas.py:5" in finding["message"]
    assert finding["fix"] == "none"  # the caller builds the request: it may set another model
    assert "svc/client.py" not in fix_tree(tmp_path, "--unsafe-fixes")


def test_workers_say_what_a_module_exports_and_only_exporters_are_searched_for(tmp_path, monkeypatch):
    """A module the workers analysed comes with its exports; importers are
    searched for only where there are some (a search of the whole tree for
    every module that merely calls DeepSeek cost seconds on a monorepo)."""
    from ds_migrate.project import flow
    from ds_migrate.analyse import Options, process_file
    from ds_migrate.python.model_sources import extract

    assert process_file("config.py", CONFIG.encode(), Options()).result.exports == extract(CONFIG)
    caller = 'def ask(client, m):\n    return client.chat.completions.create(model="deepseek-chat", messages=m)\n'
    assert process_file("caller.py", caller.encode(), Options()).result.exports == ()
    searched: list[list[str]] = []
    real = flow.files_naming
    monkeypatch.setattr(flow, "files_naming", lambda stems, *rest: searched.append(stems) or real(stems, *rest))
    _project(tmp_path, **{"app/caller.py": caller})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["path"].endswith("app/handler.py")
    # not "caller", which exports nothing, nor "clients": it mentions DeepSeek
    # (no id), so its worker read what it exports, a client whose URL config
    # holds; no model can come from it, and the handler is found through config
    assert process_file("clients.py", CLIENT.encode(), Options()).result.exports == extract(CLIENT)
    assert searched == [["config"]]


def test_importers_of_a_module_whose_names_hold_no_model_are_not_searched(tmp_path, monkeypatch):
    """A large package mentions DeepSeek in hundreds of modules, and many
    export environment reads (``TIMEOUT = os.getenv(...)``) or a base URL: no
    request reading those gets a model from them, so the tree is not searched
    for their importers (newest litellm and transformers: 11,000 files followed
    for no hint, 60% of a 26 s scan). A variable a config file of the run sets
    to an id still counts."""
    from ds_migrate.project import flow

    searched: list[list[str]] = []
    real = flow.files_naming
    monkeypatch.setattr(flow, "files_naming", lambda stems, *rest: searched.append(stems) or real(stems, *rest))
    knobs = 'import os\n\n# DeepSeek settings\nTIMEOUT = os.getenv("DEEPSEEK_TIMEOUT", "30")\nMODEL = os.getenv("LLM_MODEL")\n'
    user = "from app.knobs import MODEL\n\n\ndef ask(client, m):\n    return client.chat.completions.create(model=MODEL, messages=m)\n"
    write_tree(tmp_path, {"app/__init__.py": "", "app/knobs.py": knobs, "app/user.py": user})
    assert _dsm201(scan_tree(tmp_path)) == [] and not any(searched)
    # the same module once the run's .env gives LLM_MODEL a retired id
    write_tree(tmp_path, {".env": "LLM_MODEL=deepseek-chat\n"})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["path"].endswith("app/user.py") and searched[-1] == ["knobs"]


def test_importers_are_found_by_their_import_lines_in_a_work_tree_and_outside_one(tmp_path):
    from ds_migrate.discover.listing import FileFilter
    from ds_migrate.project.flow.search import files_naming

    files = {
        "a.py": "from app import config\n",
        "b.py": "import app.config as cfg\n",
        "c.py": "from app.config import (\n    MODEL,\n)\n",
        "d.py": "config = load()\nprint(config)\n",  # the word, but no import of it
        "e.py": "import configparser\n",  # another word
        "notes.txt": "import config\n",
    }
    for kind in ("git", "plain"):
        root = tmp_path / kind
        write_tree(root, files)
        if kind == "git":
            subprocess.run(["git", "init", "-q", str(root)], check=True)
        found = sorted(p.rsplit("/", 1)[-1] for p in files_naming(["config"], [str(root)], FileFilter()))
        assert found == ["a.py", "b.py", "c.py"], kind


def test_in_a_work_tree_importers_are_searched_among_the_files_naming_an_export(tmp_path):
    """A stem such as "transformation" is imported by 800 files of newest
    litellm, and a worker read each of them to find that none names what the
    module exports (TN git: 1.2 s of git grep and 1.2 s of reading). Given
    the exported names, git lists only the importers that name one of them
    (worth_tracing asks both); outside a work tree the search is unchanged."""
    from ds_migrate.discover.listing import FileFilter
    from ds_migrate.project.flow.search import files_naming

    files = {
        "a.py": "from app.config import MODEL\n",
        "b.py": "from app import config\nprint(config.MODEL)\n",
        "c.py": "from app.config import TIMEOUT\n",  # imports the stem, names no export
        "d.py": "MODEL = 1\n",  # names the export, imports no stem
        "e.py": "import app.config\nMODELS = app.config.X\n",  # MODELS is another word
    }
    for kind in ("git", "plain"):
        root = tmp_path / kind
        write_tree(root, files)
        if kind == "git":
            subprocess.run(["git", "init", "-q", str(root)], check=True)
        found = sorted(p.rsplit("/", 1)[-1] for p in files_naming(["config"], [str(root)], FileFilter(), {"MODEL"}))
        assert found == (["a.py", "b.py"] if kind == "git" else ["a.py", "b.py", "c.py", "e.py"]), kind
        nowhere = sorted(p.rsplit("/", 1)[-1] for p in files_naming(["config"], [str(root)], FileFilter(), {"NOWHERE"}))
        assert nowhere == ([] if kind == "git" else ["a.py", "b.py", "c.py", "e.py"]), kind


def test_an_open_weights_name_read_from_settings_is_not_a_v4_request(tmp_path):
    """``deepseek-ai/DeepSeek-V3`` (a Hugging Face repository, served by
    Together, vLLM...) reached a request through a settings module and got
    "Thinking is on by default on V4": only a retired or a V4 id makes a
    hint. A V4 id through the same path still does."""
    settings = 'MODEL = "deepseek-ai/DeepSeek-V3"\nV4 = "deepseek/deepseek-v4-flash"\n'
    chat = (
        "from openai import OpenAI\nfrom app import settings\n\nclient = OpenAI()\n\n\n"
        "def ask(m):\n    return client.chat.completions.create(model=settings.MODEL, messages=m)\n\n\n"
        "def ask_v4(m):\n    return client.chat.completions.create(model=settings.V4, messages=m)\n"
    )
    write_tree(tmp_path, {"app/__init__.py": "", "app/settings.py": settings, "app/chat.py": chat})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 12 and "settings.py:2" in finding["message"]


def test_a_local_name_bound_once_in_the_function_is_followed(tmp_path):
    """A fourth fresh reader: ``m = MODEL`` then ``create(model=m)`` was not
    followed (the module's binding table held every function's ``m``), so
    the safe tier renamed the default and the request thought by default,
    with nothing reported after. A name bound once at the top of the
    function is followed; one bound twice, in a branch or as a parameter
    is not (DSM201 still names the default, no toggle)."""
    cfg = 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n'
    head = 'from openai import OpenAI\n\nfrom app.cfg import MODEL\n\nclient = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    once = "def a(q):\n    m = MODEL\n    return client.chat.completions.create(model=m, messages=q)\n\n\n"
    other = 'def b(q):\n    m = "deepseek-v4-pro"\n    return client.chat.completions.create(model=m, messages=q, extra_body={"thinking": {"type": "enabled"}})\n'
    write_tree(tmp_path / "one", {"app/__init__.py": "", "app/cfg.py": cfg, "app/run.py": head + once + other})
    changed = fix_tree(tmp_path / "one")
    assert changed["app/run.py"] == head + once.replace(
        "messages=q)", 'messages=q, extra_body={"thinking": {"type": "disabled"}})'
    ) + other
    for body in (
        "def a(q, m=None):\n    m = MODEL\n    return client.chat.completions.create(model=m, messages=q)\n",
        "def a(q):\n    m = MODEL\n    m = m.strip()\n    return client.chat.completions.create(model=m, messages=q)\n",
        "def a(q):\n    if q:\n        m = MODEL\n    return client.chat.completions.create(model=m, messages=q)\n",
    ):
        from ds_migrate.project.flow.syntax import local_binding
        import libcst as cst

        function = cst.parse_module(body).body[0]
        assert local_binding(function, "m") is None, body


SPREAD = (
    "from app.clients import client\n"
    "from app.config import MODEL\n\n\n"
    "def answer(messages):\n"
    '    kwargs = {"model": MODEL, "messages": messages}\n'
    "    return client.chat.completions.create(**kwargs)\n"
)


def test_a_dict_spread_into_the_request_is_followed_and_its_toggle_waits_for_unsafe(tmp_path):
    """``kwargs = {"model": MODEL, ...}; create(**kwargs)``: the model is the
    dict's. A fourth fresh reader's request went unreported, then thought by
    default once the setting was renamed. The toggle goes on the call; it is
    unsafe (a spread call), so the setting waits for that tier with it."""
    _project(tmp_path, **{"app/handler.py": SPREAD})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 6
    assert finding["message"].endswith("app/config.py:2: set it here (V4 thinks by default)")
    assert_diff_applies(tmp_path, diff_of(tmp_path, "--unsafe-fixes"))
    safe = fix_tree(tmp_path)
    assert "app/handler.py" not in safe and 'MODEL = "deepseek-chat"' in safe.get("app/config.py", CONFIG)
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed["app/handler.py"] == SPREAD.replace(
        "create(**kwargs)", 'create(**kwargs, extra_body={"thinking": {"type": "disabled"}})'
    )


def test_a_spread_dict_written_into_or_carrying_extra_body_is_not_followed(tmp_path):
    for body in (
        '    kwargs = {"model": MODEL, "messages": messages}\n    kwargs["model"] = pick()\n',
        '    kwargs = {"model": MODEL, "messages": messages}\n    kwargs.update(extra)\n',
        '    kwargs = {"model": MODEL, "messages": messages, "extra_body": {"x": 1}}\n',
        '    kwargs = {"model": MODEL, "messages": messages, **extra}\n',
    ):
        handler = SPREAD.replace('    kwargs = {"model": MODEL, "messages": messages}\n', body)
        root = tmp_path / str(abs(hash(body)))
        _project(root, **{"app/handler.py": handler})
        assert _dsm201(scan_tree(root)) == [], body


def test_a_model_chosen_by_a_condition_is_reported_without_a_toggle(tmp_path):
    """``model=MODEL if fast else "x"``: either branch is sent, so the mode of
    the one followed is not the request's: DSM201 names the setting and why,
    and offers no toggle."""
    handler = HANDLER.replace("model=MODEL,", 'model=MODEL if messages else "my-local-model",')
    _project(tmp_path, **{"app/handler.py": handler})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 6 and finding["fix"] == "none"
    assert "a condition picks it or another model" in finding["note"]
    assert "app/handler.py" not in fix_tree(tmp_path, "--unsafe-fixes")


def test_a_request_on_a_deepseek_client_set_up_elsewhere_is_a_deepseek_request(tmp_path):
    """``OpenAI(base_url=settings.BASE_URL)``, the URL an env default in the
    settings module, and ``model=job.model`` read from a YAML file: the
    request had no finding, so once its YAML value was renamed it thought in
    silence (a fresh review of a sixth reader's project). Its client is
    DeepSeek's: DSM201 says to set the mode; a client of another host is not."""
    settings = 'import os\n\nBASE_URL = os.getenv("BASE", "https://api.deepseek.com")\nMODEL = os.getenv("M", "deepseek-chat")\n'
    client = (
        "from openai import OpenAI\n\nfrom app import settings\nfrom app.jobs import load_job\n\n"
        "client = OpenAI(base_url=settings.BASE_URL)\n\n\n"
        'def triage(ticket):\n    job = load_job("triage")\n'
        '    return client.chat.completions.create(model=job.model, messages=[{"role": "user", "content": ticket}])\n'
    )
    root = write_tree(tmp_path, {"app/__init__.py": "", "app/settings.py": settings, "app/client.py": client})
    findings = [f for f in scan_tree(root)["findings"] if f["path"].endswith("client.py")]
    assert [(f["line"], f["code"]) for f in findings] == [(11, "DSM201")]
    other = settings.replace("https://api.deepseek.com", "https://api.openai.com/v1")
    root = write_tree(tmp_path / "other", {"app/__init__.py": "", "app/settings.py": other, "app/client.py": client})
    assert not [f for f in scan_tree(root)["findings"] if f["path"].endswith("client.py")]


# A seventh fresh reader's FastAPI project: pydantic settings handed out by a
# cached function, a client built on first use by a factory function, and a
# wrapper whose model parameter falls back to the setting. None of its
# requests was followed: renamed, the setting made them think in silence.
SETTINGS = (
    "from functools import lru_cache\n\n\n"
    "class Settings:\n"
    '    base_url: str = "https://api.deepseek.com"\n'
    '    chat_model: str = "deepseek-chat"\n\n\n'
    "@lru_cache\n"
    "def get_settings():\n"
    "    return Settings()\n"
)
DEEPSEEK_CLIENT = 'from openai import OpenAI\n\nfrom app.settings import get_settings\n\nclient = OpenAI(base_url="https://api.deepseek.com")\n\n\n'


def _fastapi(tmp_path, settings: str, user: str):
    return write_tree(tmp_path, {"app/__init__.py": "", "app/settings.py": settings, "app/llm.py": user})


def test_a_function_returning_the_settings_instance_is_read_like_the_instance(tmp_path):
    """``get_settings().chat_model`` and ``s = get_settings(); s.chat_model``
    reach the class default as ``settings.chat_model`` does, with or without
    a cache around the function; the request gets the toggle with the rename."""
    user = DEEPSEEK_CLIENT + (
        "def a(m):\n    return client.chat.completions.create(model=get_settings().chat_model, messages=m)\n\n\n"
        "def b(m):\n    s = get_settings()\n    return client.chat.completions.create(model=s.chat_model, messages=m)\n"
    )
    toggled = user.replace("messages=m)", 'messages=m, extra_body={"thinking": {"type": "disabled"}})')
    for name, decorator in (("cached", "@lru_cache\n"), ("cache", "@functools.cache\n"), ("plain", "")):
        settings = SETTINGS.replace("@lru_cache\n", decorator).replace("from functools", "import functools\nfrom functools")
        root = _fastapi(tmp_path / name, settings, user)
        found = {f["line"]: f for f in _dsm201(scan_tree(root))}
        assert sorted(found) == [9, 14], name
        for finding in found.values():
            assert finding["message"].endswith("app/settings.py:7: set it here (V4 thinks by default)")
            assert finding["fix"] == "safe"
        changed = fix_tree(root)
        assert changed["app/llm.py"] == toggled, name
        assert '"deepseek-v4-flash"' in changed["app/settings.py"]


def test_a_function_that_may_return_other_settings_is_not_followed(tmp_path):
    """Another decorator may return anything; ``Settings(chat_model=x)`` or a
    second ``return`` may hold another model: no source is named, no toggle
    (the client is DeepSeek's, so the request still gets the plain DSM201)."""
    user = DEEPSEEK_CLIENT + "def a(m):\n    return client.chat.completions.create(model=get_settings().chat_model, messages=m)\n"
    for name, settings in (
        ("decorated", SETTINGS.replace("@lru_cache\n", "@wrap\n")),
        ("arguments", SETTINGS.replace("return Settings()", 'return Settings(chat_model="x")')),
        ("two returns", SETTINGS.replace("    return Settings()\n", "    if x:\n        return None\n    return Settings()\n")),
    ):
        root = _fastapi(tmp_path / name.replace(" ", "_"), settings, user)
        (finding,) = _dsm201(scan_tree(root))
        assert finding["message"].startswith("No thinking mode set on this V4 request"), name
        assert finding["fix"] == "none", name
        assert "app/llm.py" not in fix_tree(root, "--unsafe-fixes"), name


FACTORY = (
    "from openai import OpenAI\n\nfrom app.settings import get_settings\n\n"
    "_client = None\n\n\n"
    "def client():\n"
    "    global _client\n"
    "    if _client is None:\n"
    "        s = get_settings()\n"
    "        _client = OpenAI(api_key=\"k\", base_url=BASE)\n"
    "    return _client\n\n\n"
    "def summary(m):\n"
    "    return client().chat.completions.create(model=get_settings().chat_model, messages=m, stream=True)\n"
)


def test_a_client_built_by_a_factory_function_has_the_host_of_its_constructor(tmp_path):
    """``client()`` returning a module global it fills with ``OpenAI(...)``,
    or returning ``OpenAI(...)`` itself: its requests go where that
    constructor's base URL points (a literal, or a settings default read
    through a local), so a retired id from settings gets its toggle there."""
    toggled = lambda text: text.replace("stream=True)", 'stream=True, extra_body={"thinking": {"type": "disabled"}})')  # noqa: E731
    direct = (
        "from openai import OpenAI\n\nfrom app.settings import get_settings\n\n\n"
        "def client():\n    return OpenAI(base_url=BASE)\n\n\n"
        "def summary(m):\n"
        "    return client().chat.completions.create(model=get_settings().chat_model, messages=m, stream=True)\n"
    )
    for name, user in (
        ("global_literal", FACTORY.replace("BASE", '"https://api.deepseek.com"')),
        ("global_setting", FACTORY.replace("BASE", "s.base_url")),
        ("direct_literal", direct.replace("BASE", '"https://api.deepseek.com/v1"')),
        ("direct_setting", direct.replace("BASE", "get_settings().base_url")),
    ):
        root = _fastapi(tmp_path / name, SETTINGS, user)
        (finding,) = _dsm201(scan_tree(root))
        assert finding["fix"] == "safe" and "app/settings.py:6" in finding["message"], name
        assert fix_tree(root)["app/llm.py"] == toggled(user), name


def test_a_factory_client_on_another_host_or_an_unknown_one_gets_no_toggle(tmp_path):
    """OpenRouter's host: another provider's request, left alone. A global
    given two different clients, or a URL a caller passes: not visible, so
    DSM201 says why and nothing is added."""
    root = _fastapi(tmp_path / "foreign", SETTINGS, FACTORY.replace("BASE", '"https://openrouter.ai/api/v1"'))
    assert _dsm201(scan_tree(root)) == []
    assert "app/llm.py" not in fix_tree(root, "--unsafe-fixes")
    twice = FACTORY.replace("BASE", '"https://api.deepseek.com"').replace(
        "    return _client\n", "    return _client\n\n\ndef reset():\n    global _client\n    _client = OpenAI()\n"
    )
    passed = FACTORY.replace("def client():", "def client(url=None):").replace("BASE", "url")
    for name, user in (("two_clients", twice), ("parameter", passed)):
        root = _fastapi(tmp_path / name, SETTINGS, user)
        (finding,) = _dsm201(scan_tree(root))
        assert "not visibly DeepSeek's" in finding["note"] and finding["fix"] == "none", name
        assert "app/llm.py" not in fix_tree(root, "--unsafe-fixes"), name


def test_a_parameter_that_falls_back_to_the_setting_is_reported_and_named_where_the_mode_goes(tmp_path):
    """``model = model or get_settings().chat_model``: the default path
    reads the setting, but a caller may pass another id (the reader's
    ``complete(model=get_settings().reasoning_model)``). DSM201 names the
    setting and offers no toggle; the rename still happens, and the summary
    names the request that still needs its mode, not only the value."""
    import json

    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    user = FACTORY.replace("BASE", '"https://api.deepseek.com"') + (
        "\n\ndef complete(messages, model=None, **kwargs):\n"
        "    model = model or get_settings().chat_model\n"
        "    return client().chat.completions.create(model=model, messages=messages, **kwargs)\n"
    )
    root = _fastapi(tmp_path, SETTINGS, user)
    found = {f["line"]: f for f in _dsm201(scan_tree(root))}
    assert sorted(found) == [17, 22]
    assert found[22]["fix"] == "none" and "through a parameter of complete()" in found[22]["note"]
    result = CliRunner().invoke(main, ["fix", "--isolated", "--format", "json", str(root)])
    (follow,) = json.loads(result.output)["follow_ups"]
    assert follow["path"].endswith("app/settings.py") and follow["line"] == 6
    assert follow["note"].endswith(f"where the request is made ({root}/app/llm.py:22)")
    changed = fix_tree(root)
    assert "stream=True, extra_body=" in changed["app/llm.py"] and "**kwargs)\n" in changed["app/llm.py"]
    # after the rename the request is still reported (V4 thinks by default)
    (after,) = _dsm201(scan_tree(root))
    assert after["line"] == 22 and after["message"].startswith("No thinking mode set; model from ")


def test_a_client_factory_imported_from_another_module_gives_its_host(tmp_path):
    """``from app.deps import get_client`` (FastAPI's dependency module, which
    never mentions DeepSeek: its URL is the settings default): the request
    made on ``get_client()`` elsewhere goes to that host, absolute or relative
    import alike. A settings URL that is not DeepSeek's is not recorded
    (as for ``OpenAI(base_url=settings.url)``): reported, no toggle."""
    deps = "from openai import OpenAI\n\nfrom app.settings import get_settings\n\n\ndef get_client():\n    return OpenAI(base_url=get_settings().base_url)\n"
    routes = (
        "from {where} import get_client\nfrom app.settings import get_settings\n\n\n"
        "def summary(m):\n    return get_client().chat.completions.create(model=get_settings().chat_model, messages=m)\n"
    )
    for name, where in (("absolute", "app.deps"), ("relative", ".deps")):
        root = write_tree(tmp_path / name, {
            "app/__init__.py": "", "app/settings.py": SETTINGS, "app/deps.py": deps, "app/routes.py": routes.format(where=where),
        })
        (finding,) = _dsm201(scan_tree(root))
        assert finding["path"].endswith("app/routes.py") and finding["fix"] == "safe", name
        assert fix_tree(root)["app/routes.py"].endswith('messages=m, extra_body={"thinking": {"type": "disabled"}})\n'), name
    foreign = SETTINGS.replace("https://api.deepseek.com", "https://openrouter.ai/api/v1")
    root = write_tree(tmp_path / "foreign", {
        "app/__init__.py": "", "app/settings.py": foreign, "app/deps.py": deps, "app/routes.py": routes.format(where="app.deps"),
    })
    (finding,) = _dsm201(scan_tree(root))
    assert "not visibly DeepSeek's" in finding["note"] and finding["fix"] == "none"
    assert "app/routes.py" not in fix_tree(root, "--unsafe-fixes")


@pytest.mark.parametrize("config", [
    'model_config = SettingsConfigDict(env_prefix="DIGEST_", env_file=".env")',
    'class Config:\n        env_prefix = "DIGEST_"',
    'model_config = {"env_prefix": "DIGEST_"}',
])
def test_a_settings_field_is_overridden_by_its_prefixed_variable(config):
    """pydantic-settings reads ``chat_model`` from $DIGEST_CHAT_MODEL when
    the class sets env_prefix="DIGEST_": the note named $CHAT_MODEL, and
    the .env entries setting the real variable were not linked (a fresh review)."""
    from ds_migrate.python.model_sources import extract

    source = (
        "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n"
        f"class Settings(BaseSettings):\n    {config}\n\n    chat_model: str = \"deepseek-chat\"\n"
    )
    (field,) = [s for s in extract(source) if s.name == "Settings.chat_model"]
    assert field.env == "DIGEST_CHAT_MODEL"
    plain = source.replace(config, "debug: bool = False")
    assert [s.env for s in extract(plain) if s.name == "Settings.chat_model"] == ["CHAT_MODEL"]
