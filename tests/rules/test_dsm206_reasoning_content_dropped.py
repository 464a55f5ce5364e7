"""DSM206 reasoning-content-dropped: code that drops reasoning_content from the
history it sends back (an R1-era habit that breaks V4 tool calls)."""

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


def test_drop_patterns():
    header = 'URL = "https://api.deepseek.com"\n'
    for line in (
        'del msg["reasoning_content"]\n',
        'x = {k: v for k, v in d.items() if k not in ("reasoning_content",)}\n',
        'data = message.model_dump(exclude={"reasoning_content"})\n',
    ):
        assert thinking_codes(header + line) == ["DSM206"], line
    assert thinking_codes(header + 'print(msg["reasoning_content"])\n') == []
