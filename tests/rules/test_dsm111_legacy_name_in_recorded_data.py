"""DSM111 legacy-name-in-recorded-data: cassettes, snapshots, locks: reported,
never rewritten."""

from conftest import codes, fix


def test_vcr_cassette_is_recorded_data():
    before = "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n    method: POST\n"
    assert codes(before, path="tests/cassettes/test_chat.yaml") == ["DSM111"]
    assert codes(before, path="recordings/x.yaml") == ["DSM111"]
    assert codes(before, path="anywhere/session.yaml") == ["DSM111"]  # recognised by its shape
    assert fix(before, path="tests/cassettes/test_chat.yaml", unsafe=True) == before


def test_lock_and_snapshot_files_are_recorded_data():
    assert codes('{"x": "deepseek-chat"}\n', path="package-lock.json") == ["DSM111"]
    assert codes('{"x": "deepseek-chat"}\n', path="tests/__snapshots__/a.json") == ["DSM111"]


def test_response_built_in_code_is_never_rewritten():
    source = 'reply = ChatCompletion.model_validate({"id": "x", "model": "deepseek-chat", "choices": []})\n'
    assert codes(source) == ["DSM111"]
    assert fix(source, unsafe=True) == source
