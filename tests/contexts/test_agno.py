"""agno's DeepSeek(id=...): the form the pinned agno takes; unpinned,
request_params={"extra_body": ...} (contexts/agno.py; pinned cases: test_pins.py)."""

from conftest import fix


def test_agno_unpinned_uses_request_params():
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner")\n'
    assert fix(before) == (
        'from agno.models.deepseek import DeepSeek\n'
        'm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    chat = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat")\n'
    assert fix(chat).endswith('request_params={"extra_body": {"thinking": {"type": "disabled"}}})\n')
