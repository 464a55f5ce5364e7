"""The OpenAI Responses API on DeepSeek: reasoning={"effort": ...}
(contexts/responses_api.py)."""

from conftest import codes, fix, scan

DS_CLIENT = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\n'


def test_responses_create_chat_gets_effort_none():
    before = DS_CLIENT + 'r = client.responses.create(model="deepseek-chat", input="Hi")\n'
    after = DS_CLIENT + 'r = client.responses.create(model="deepseek-v4-flash", input="Hi", reasoning={"effort": "none"})\n'
    assert fix(before) == after


def test_responses_create_reasoner_gets_effort_high_inside_existing_reasoning():
    before = DS_CLIENT + "r = client.responses.create(model='deepseek-reasoner', input='Hi', reasoning={'summary': 'auto'})\n"
    after = DS_CLIENT + "r = client.responses.create(model='deepseek-v4-flash', input='Hi', reasoning={'summary': 'auto', 'effort': 'high'})\n"
    assert fix(before) == after


def test_responses_existing_effort_is_kept_and_counts_as_explicit():
    before = DS_CLIENT + 'r = client.responses.create(model="deepseek-chat", input="Hi", reasoning={"effort": "low"})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert codes(fix(before)) == []
    assert codes(DS_CLIENT + 'r = client.responses.create(model="deepseek-v4-flash", input="Hi")\n') == ["DSM201"]


def test_responses_on_another_host_is_left_alone():
    before = 'from openai import OpenAI\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\nr = client.responses.create(model="deepseek/deepseek-chat", input="Hi")\n'
    assert fix(before, unsafe=True) == before


def test_responses_v4_call_with_effort_is_left_alone():
    source = DS_CLIENT + 'r = client.responses.create(model="deepseek-v4-flash", input="Hi", reasoning={"effort": "high"})\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source
