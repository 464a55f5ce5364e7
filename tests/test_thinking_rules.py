"""DSM2xx: what breaks after the rename."""

from conftest import REPO, codes, fix, scan


def only(source, prefix="DSM2", **options):
    return [f.code for f in scan(source, **options) if f.code.startswith(prefix)]


# --- DSM201 v4 call without mode ------------------------------------------------

def test_v4_call_without_mode_is_reported():
    assert only('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n') == ["DSM201"]


def test_v4_pro_and_v41_names_too():
    for model in ("deepseek-v4-pro", "deepseek-flash", "deepseek/deepseek-v4-flash"):
        assert only(f'client.chat.completions.create(model="{model}", messages=m)\n') == ["DSM201"], model


def test_v4_constant_is_followed():
    source = 'MODEL = "deepseek-v4-flash"\nclient.chat.completions.create(model=MODEL, messages=m)\n'
    assert only(source) == ["DSM201"]


def test_deepseek_client_with_unknown_model():
    source = 'client = OpenAI(base_url="https://api.deepseek.com")\nclient.chat.completions.create(model=settings.model, messages=m)\n'
    assert only(source) == ["DSM201"]


def test_explicit_mode_is_not_reported():
    for toggle in ('extra_body={"thinking": {"type": "enabled"}}', 'extra_body={"thinking": {"type": "disabled"}}'):
        assert only(f'client.chat.completions.create(model="deepseek-v4-flash", messages=m, {toggle})\n') == []


def test_other_providers_and_models_are_not_reported():
    assert only('client.chat.completions.create(model="gpt-4o", messages=m)\n') == []
    source = 'c = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="deepseek/deepseek-v4-flash", messages=m)\n'
    assert only(source) == []


def test_fim_call_is_not_reported():
    assert only('client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n') == []


def test_legacy_call_is_left_to_the_rename_rule():
    assert only('client.chat.completions.create(model="deepseek-chat", messages=m)\n') == []


def test_no_fix_without_assume_mode():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'
    assert fix(source, unsafe=True) == source


def test_assume_mode_chat_adds_disabled_toggle():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n'
    fixed = fix(source, assume_mode="disabled")
    assert fixed == 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert only(fixed) == []


def test_assume_mode_reasoner_on_langchain_and_payload():
    source = (
        'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-v4-flash")\n'
        'httpx.post(U, json={"model": "deepseek-v4-flash", "messages": m})\n'
    )
    fixed = fix(source, assume_mode="enabled")
    assert 'ChatDeepSeek(model="deepseek-v4-flash", extra_body={"thinking": {"type": "enabled"}})' in fixed
    assert '"messages": m, "thinking": {"type": "enabled"}}' in fixed


# --- DSM202 boolean ----------------------------------------------------------

def test_boolean_true_becomes_enabled_object():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": True})\n'
    assert only(source) == ["DSM202"]
    assert fix(source) == source.replace('{"thinking": True}', '{"thinking": {"type": "enabled"}}')


def test_boolean_in_anthropic_keyword_gets_budget():
    source = 'client.messages.create(model="deepseek-v4-flash", max_tokens=4096, messages=m, thinking=True)\n'
    assert fix(source).endswith('thinking={"type": "enabled", "budget_tokens": 1024})\n')


def test_chat_template_kwargs_boolean_is_not_deepseek_api_shape():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"chat_template_kwargs": {"thinking": True}})\n'
    assert "DSM202" not in only(source)


def test_agno_use_thinking_boolean_is_fine():
    source = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", use_thinking=True)\n'
    assert only(source) == []


# --- DSM203 sampling ---------------------------------------------------------

def test_temperature_on_reasoner_is_reported():
    source = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, temperature=0, presence_penalty=1)\n'
    assert only(source) == ["DSM203", "DSM203"]


def test_temperature_on_v4_without_mode_is_reported():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, temperature=0)\n'
    assert sorted(only(source)) == ["DSM201", "DSM203"]


def test_temperature_on_chat_or_disabled_is_fine():
    assert only('client.chat.completions.create(model="deepseek-chat", messages=m, temperature=0)\n') == []
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, temperature=0, extra_body={"thinking": {"type": "disabled"}})\n'
    assert only(source) == []


def test_temperature_position_points_at_the_value():
    source = 'client.chat.completions.create(\n    model="deepseek-reasoner",\n    messages=m,\n    temperature=0.2,\n)\n'
    (finding,) = [f for f in scan(source) if f.code == "DSM203"]
    assert (finding.line, finding.column, finding.end_column) == (4, 17, 20)


# --- DSM204 forced tool choice ---------------------------------------------------

