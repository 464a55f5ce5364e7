"""DSM101 legacy-model-argument: a retired name passed as a call's model.

The fix in each calling context has its own file under tests/contexts/; here:
what the rule itself promises (the finding, its note, calls nobody knows)."""

from conftest import codes, fix, scan


def test_conditional_model_keeps_its_distinction_as_a_mode():
    # issue 24: renamed alone, the chat branch would start thinking
    before = 'client.chat.completions.create(model="deepseek-reasoner" if deep else "deepseek-chat", messages=m)\n'
    after = (
        'client.chat.completions.create(model="deepseek-v4-flash" if deep else "deepseek-v4-flash", messages=m, '
        'extra_body={"thinking": {"type": "enabled" if deep else "disabled"}})\n'
    )
    assert fix(before) == after
    assert all(f.note and "chooses the thinking mode" in f.note for f in scan(before))


def test_conditional_model_the_mode_cannot_follow_is_refused():
    before = 'client.chat.completions.create(model="deepseek-reasoner" if deep() else "deepseek-chat", messages=m)\n'
    assert fix(before, unsafe=True) == before
    assert all(f.note and f.note.startswith("not renamed:") for f in scan(before))


def test_conditional_model_of_one_mode_is_renamed_with_a_note():
    before = 'client.chat.completions.create(model="deepseek-coder" if code else "deepseek-chat", messages=m)\n'
    assert fix(before) == before.replace("deepseek-coder", "deepseek-v4-flash").replace("deepseek-chat", "deepseek-v4-flash")
    assert all(f.note and "run time" in f.note for f in scan(before))


def test_unknown_wrapper_is_renamed_with_a_note():
    before = 'llm = MyWrapper(model="deepseek-chat")\n'
    assert fix(before) == 'llm = MyWrapper(model="deepseek-v4-flash")\n'
    (finding,) = scan(before)
    assert finding.code == "DSM101" and "thinking disabled" in finding.note


def test_message_is_one_line_and_the_api_error_is_the_reports_footer():
    (finding,) = scan('client.chat.completions.create(model="deepseek-chat", messages=m)\n')
    assert "is retired" in finding.message and "\n" not in finding.message
    # the date and the API's text are said once per run (tests/test_output_formats.py)
    assert "but you passed" not in finding.message and "2026-07-24" not in finding.message
    from ds_migrate.report.summary import api_error_footer

    assert api_error_footer([finding]).endswith("but you passed deepseek-chat.\"")


def test_current_model_with_explicit_mode_is_left_alone():
    source = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source


def test_longer_slug_that_starts_with_a_legacy_name_is_not_this_rule():
    source = 'client.chat.completions.create(model="deepseek/deepseek-chat-v3-0324", messages=m)\n'
    assert "DSM101" not in codes(source)
    assert fix(source, unsafe=True) == source
