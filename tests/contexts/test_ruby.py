"""Ruby (ruby-openai): before/after pairs through tree-sitter (languages/ruby.py)."""

from conftest import codes, fix


def test_ruby_chat_parameters_get_thinking():
    before = (
        "response = client.chat(\n"
        "  parameters: {\n"
        '    model: "deepseek-chat",\n'
        '    messages: [{ role: "user", content: "Hello!" }],\n'
        "  }\n"
        ")\n"
    )
    after = (
        "response = client.chat(\n"
        "  parameters: {\n"
        '    model: "deepseek-v4-flash",\n'
        '    messages: [{ role: "user", content: "Hello!" }],\n'
        '    thinking: { type: "disabled" },\n'
        "  }\n"
        ")\n"
    )
    assert fix(before, path="a.rb") == after


def test_ruby_string_keys_keep_their_style():
    before = "client.chat(parameters: { \"model\" => 'deepseek-reasoner', \"messages\" => msgs })\n"
    after = (
        "client.chat(parameters: { \"model\" => 'deepseek-v4-flash', \"messages\" => msgs, "
        "\"thinking\" => { \"type\" => 'enabled' } })\n"
    )
    assert fix(before, path="a.rb") == after


def test_ruby_shapes():
    source = (
        "# uses deepseek-chat\n"
        'DEFAULT = ENV.fetch("DEEPSEEK_MODEL", "deepseek-chat")\n'
        'case model\nwhen "deepseek-reasoner" then 1\nend\n'
        "ALL = %w[deepseek-chat deepseek-reasoner]\n"
    )
    assert codes(source, path="Rakefile") == ["DSM108", "DSM104", "DSM105", "DSM106", "DSM106"]
    assert "%w[deepseek-chat deepseek-reasoner]" in fix(source, unsafe=True, path="tasks.rake")
