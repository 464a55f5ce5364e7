"""DSM206 reasoning-content-dropped: code that drops reasoning_content from the
history it sends back (an R1-era habit that breaks V4 tool calls)."""

import pytest

from conftest import thinking_codes


def test_content_only_history_with_tools_is_reported():
    source = (
        'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, tools=t, extra_body={"thinking": {"type": "enabled"}})\n'
        'm.append({"role": "assistant", "content": r.choices[0].message.content})\n'
    )
    found = thinking_codes(source)
    assert "DSM206" in found and "DSM205" in found


def test_content_only_history_without_tools_is_fine():
    source = (
        'r = client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "enabled"}})\n'
        'm.append({"role": "assistant", "content": r.choices[0].message.content})\n'
    )
    assert thinking_codes(source) == []


DEEPSEEK_URL = 'URL = "https://api.deepseek.com"\n'


@pytest.mark.parametrize(
    "line",
    [
        pytest.param('del msg["reasoning_content"]\n', id="del-key"),
        pytest.param('x = {k: v for k, v in d.items() if k not in ("reasoning_content",)}\n', id="dict-comprehension-filter"),
        pytest.param('data = message.model_dump(exclude={"reasoning_content"})\n', id="model-dump-exclude"),
    ],
)
def test_drop_patterns(line):
    assert thinking_codes(DEEPSEEK_URL + line) == ["DSM206"]


def test_reading_reasoning_content_is_not_dropping_it():
    assert thinking_codes(DEEPSEEK_URL + 'print(msg["reasoning_content"])\n') == []
