"""DSM202 thinking-boolean: the toggle given as a boolean; fixed to {"type": ...}."""

from conftest import fix, thinking_codes


def test_boolean_true_becomes_enabled_object():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": True})\n'
    assert thinking_codes(source) == ["DSM202"]
    assert fix(source) == source.replace('{"thinking": True}', '{"thinking": {"type": "enabled"}}')


def test_boolean_in_anthropic_keyword_gets_budget():
    source = 'client.messages.create(model="deepseek-v4-flash", max_tokens=4096, messages=m, thinking=True)\n'
    assert fix(source).endswith('thinking={"type": "enabled", "budget_tokens": 1024})\n')


def test_chat_template_kwargs_boolean_is_not_deepseek_api_shape():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"chat_template_kwargs": {"thinking": True}})\n'
    assert "DSM202" not in thinking_codes(source)


def test_agno_use_thinking_boolean_is_fine():
    source = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", use_thinking=True)\n'
    assert thinking_codes(source) == []


def test_boolean_false_becomes_disabled_object():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": False})\n'
    assert thinking_codes(source) == ["DSM202"]
    assert fix(source) == source.replace('{"thinking": False}', '{"thinking": {"type": "disabled"}}')
