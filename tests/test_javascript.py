"""JavaScript and TypeScript through tree-sitter."""

from conftest import fix, scan, scan_result


def test_fixed_typescript_still_parses():
    from ds_migrate.languages.javascript import JavaScript

    before = "const r = await openai.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n"
    assert JavaScript().problem_with(fix(before, path="x.ts"), "x.ts") is None


def test_suppression_with_js_comment():
    assert scan('const m = "deepseek-chat"; // ds-migrate: ignore\n', path="a.js") == []


def test_non_ascii_before_the_name():
    before = 'const greeting = "café";\nconst MODEL = "deepseek-chat";\n'
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_broken_javascript_is_reported_and_not_written():
    before = 'const r = openai.chat.completions.create({ model: "deepseek-chat" ;\n'
    assert fix(before, path="a.js") == before
    result = scan_result(before, path="a.js")
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]
