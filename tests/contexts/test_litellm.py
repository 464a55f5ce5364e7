"""LiteLLM and DSPy: the form the pinned LiteLLM takes; with no pin, the form that
works on every version checked (contexts/litellm.py)."""

import pytest

from conftest import codes, fix, scan
from projects import project

LITELLM_CHAT = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat", messages=m)\n'
LITELLM_REASONER = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m)\n'
EXTRA = 'extra_body={{"thinking": {{"type": "{}"}}}})\n'
KEYWORD = 'thinking={{"type": "{}"}})\n'


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


@pytest.mark.parametrize(
    "pin, chat_form, reasoner_form",
    [
        pytest.param(None, EXTRA, EXTRA, id="unpinned"),  # unpinned: works on every version checked
        pytest.param("litellm==1.77.7", EXTRA, EXTRA, id="1.77.7"),  # thinking= raises UnsupportedParamsError
        pytest.param("litellm==1.82.0", EXTRA, EXTRA, id="1.82.0"),  # thinking= is dropped silently, both types
        pytest.param("litellm==1.82.1", EXTRA, KEYWORD, id="1.82.1"),  # the first that sends "enabled"
        pytest.param("litellm==1.85.7", EXTRA, KEYWORD, id="1.85.7"),  # "disabled" would be dropped silently
        pytest.param("litellm>=1.82.1,<1.93", EXTRA, KEYWORD, id="1.82.1-to-1.93"),
        pytest.param("litellm==1.92.2", EXTRA, KEYWORD, id="1.92.2"),
        pytest.param("litellm==1.93.0", KEYWORD, KEYWORD, id="1.93.0"),
        pytest.param("litellm>=1.100,<2", KEYWORD, KEYWORD, id="1.100-to-2"),
        pytest.param("litellm<2", EXTRA, EXTRA, id="below-2-without-lower-bound"),  # no lower bound: as unpinned
        # open upwards from before any version checked: an install takes the newest, as with no pin
        pytest.param("litellm>=1.40", EXTRA, EXTRA, id="from-1.40-open"),
        pytest.param("litellm>=1.93", KEYWORD, KEYWORD, id="from-1.93-open"),
    ],
)
def test_litellm_form_by_version(tmp_path, pin, chat_form, reasoner_form):
    path = project(tmp_path, {"requirements.txt": pin + "\n"} if pin else {})
    assert fix(LITELLM_CHAT, path=path).endswith("messages=m, " + chat_form.format("disabled"))
    assert fix(LITELLM_REASONER, path=path).endswith("messages=m, " + reasoner_form.format("enabled"))


def test_litellm_older_than_checked_is_renamed_and_reported(tmp_path):
    # a reasoner keeps V4's default (thinking on): the rename alone is safe
    path = project(tmp_path, {"requirements.txt": "litellm==1.50.0\n"})
    assert fix(LITELLM_REASONER, path=path) == LITELLM_REASONER.replace("deepseek-reasoner", "deepseek-v4-flash")
    note = scan(LITELLM_REASONER, path=path)[0].note
    assert "litellm ==1.50.0" in note and "requirements.txt" in note and "fix renames only" in note


def test_litellm_older_than_checked_leaves_a_chat_request_to_the_unsafe_tier(tmp_path):
    # renamed with no toggle a chat request would think: a change of behaviour, not a safe fix
    path = project(tmp_path, {"requirements.txt": "litellm==1.50.0\n"})
    assert fix(LITELLM_CHAT, path=path) == LITELLM_CHAT
    assert fix(LITELLM_CHAT, unsafe=True, path=path) == LITELLM_CHAT.replace("deepseek-chat", "deepseek-v4-flash")
    finding = scan(LITELLM_CHAT, path=path)[0]
    assert finding.fix.applicability.name == "UNSAFE"
    assert "set thinking disabled where the request is made, or upgrade litellm" in finding.note


def test_dspy_follows_the_locked_litellm(tmp_path):
    before = 'import dspy\nlm = dspy.LM("deepseek/deepseek-chat")\n'
    old = project(tmp_path / "old", {"uv.lock": '[[package]]\nname = "litellm"\nversion = "1.85.7"\n'})
    new = project(tmp_path / "new", {"uv.lock": '[[package]]\nname = "litellm"\nversion = "1.110.2"\n'})
    assert fix(before, path=old) == 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", extra_body={"thinking": {"type": "disabled"}})\n'
    assert fix(before, path=new) == 'import dspy\nlm = dspy.LM("deepseek/deepseek-v4-flash", thinking={"type": "disabled"})\n'


