"""agno's DeepSeek(id=...): the form the pinned agno takes; unpinned,
request_params={"extra_body": ...} (contexts/agno.py)."""

import pytest

from conftest import fix, scan
from projects import project

AGNO = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat")\n'
AGNO_PARAMS = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "disabled"}}})\n'
AGNO_USE = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", use_thinking=False)\n'


def test_agno_unpinned_uses_request_params():
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner")\n'
    assert fix(before) == (
        'from agno.models.deepseek import DeepSeek\n'
        'm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    chat = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat")\n'
    assert fix(chat).endswith('request_params={"extra_body": {"thinking": {"type": "disabled"}}})\n')


@pytest.mark.parametrize(
    "files, expected",
    [
        pytest.param({}, AGNO_PARAMS, id="unpinned"),
        pytest.param({"requirements.txt": "agno==1.8.3\n"}, AGNO_PARAMS, id="1.8.3"),  # use_thinking is a TypeError there
        pytest.param({"requirements.txt": "agno==2.6.9\n"}, AGNO_PARAMS, id="2.6.9"),
        pytest.param({"requirements.txt": "agno==2.6.10\n"}, AGNO_USE, id="2.6.10"),
        pytest.param({"pyproject.toml": '[tool.poetry.dependencies]\nagno = "^3.1"\n'}, AGNO_USE, id="poetry-caret-3.1"),
    ],
)
def test_agno_form_by_version(tmp_path, files, expected):
    assert fix(AGNO, path=project(tmp_path, files)) == expected


def test_agno_older_than_checked_is_renamed_and_reported(tmp_path):
    # renamed alone a chat request would think: only with --unsafe-fixes
    path = project(tmp_path, {"requirements.txt": "agno==1.2.0\n"})
    assert fix(AGNO, path=path) == AGNO
    assert fix(AGNO, unsafe=True, path=path) == AGNO.replace("deepseek-chat", "deepseek-v4-flash")
    assert "agno ==1.2.0" in scan(AGNO, path=path)[0].note


def test_agno_request_params_merges_into_a_literal(tmp_path):
    path = project(tmp_path, {})
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner", request_params={"timeout": 5})\n'
    assert fix(before, path=path) == (
        'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", '
        'request_params={"timeout": 5, "extra_body": {"thinking": {"type": "enabled"}}})\n'
    )
    nested = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat", request_params={"extra_body": {"top_k": 2}})\n'
    assert fix(nested, path=path) == (
        'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", '
        'request_params={"extra_body": {"top_k": 2, "thinking": {"type": "disabled"}}})\n'
    )


def test_agno_request_params_that_already_set_thinking_are_kept(tmp_path):
    source = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "enabled"}}})\n'
    assert fix(source, path=project(tmp_path, {})) == source
    assert not [f for f in scan(source, path=project(tmp_path, {})) if f.code == "DSM201"]


def test_agno_existing_use_thinking_is_kept():
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-chat", use_thinking=True)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_an_existing_use_thinking_is_kept_and_the_note_says_so():
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner", use_thinking=True)\n'
    assert fix(before) == before.replace("deepseek-reasoner", "deepseek-v4-flash")
    (finding,) = scan(before)
    assert finding.note == "the call already sets use_thinking=; kept as is"


def test_a_pinned_agno_turns_thinking_on_for_the_reasoner_and_says_why(tmp_path):
    path = project(tmp_path, {"requirements.txt": "agno==2.6.10\n"})
    before = 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-reasoner")\n'
    assert fix(before, path=path) == 'from agno.models.deepseek import DeepSeek\nm = DeepSeek(id="deepseek-v4-flash", use_thinking=True)\n'
    (finding,) = scan(before, path=path)
    assert finding.note == "use_thinking= chosen for agno ==2.6.10 (pinned in requirements.txt)"
