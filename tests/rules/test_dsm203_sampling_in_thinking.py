"""DSM203 sampling-in-thinking: temperature and the penalties on a request that
thinks (or will after the rename): reported, not fixed."""

from conftest import scan, thinking_codes


def test_temperature_on_reasoner_is_reported():
    source = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, temperature=0, presence_penalty=1)\n'
    assert thinking_codes(source) == ["DSM203", "DSM203"]


def test_temperature_on_v4_without_mode_is_reported():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, temperature=0)\n'
    assert sorted(thinking_codes(source)) == ["DSM201", "DSM203"]


def test_temperature_on_chat_or_disabled_is_fine():
    assert thinking_codes('client.chat.completions.create(model="deepseek-chat", messages=m, temperature=0)\n') == []
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, temperature=0, extra_body={"thinking": {"type": "disabled"}})\n'
    assert thinking_codes(source) == []


def test_temperature_position_points_at_the_value():
    source = 'client.chat.completions.create(\n    model="deepseek-reasoner",\n    messages=m,\n    temperature=0.2,\n)\n'
    (finding,) = [f for f in scan(source) if f.code == "DSM203"]
    assert (finding.line, finding.column, finding.end_column) == (4, 17, 20)


def test_each_request_gets_its_own_temperature_when_requests_share_lines():
    # a chat model on the line above a reasoner: the chat's temperature stays
    # quiet and the reasoner's is reported on its own line (a fresh reader saw
    # the finding on the chat line, the last reasoner's lost)
    source = (
        'llm = ChatDeepSeek(model="deepseek-chat", temperature=0)\n'
        'llm2 = ChatDeepSeek(model="deepseek-reasoner", temperature=0)\n'
        'llm3 = ChatDeepSeek(model="deepseek-reasoner", temperature=0.5)\n'
    )
    found = [(f.line, f.column) for f in scan(source) if f.code == "DSM203"]
    assert found == [(2, 60), (3, 60)]


def test_a_request_still_on_a_retired_id_is_told_what_happens_after_the_migration(tmp_path):
    """The model comes from a setting that is renamed with no mode here (the
    client's host is not visible): today it sends deepseek-chat, which does
    not think. The finding says the temperature is ignored *after* the
    migration, not that it is now (a fifth fresh reader)."""
    from projects import scan_tree, write_tree

    root = write_tree(tmp_path, {
        "app/__init__.py": "",
        "app/cfg.py": 'import os\n\nMODEL = os.getenv("MODEL", "deepseek-chat")\n',
        "app/run.py": "import os\nfrom openai import OpenAI\n\nfrom app.cfg import MODEL\n\n"
                      'client = OpenAI(base_url=os.environ["LLM_BASE_URL"])\n\n\n'
                      "def ask(q):\n    return client.chat.completions.create(model=MODEL, messages=q, temperature=0.2)\n",
    })
    (finding,) = [f for f in scan_tree(root)["findings"] if f["code"] == "DSM203"]
    assert finding["message"] == (
        "temperature will be ignored after the migration: the renamed model thinks by default unless this "
        "request sets its thinking mode"
    )