def test_litellm_openrouter_route_is_left_alone():
    source = 'import litellm\nlitellm.completion(model="openrouter/deepseek/deepseek-chat", messages=m)\n'
    assert codes(source) == ["DSM110"]
    assert fix(source, unsafe=True) == source


def test_litellm_existing_thinking_is_kept():
    before = 'import litellm\nlitellm.completion(model="deepseek/deepseek-chat", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_an_existing_thinking_argument_is_kept_and_the_note_says_so():
    before = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m, thinking={"type": "enabled"})\n'
    assert fix(before) == before.replace("deepseek-reasoner", "deepseek-v4-flash")
    (finding,) = scan(before)
    assert finding.note == "the call already sets thinking=; kept as is"


def test_thinking_already_in_extra_body_is_kept_and_the_note_says_so():
    before = 'import litellm\nlitellm.completion(model="deepseek/deepseek-reasoner", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
    assert fix(before) == before.replace("deepseek-reasoner", "deepseek-v4-flash")
    (finding,) = scan(before)
    assert finding.note == "the call already sets thinking in extra_body; kept as is"


def test_a_model_built_behind_the_deepseek_prefix_is_a_deepseek_request():
    """``completion(model="deepseek/" + cfg["model"])``: the provider is written,
    the id comes from a config file the run renames. The request thinks after
    the rename, so DSM201 says to set the mode here, as it does for a client on
    DeepSeek's host (a fifth fresh reader's YAML-configured project)."""
    for model in ('"deepseek/" + cfg["model"]', 'f"deepseek/{cfg[\'model\']}"', '"DeepSeek/" + name'):
        source = f"import litellm\nlitellm.completion(model={model}, messages=m)\n"
        assert codes(source) == ["DSM201"], model
        assert codes(source.replace("completion(", "completion(\n    **opts,\n    ").replace("messages=m)", 'messages=m, extra_body={"thinking": {"type": "disabled"}})')) == [], model
    dspy = 'import dspy\nlm = dspy.LM(f"deepseek/{settings.model}")\n'
    assert codes(dspy) == ["DSM201"]
    for elsewhere in ('"openrouter/deepseek/" + name', 'f"{provider}/{name}"', "name"):
        source = f"import litellm\nlitellm.completion(model={elsewhere}, messages=m)\n"
        assert codes(source) == [], elsewhere


def test_a_v4_model_through_a_local_name_is_still_a_request_without_a_mode():
    """``m = FLASH`` then ``completion(model=m)``: LiteLLM's provider is in the
    id, so a name that was not followed hid the request, and DSM201 left with
    the rename (a sixth fresh reader)."""
    source = (
        'import litellm\n\nFLASH = "deepseek/deepseek-v4-flash"\n\n\ndef ask(t):\n    m = FLASH\n'
        '    return litellm.completion(model=m, messages=[{"role": "user", "content": t}])\n'
    )
    assert codes(source) == ["DSM201"]


CHOICE = 'import litellm\n\nHARD = "deepseek/deepseek-v4-pro"\nEASY = "deepseek/deepseek-v4-flash"\n\n\n'
PICKED = CHOICE + "def pick(t):\n    return HARD if len(t) > 99 else EASY\n\n\ndef ask(t):\n    model = pick(t)\n" \
    '    return litellm.completion(model=model, messages=[{"role": "user", "content": t}])\n'


def test_a_request_fed_by_a_choice_of_v4_constants_is_a_request_without_a_mode(monkeypatch):
    """``model = HARD if hard else EASY`` or ``model = pick(t)``, both V4 after
    ``--mapping deepseek-reasoner=deepseek-v4-pro``: both constants were
    renamed with no mode and the request was no request to the analysis;
    scan then said nothing (a fresh review, S3)."""
    inline = CHOICE + "def ask(t, hard):\n    model = HARD if hard else EASY\n" \
        '    return litellm.completion(model=model, messages=[{"role": "user", "content": t}])\n'
    assert codes(inline) == ["DSM201"]
    # the whole module parsed, the returns of pick() are read too
    monkeypatch.setenv("DS_MIGRATE_NO_SLICING", "1")
    assert codes(PICKED) == ["DSM201"]
    # one way not visible (another call), or not a DeepSeek id: nothing to say
    assert codes(PICKED.replace("return HARD if len(t) > 99 else EASY", "return HARD if t else other(t)")) == []
    assert codes(PICKED.replace('"deepseek/deepseek-v4-flash"', '"gpt-4o"')) == []


def test_a_request_fed_by_a_function_returning_v4_constants_is_seen_in_a_slice():
    """The slice kept ``pick()`` (it names the constants) but not its caller
    ``ask()``: the closure now follows the callers of a function that returns
    a followed value, and the name bound to the call."""
    assert codes(PICKED) == ["DSM201"]
