"""DSM204 forced-tool-choice-in-thinking: tool_choice="required" or a named tool
on a thinking request (the API answers 400)."""

from conftest import scan, thinking_codes


def test_required_tool_choice_on_reasoner():
    source = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="required")\n'
    assert "DSM204" in thinking_codes(source)
    (finding,) = [f for f in scan(source) if f.code == "DSM204"]
    assert finding.message == (
        'Forced tool_choice on a thinking request: the API answers 400 "Thinking mode does not support this '
        'tool_choice"; disable thinking here or use "auto"'
    )


def test_named_function_tool_choice_on_v4_default():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, tool_choice={"type": "function", "function": {"name": "f"}})\n'
    assert "DSM204" in thinking_codes(source)


def test_auto_tool_choice_and_chat_are_fine():
    assert "DSM204" not in thinking_codes('client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice="auto")\n')
    assert "DSM204" not in thinking_codes('client.chat.completions.create(model="deepseek-chat", messages=m, tools=t, tool_choice="required")\n')


def test_anthropic_any_is_accepted_but_named_tool_is_not():
    base = 'client.messages.create(model="deepseek-reasoner", max_tokens=9, messages=m, tools=t, tool_choice={})\n'
    assert "DSM204" not in thinking_codes(base.replace("{}", '{"type": "any"}'))
    assert "DSM204" in thinking_codes(base.replace("{}", '{"type": "tool", "name": "f"}'))


def test_every_form_of_a_named_function_is_forced():
    base = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice={})\n'
    for choice in (
        '{"type": "function", "name": "f"}',  # the Responses API's form: no "function" key
        '{"function": {"name": "f"}}',  # a named function without its type
    ):
        assert "DSM204" in thinking_codes(base.replace("{}", choice)), choice


def test_a_choice_the_rule_cannot_read_or_that_names_no_function_is_left_alone():
    base = 'client.chat.completions.create(model="deepseek-reasoner", messages=m, tools=t, tool_choice={})\n'
    for choice in (
        "choice",  # a variable: its value is unknown here
        '{"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": []}}',
    ):
        assert "DSM204" not in thinking_codes(base.replace("{}", choice)), choice
