"""A test that asserts what a request sends is renamed with that request, in
the same tier (SPEC section 4), even when the id is also a held default
elsewhere; where the test may check either, the request waits with it."""

from __future__ import annotations

import subprocess

from projects import fix_tree, scan_tree, write_tree

# the id is held: a settings default that reaches a price table
SETTINGS = 'CHAT_MODEL = "deepseek-chat"\nAPI_KEY = "sk-x"\n'
PRICES = 'PRICES = {"deepseek-chat": 0.27}\n\n\ndef cost(model):\n    return PRICES[model]\n'
API = "from settings import CHAT_MODEL\nfrom prices import cost\n\nprint(cost(CHAT_MODEL))\n"
# a request whose model is its own literal: contained, renamed in the safe tier
RAW = (
    "import httpx\n\nfrom settings import API_KEY\n\n\n"
    "def translate(text):\n"
    '    r = httpx.post("https://api.deepseek.com/chat/completions", headers={"Authorization": API_KEY},\n'
    '                   json={"model": "deepseek-chat", "messages": [{"role": "user", "content": text}]})\n'
    '    return r.json()["choices"][0]["message"]["content"]\n'
)
RAW_FIXED = RAW.replace(
    '"model": "deepseek-chat", "messages": [{"role": "user", "content": text}]',
    '"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": text}], "thinking": {"type": "disabled"}',
)
TEST_RAW = (
    "import raw_client\n\n\n"
    "def test_translate(monkeypatch):\n"
    "    sent = {}\n"
    '    monkeypatch.setattr(raw_client.httpx, "post", lambda url, headers, json: sent.update(json))\n'
    "    raw_client.translate(\"hi\")\n"
    '    assert sent["model"] == "deepseek-chat"\n'
)
HELD = {"settings.py": SETTINGS, "prices.py": PRICES, "api.py": API}


def test_a_test_of_a_contained_request_is_renamed_with_it_while_the_id_is_held_elsewhere(tmp_path):
    write_tree(tmp_path, {**HELD, "raw_client.py": RAW, "tests/test_raw.py": TEST_RAW})
    assert fix_tree(tmp_path) == {
        "raw_client.py": RAW_FIXED,
        "tests/test_raw.py": TEST_RAW.replace("deepseek-chat", "deepseek-v4-flash"),
    }


def test_the_test_that_follows_its_request_is_no_site_of_the_held_group(tmp_path):
    write_tree(tmp_path, {**HELD, "raw_client.py": RAW, "tests/test_raw.py": TEST_RAW})
    document = scan_tree(tmp_path)
    (entry,) = document["plan"]
    assert not any(s["path"].endswith("test_raw.py") for s in entry["sites"])
    (test,) = [f for f in document["findings"] if f["path"].endswith("test_raw.py")]
    assert test["fix"] == "safe"
    assert "raw_client.py:8" in test["note"]


def test_a_test_that_also_imports_the_held_default_holds_the_request_it_may_check(tmp_path):
    # it may assert the request's literal or the default: renamed alone, either breaks it
    test = TEST_RAW.replace("import raw_client\n", "import raw_client\nimport settings\n")
    write_tree(tmp_path, {**HELD, "raw_client.py": RAW, "tests/test_raw.py": test})
    assert fix_tree(tmp_path) == {}
    (entry,) = scan_tree(tmp_path)["plan"]
    assert any(s["path"].endswith("raw_client.py") and (s["line"], s["role"]) == (8, "request") for s in entry["sites"])
    assert any("raw_client.py:8" in why and "test_raw.py:9" in why for why in entry["why"])


def test_a_request_beside_code_that_reads_the_held_default_waits_with_its_test(tmp_path):
    # llm.py sends the held default in one request and its own literal in another:
    # the test may check either
    llm = (
        "from openai import OpenAI\n\nimport settings\n\n"
        'client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
        "def summarize(text):\n"
        "    return client.chat.completions.create(model=settings.CHAT_MODEL, messages=[])\n\n\n"
        "def headline(text):\n"
        '    return client.chat.completions.create(model="deepseek-chat", messages=[])\n'
    )
    test = "import llm\n\n\ndef test_summarize(fake):\n    llm.summarize('a')\n    assert fake.model == \"deepseek-chat\"\n"
    write_tree(tmp_path, {**HELD, "llm.py": llm, "tests/test_llm.py": test})
    changed = fix_tree(tmp_path)
    assert "tests/test_llm.py" not in changed
    assert "deepseek-v4-flash" not in changed.get("llm.py", "")


