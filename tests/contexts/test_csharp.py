"""C#: shapes through tree-sitter (languages/csharp.py)."""

from conftest import codes, fix


def test_csharp_shapes():
    source = (
        "class A {\n"
        '  const string Model = "deepseek-chat";\n'
        '  static string M = Environment.GetEnvironmentVariable("M") ?? "deepseek-chat";\n'
        "  void F() {\n"
        '    var c = new ChatClient("deepseek-reasoner", key);\n'
        '    ChatClient d = new(model: "deepseek-chat", apiKey: k);\n'
        '    var o = new Settings { Model = "deepseek-chat" };\n'
        '    switch (m) { case "deepseek-chat": break; case "deepseek-reasoner": break; }\n'
        "  }\n"
        "}\n"
    )
    assert codes(source, path="A.cs") == ["DSM103", "DSM104", "DSM101", "DSM101", "DSM101", "DSM105", "DSM105"]
    # the switch over both ids never merges, and holds back the values that may reach it;
    # each request's own literal is contained (issue 24): renamed whatever the switch does
    requests_renamed = (
        source.replace('ChatClient("deepseek-reasoner"', 'ChatClient("deepseek-v4-flash"')
        .replace('new(model: "deepseek-chat"', 'new(model: "deepseek-v4-flash"')
        .replace('Model = "deepseek-chat" }', 'Model = "deepseek-v4-flash" }')
    )
    assert fix(source, unsafe=True, path="A.cs") == requests_renamed
