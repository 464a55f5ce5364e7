"""FIM and prefix completion (client.completions.create): non-thinking only, so
the name is swapped and no toggle added (contexts/fim.py)."""

from conftest import fix, scan


def test_fim_completion_is_renamed_without_toggle():
    before = 'client.completions.create(model="deepseek-chat", prompt=p, suffix=s)\n'
    assert fix(before) == 'client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n'


def test_fim_reasoner_is_renamed_without_toggle_and_says_why():
    before = 'client.completions.create(model="deepseek-reasoner", prompt=p, suffix=s)\n'
    assert fix(before) == 'client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n'
    assert "non-thinking mode only" in scan(before)[0].note


def test_completion_on_the_beta_base_url_is_renamed_without_toggle():
    before = 'client = OpenAI(base_url="https://api.deepseek.com/beta")\nclient.completions.create(model="deepseek-chat", prompt=p)\n'
    assert fix(before) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_completion_on_another_host_is_left_alone():
    for client in ('OpenAI(base_url="http://localhost:8000/v1")', "client"):
        before = f'client = OpenAI(base_url="https://openrouter.ai/api/v1")\n{client}.completions.create(model="deepseek-chat", prompt=p)\n'
        assert fix(before, unsafe=True) == before, client


def test_the_note_says_why_no_toggle_is_added():
    (finding,) = scan('client.completions.create(model="deepseek-chat", prompt=p, suffix=s)\n')
    assert finding.note == "FIM completion runs in non-thinking mode only; fix renames it, no toggle"