def test_a_module_that_imports_the_settings_for_something_else_does_not_make_it_ambiguous(tmp_path):
    # raw_client.py reads API_KEY from settings, never CHAT_MODEL
    write_tree(tmp_path, {**HELD, "raw_client.py": RAW, "tests/test_raw.py": TEST_RAW})
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed["tests/test_raw.py"] == TEST_RAW.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["raw_client.py"] == RAW_FIXED


def _repository(tmp_path):
    write_tree(tmp_path, {**HELD, "raw_client.py": RAW, "tests/test_raw.py": TEST_RAW})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "."], check=True)


def test_naming_the_request_and_its_test_renames_both(tmp_path):
    # pre-commit with both files staged: the same answer as the whole project
    _repository(tmp_path)
    from click.testing import CliRunner

    from ds_migrate.cli.commands import main

    result = CliRunner().invoke(
        main,
        ["fix", "--write", "--isolated", str(tmp_path / "raw_client.py"), str(tmp_path / "tests/test_raw.py")],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "raw_client.py").read_text() == RAW_FIXED
    assert (tmp_path / "tests/test_raw.py").read_text() == TEST_RAW.replace("deepseek-chat", "deepseek-v4-flash")


def test_naming_the_request_alone_still_waits_for_its_test(tmp_path):
    _repository(tmp_path)
    document = scan_tree(tmp_path / "raw_client.py")
    (request,) = [f for f in document["findings"] if f["path"].endswith("raw_client.py")]
    assert request["fix"] != "safe"
    assert "tests/test_raw.py:8 tests it" in request["note"]


def test_a_test_that_may_feed_a_comparison_beside_the_request_does_not_follow_it(tmp_path):
    # speed("deepseek-chat") is test data for the held comparison: renamed, it would take the other branch
    router = (
        "import httpx\n\n\n"
        "def speed(model):\n"
        '    return "fast" if model == "deepseek-chat" else "slow"\n\n\n'
        "def ask(text):\n"
        '    return httpx.post("https://api.deepseek.com/chat/completions",\n'
        '                      json={"model": "deepseek-chat", "messages": [{"role": "user", "content": text}]})\n'
    )
    test = 'import router\n\n\ndef test_speed():\n    assert router.speed("deepseek-chat") == "fast"\n'
    write_tree(tmp_path, {"router.py": router, "tests/test_router.py": test})
    assert "tests/test_router.py" not in fix_tree(tmp_path)
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed["tests/test_router.py"] == test.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["router.py"].count("deepseek-v4-flash") == 2


def test_an_assertion_of_what_a_default_sends_follows_it_though_the_other_id_has_a_branch(tmp_path):
    """A settings default renamed in the safe tier, and a test asserting what
    the wrapper sends with it; the wrapper also branches on the *other* id.
    The assertion was taken for test data of that branch and left, so the
    safe fix failed the test (a fresh review). It is renamed with the default."""
    settings = 'class Settings:\n    chat_model = "deepseek-chat"\n'
    llm = (
        "from openai import OpenAI\n\nfrom pkg.settings import Settings\n\n"
        '_client = OpenAI(base_url="https://api.deepseek.com")\n\n\n'
        "def complete(messages, model=None, **kw):\n"
        "    model = model or Settings().chat_model\n"
        '    if model == "deepseek-reasoner":\n        kw.pop("temperature", None)\n'
        "    return _client.chat.completions.create(model=model, messages=messages, **kw)\n"
    )
    test = (
        "from pkg import llm\n\n\ndef test_complete(fake):\n"
        '    llm.complete([{"role": "user", "content": "x"}])\n'
        '    assert fake.calls[-1]["model"] == "deepseek-chat"\n'
    )
    write_tree(tmp_path, {"pkg/__init__.py": "", "pkg/settings.py": settings, "pkg/llm.py": llm, "tests/test_llm.py": test})
    changed = fix_tree(tmp_path)
    assert changed["pkg/settings.py"] == settings.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["tests/test_llm.py"] == test.replace("deepseek-chat", "deepseek-v4-flash")
    assert "pkg/llm.py" not in changed  # the branch on the reasoner stays; the request's DSM201 says where the mode goes