def test_required_tool_choice_on_reasoner():
    source = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="required")\n'
    assert "DSM204" in only(source)


def test_named_function_tool_choice_on_v4_default():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, tool_choice={"type": "function", "function": {"name": "f"}})\n'
    assert "DSM204" in only(source)


def test_auto_tool_choice_and_chat_are_fine():
    assert "DSM204" not in only('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="auto")\n')
    assert "DSM204" not in only('client.chat.completions.create(model="deepseek-chat", messages=m, tools=t, tool_choice="required")\n')


def test_anthropic_any_is_accepted_but_named_tool_is_not():
    base = 'client.messages.create(model="deepseek-reasoner", max_tokens=9, messages=m, tools=t, tool_choice={})\n'
    assert "DSM204" not in only(base.replace("{}", '{"type": "any"}'))
    assert "DSM204" in only(base.replace("{}", '{"type": "tool", "name": "f"}'))


# --- DSM205 / DSM206 tools and reasoning_content ------------------------------------

def test_tools_on_reasoner_is_an_info_reminder():
    (finding,) = [f for f in scan('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t)\n') if f.code == "DSM205"]
    assert finding.severity.label == "info"
    assert "must be passed back to the API" in finding.message


def test_realistic_r1_agent_loop_is_a_warning():
    source = (REPO / "examples" / "agents" / "tool_loop.py").read_text()
    findings = scan(source)
    tools = [f for f in findings if f.code == "DSM205"]
    assert tools and all(f.severity.label == "warning" for f in tools)
    (dropped,) = [f for f in findings if f.code == "DSM206"]
    assert "pops it" in dropped.message
    assert "DSM204" in [f.code for f in findings]
    assert "DSM203" in [f.code for f in findings]


def test_content_only_history_with_tools_is_reported():
    source = (
        'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, extra_body={"thinking": {"type": "enabled"}})\n'
        'm.append({"role": "assistant", "content": r.choices[0].message.content})\n'
    )
    found = only(source)
    assert "DSM206" in found and "DSM205" in found


def test_content_only_history_without_tools_is_fine():
    source = (
        'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
        'm.append({"role": "assistant", "content": r.choices[0].message.content})\n'
    )
    assert only(source) == []


def test_tools_on_disabled_thinking_are_fine():
    source = 'client.chat.completions.create(model="deepseek-chat", messages=m, tools=t)\nmsg.pop("reasoning_content")\n'
    assert only(source) == ["DSM206"]


def test_drop_patterns():
    header = 'URL = "https://api.deepseek.com"\n'
    for line in (
        'del msg["reasoning_content"]\n',
        'x = {k: v for k, v in d.items() if k not in ("reasoning_content",)}\n',
        'data = message.model_dump(exclude={"reasoning_content"})\n',
    ):
        assert only(header + line) == ["DSM206"], line
    assert only(header + 'print(msg["reasoning_content"])\n') == []


def test_thinking_rules_respect_suppression_and_ignore():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m)  # ds-migrate: ignore[DSM201]\n'
    assert only(source) == []
    assert only('client.chat.completions.create(model="deepseek-v4-flash", messages=m)\n', ignore=("DSM201",)) == []


def test_retired_name_message_carries_the_api_error():
    (finding,) = [f for f in scan('MODEL = "deepseek-reasoner"\n')]
    assert "retired on 2026-07-24" in finding.message
    assert '"The supported API model names are deepseek-v4-pro or deepseek-v4-flash, but you passed deepseek-reasoner."' in finding.message


def test_examples_show_every_rule():
    from click.testing import CliRunner
    import json

    from ds_migrate.cli import main
    from ds_migrate.rules import all_rules

    result = CliRunner().invoke(main, ["scan", "--format", "json", str(REPO / "examples")])
    seen = {f["code"] for f in json.loads(result.output)["findings"]}
    assert seen == {rule.code for rule in all_rules()}


def test_positions_found_from_the_model_string_match_libcst_metadata(monkeypatch):
    from ds_migrate.python import check

    sources = [p.read_text() for p in (REPO / "examples").rglob("*.py") if "broken" not in str(p)]
    sources.append('client.chat.completions.create(temperature=0.5,\n    model="deepseek-reasoner", tools=t,\n    tool_choice="required")\n')
    fast = [[(f.code, f.line, f.column) for f in scan(s) if f.code.startswith("DSM2")] for s in sources]
    monkeypatch.setattr(check._Locator, "_anchor", lambda self, request: None)
    slow = [[(f.code, f.line, f.column) for f in scan(s) if f.code.startswith("DSM2")] for s in sources]
    assert fast == slow
    assert any(fast)
