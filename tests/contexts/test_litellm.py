"""LiteLLM and DSPy: the form the pinned LiteLLM takes; with no pin, the form that
works on every version checked (contexts/litellm.py; pinned cases: test_pins.py)."""

from conftest import fix


def test_aliased_import_is_recognised_by_what_it_names():
    source = 'from litellm import completion as ask\nask(model="deepseek-reasoner", messages=m)\n'
    assert 'extra_body={"thinking": {"type": "enabled"}}' in fix(source)


def test_litellm_completion_unpinned_uses_extra_body():
    before = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m)\n'
    after = (
        'import litellm\nlitellm.completion(model="deepseek/deepseek-v4-flash", messages=m, '
        'extra_body={"thinking": {"type": "enabled"}})\n'
    )
    assert fix(before) == after


def test_litellm_imported_function():
    before = 'from litellm import acompletion\nawait_me = acompletion(model="deepseek/deepseek-chat", messages=m)\n'
    assert fix(before).endswith('extra_body={"thinking": {"type": "disabled"}})\n')


def test_dspy_lm_positional_model():
    before = 'import dspy\nlm = dspy.LM("deepseek/deepseek-chat", max_tokens=100)\n'
    after = 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", max_tokens=100, extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before) == after
