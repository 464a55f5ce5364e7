"""LiteLLM and DSPy: the form the pinned LiteLLM takes; with no pin, the form that
works on every version checked (contexts/litellm.py; pinned cases: test_pins.py)."""

from conftest import fix


def test_aliased_import_is_recognised_by_what_it_names():
    source = 'from litellm import completion as ask\nask(model="deepseek-reasoner", messages=m)\n'
    assert 'extra_body={"thinking": {"type": "enabled"}}' in fix(source)
