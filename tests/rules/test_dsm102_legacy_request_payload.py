"""DSM102 legacy-request-payload: a retired name in a hand-built request body
(a dict sent with requests/httpx, json.dumps): the body gets a "thinking" key."""

from conftest import codes, fix, scan


def test_raw_payload_sent_with_json_gets_thinking_key():
    before = 'httpx.post(URL, json={"model": "deepseek-chat", "messages": m})\n'
    after = 'httpx.post(URL, json={"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n'
    assert fix(before) == after


def test_raw_payload_assigned_then_sent():
    before = 'body = {\n    "model": "deepseek-reasoner",\n    "messages": m,\n}\nrequests.post(URL, json=body)\n'
    after = 'body = {\n    "model": "deepseek-v4-flash",\n    "messages": m,\n    "thinking": {"type": "enabled"},\n}\nrequests.post(URL, json=body)\n'
    assert fix(before) == after


def test_raw_payload_through_json_dumps():
    before = 'data = json.dumps({"model": "deepseek-chat", "messages": m})\n'
    assert fix(before) == 'data = json.dumps({"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n'


def test_payload_with_existing_thinking_is_kept():
    before = 'httpx.post(U, json={"model": "deepseek-chat", "messages": m, "thinking": {"type": "enabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_payload_of_unknown_use_is_renamed_only_with_note():
    before = 'payload = {"model": "deepseek-chat", "messages": m}\nclient.chat.completions.create(**payload)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")
    assert "how this body is sent" in scan(before)[0].note


def test_aiohttp_json_body_gets_thinking_key():
    before = 'async with session.post(URL, json={"model": "deepseek-chat", "messages": m}) as r:\n    pass\n'
    after = 'async with session.post(URL, json={"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}}) as r:\n    pass\n'
    assert codes(before) == ["DSM102"]
    assert fix(before) == after


def test_current_body_with_explicit_mode_is_left_alone():
    source = 'httpx.post(U, json={"model": "deepseek-v4-flash", "messages": m, "thinking": {"type": "disabled"}})\n'
    assert scan(source) == []
    assert fix(source, unsafe=True) == source
