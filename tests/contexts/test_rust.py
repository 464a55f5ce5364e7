"""Rust: shapes and JSON bodies through tree-sitter (languages/rust.py)."""

from conftest import codes, fix, scan


def test_rust_shapes_and_json_body():
    before = (
        'const MODEL: &str = "deepseek-chat";\n'
        "fn f() {\n"
        '    let req = CreateChatCompletionRequestArgs::default().model("deepseek-chat").build()?;\n'
        '    let r = Req { model: "deepseek-reasoner".to_string() };\n'
        "    let body = json!({\n"
        '        "model": "deepseek-reasoner",\n'
        '        "messages": [{"role": "user", "content": "hi"}]\n'
        "    });\n"
        '    if m == "deepseek-chat" {}\n'
        "}\n"
    )
    # 'deepseek-chat' selects a branch (and 'deepseek-reasoner' becomes the
    # same model): the constant, which may reach it, stays; each request's own
    # literal is contained (issue 24) and renamed
    after = before.replace('"deepseek-reasoner"', '"deepseek-v4-flash"').replace(
        '.model("deepseek-chat")', '.model("deepseek-v4-flash")').replace(
        '"content": "hi"}]\n', '"content": "hi"}],\n        "thinking": {"type": "enabled"}\n'
    )
    assert fix(before, path="main.rs") == after
    assert codes(before, path="main.rs") == ["DSM103", "DSM101", "DSM101", "DSM101", "DSM105"]
    notes = [f.note for f in scan(before, path="main.rs") if f.code == "DSM101"]
    assert "thinking" in notes[0]
