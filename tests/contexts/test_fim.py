"""FIM and prefix completion (client.completions.create): non-thinking only, so
the name is swapped and no toggle added (contexts/fim.py)."""

from conftest import fix


def test_fim_completion_is_renamed_without_toggle():
    before = 'client.completions.create(model="deepseek-chat", prompt=p, suffix=s)\n'
    assert fix(before) == 'client.completions.create(model="deepseek-v4-flash", prompt=p, suffix=s)\n'
