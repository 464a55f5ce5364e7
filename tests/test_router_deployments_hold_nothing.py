"""A LiteLLM Router's deployments are requests (issue 24's fresh reader): the
CLI renames them with their modes and they hold back no other use of the
ids, in Python or in the proxy's config.yaml. Before, both deployments were
a DSM114 merge, and the settings default, its test and the proxy config
waited with them."""

from __future__ import annotations

import pytest

from projects import fix_tree, scan_tree, write_tree

ROUTER = (
    "import os\n\nfrom litellm import Router\n\n"
    "router = Router(model_list=[\n"
    '    {"model_name": "fast", "litellm_params": {"model": "deepseek/deepseek-chat", "api_key": os.environ["DEEPSEEK_API_KEY"]}},\n'
    '    {"model_name": "smart", "litellm_params": {"model": "deepseek/deepseek-reasoner", "api_key": os.environ["DEEPSEEK_API_KEY"]}},\n'
    "])\n\n\n"
    "def ask(text):\n"
    '    return router.completion(model="fast", messages=[{"role": "user", "content": text}])\n'
)
PROXY = (
    "model_list:\n"
    "  - model_name: fast\n    litellm_params:\n      model: deepseek/deepseek-chat\n"
    "  - model_name: smart\n    litellm_params:\n      model: deepseek/deepseek-reasoner\n"
)
SETTINGS = 'import os\n\nDEFAULT_MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")\n'
CLIENT = (
    "from openai import OpenAI\n\nfrom app.settings import DEFAULT_MODEL\n\n"
    'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
    "def run(text):\n"
    '    return client.chat.completions.create(model=DEFAULT_MODEL, messages=[{"role": "user", "content": text}])\n'
)
TEST = 'from app.settings import DEFAULT_MODEL\n\n\ndef test_default_model():\n    assert DEFAULT_MODEL == "deepseek-chat"\n'


def _project(tmp_path, router: bool, proxy: bool):
    files = {"app/__init__.py": "", "app/settings.py": SETTINGS, "app/client.py": CLIENT, "tests/test_settings.py": TEST}
    if router:
        files["app/router.py"] = ROUTER
    if proxy:
        files["config.yaml"] = PROXY
    return write_tree(tmp_path, files)


@pytest.mark.parametrize("router, proxy", [(True, False), (False, True), (True, True)], ids=["router", "proxy", "both"])
def test_other_sites_are_not_held_back_by_the_deployments(tmp_path, router, proxy):
    root = _project(tmp_path, router, proxy)
    changed = fix_tree(root)
    assert changed["app/settings.py"] == SETTINGS.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["tests/test_settings.py"] == TEST.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["app/client.py"] == CLIENT.replace(
        "content\": text}])", "content\": text}], extra_body={\"thinking\": {\"type\": \"disabled\"}})"
    )
    if router:
        assert changed["app/router.py"] == ROUTER.replace(
            '"deepseek/deepseek-chat", "api_key": os.environ["DEEPSEEK_API_KEY"]}',
            '"deepseek/deepseek-v4-flash", "api_key": os.environ["DEEPSEEK_API_KEY"], '
            '"extra_body": {"thinking": {"type": "disabled"}}}',
        ).replace(
            '"deepseek/deepseek-reasoner", "api_key": os.environ["DEEPSEEK_API_KEY"]}',
            '"deepseek/deepseek-v4-flash", "api_key": os.environ["DEEPSEEK_API_KEY"], '
            '"extra_body": {"thinking": {"type": "enabled"}}}',
        )
    if proxy:
        assert changed["config.yaml"] == (
            "model_list:\n"
            "  - model_name: fast\n    litellm_params:\n      model: deepseek/deepseek-v4-flash\n"
            "      extra_body: {thinking: {type: disabled}}\n"
            "  - model_name: smart\n    litellm_params:\n      model: deepseek/deepseek-v4-flash\n"
            "      extra_body: {thinking: {type: enabled}}\n"
        )
    assert fix_tree(root, "--unsafe-fixes") == {}  # the safe tier left nothing for the unsafe one


def test_scan_counts_every_site_fixable_and_plans_nothing(tmp_path):
    root = _project(tmp_path, router=True, proxy=True)
    document = scan_tree(root)
    assert document["plan"] == []
    by_path = {}
    for finding in document["findings"]:
        path = finding["path"].replace("\\", "/").split(tmp_path.name + "/", 1)[-1]
        by_path.setdefault(path, []).append((finding["code"], finding["fix"]))
    assert by_path["app/router.py"] == [("DSM102", "safe"), ("DSM102", "safe")]
    assert by_path["config.yaml"] == [("DSM102", "safe"), ("DSM102", "safe")]
    assert all(fix == "safe" for findings in by_path.values() for _, fix in findings), by_path


ALIASED = (
    "from litellm import Router\n\n"
    "router = Router(model_list=[\n"
    '    {"model_name": "deepseek-chat", "litellm_params": {"model": "deepseek/deepseek-chat"}},\n'
    "])\n"
)
CALLER = (
    "from app.router import router\n\n\n"
    "def ask(text):\n"
    '    return router.completion(model="deepseek-chat", messages=[{"role": "user", "content": text}])\n'
)


@pytest.mark.parametrize("tier", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_a_legacy_model_name_stays_with_its_callers_while_the_deployment_migrates(tmp_path, tier):
    """``model_name: "deepseek-chat"`` is what callers ask the Router for:
    renamed alone, ``router.completion(model="deepseek-chat")`` finds no
    deployment, and the caller renamed alone finds none either. The
    deployment behind the name is migrated; the name and its callers stay,
    or, with --unsafe-fixes, are renamed together (the Router's own V4
    literal is contained: no "already used" id that would hold them)."""
    root = write_tree(tmp_path, {"app/__init__.py": "", "app/router.py": ALIASED, "app/caller.py": CALLER})
    codes = {(f["path"].rsplit("/", 1)[-1], f["line"], f["code"]) for f in scan_tree(root)["findings"]}
    assert ("router.py", 4, "DSM106") in codes  # the alias: reported, with the choice it leaves
    changed = fix_tree(root, *tier)
    migrated = ALIASED.replace(
        '"deepseek/deepseek-chat"}',
        '"deepseek/deepseek-v4-flash", "extra_body": {"thinking": {"type": "disabled"}}}',
    )
    if tier:  # the unsafe tier renames the name with its every caller, in one change
        assert changed == {
            "app/router.py": migrated.replace('"model_name": "deepseek-chat"', '"model_name": "deepseek-v4-flash"'),
            "app/caller.py": CALLER.replace('model="deepseek-chat"', 'model="deepseek-v4-flash"'),
        }
    else:
        assert changed == {"app/router.py": migrated}
    # once the deployment names a V4 id, the alias is still what the caller
    # asks for (not compat code beside a V4 id): a second run renames nothing
    assert fix_tree(root, *tier) == {}
