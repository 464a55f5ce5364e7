"""JavaScript and TypeScript through tree-sitter."""

from conftest import codes, fix, scan, scan_result

DIRECTIVE = "// @ts-expect-error thinking is a DeepSeek body parameter"


def test_openai_node_create_gets_thinking_in_js():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-chat",\n  messages,\n});\n'
    after = 'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n  thinking: { type: "disabled" },\n});\n'
    assert fix(before, path="app.js") == after


def test_typescript_gets_the_ts_expect_error_line():
    before = 'const r = await openai.chat.completions.create({\n  model: "deepseek-reasoner",\n  messages\n});\n'
    after = (
        'const r = await openai.chat.completions.create({\n  model: "deepseek-v4-flash",\n  messages,\n'
        f'  {DIRECTIVE}\n  thinking: {{ type: "enabled" }}\n}});\n'
    )
    assert fix(before, path="app.ts") == after


def test_single_line_js_object():
    before = "openai.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n"
    after = "openai.chat.completions.create({ model: 'deepseek-v4-flash', messages: [], thinking: { type: 'disabled' } });\n"
    assert fix(before, path="a.mjs") == after


def test_existing_thinking_is_kept():
    before = 'openai.chat.completions.create({ model: "deepseek-chat", thinking: { type: "enabled" } });\n'
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_spread_makes_it_unsafe():
    before = 'openai.chat.completions.create({ ...base, model: "deepseek-chat" });\n'
    assert fix(before, path="a.js") == before
    assert "thinking" in fix(before, path="a.js", unsafe=True)


def test_fixed_typescript_still_parses():
    from ds_migrate.languages.javascript import JavaScript

    before = "const r = await openai.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n"
    assert JavaScript().problem_with(fix(before, path="x.ts"), "x.ts") is None


def test_vercel_ai_sdk_renamed_with_note():
    before = 'import { deepseek } from "@ai-sdk/deepseek";\nconst m = deepseek("deepseek-chat");\n'
    assert fix(before, path="a.ts") == before.replace("deepseek-chat", "deepseek-v4-flash")
    (finding,) = scan(before, path="a.ts")
    assert "providerOptions" in finding.note


def test_env_defaults_and_zod():
    assert codes('const m = process.env.MODEL ?? "deepseek-chat";\n', path="a.ts") == ["DSM104"]
    assert codes('const m = process.env.MODEL || "deepseek-chat";\n', path="a.js") == ["DSM104"]
    assert codes('const s = z.string().default("deepseek-chat");\n', path="env.ts") == ["DSM104"]


def test_constant():
    assert fix('export const MODEL = "deepseek-chat";\n', path="a.ts") == 'export const MODEL = "deepseek-v4-flash";\n'


def test_comparisons_switch_includes():
    assert codes('if (m === "deepseek-reasoner") {}\n', path="a.js") == ["DSM105"]
    assert codes('switch (m) { case "deepseek-chat": break; }\n', path="a.js") == ["DSM105"]
    assert codes('allowed.includes("deepseek-chat")\n', path="a.js") == ["DSM105"]


def test_union_and_keys_with_both_names_are_refused():
    before = 'type M = "deepseek-chat" | "deepseek-reasoner";\nconst P = { "deepseek-chat": "Fast", "deepseek-reasoner": "Careful" };\n'
    assert codes(before, path="a.ts") == ["DSM106"] * 4
    assert fix(before, path="a.ts", unsafe=True) == before


def test_comment_and_template():
    assert codes("// uses deepseek-chat\n", path="a.js") == ["DSM108"]
    assert codes("const n = `deepseek-${kind}`;\n", path="a.js") == ["DSM107"]


def test_not_legacy_in_js():
    assert scan('const m = "deepseek/deepseek-chat-v3-0324";\n', path="a.js") == []


def test_suppression_with_js_comment():
    assert scan('const m = "deepseek-chat"; // ds-migrate: ignore\n', path="a.js") == []


def test_non_ascii_before_the_name():
    before = 'const greeting = "café";\nconst MODEL = "deepseek-chat";\n'
    assert fix(before, path="a.js") == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_typescript_enum_members():
    before = 'enum Model {\n  Fast = "deepseek-chat",\n  Deep = "deepseek-reasoner",\n}\n'
    assert codes(before, path="m.ts") == ["DSM106", "DSM106"]
    assert fix(before, path="m.ts", unsafe=True) == before  # both would become one value
    single = 'enum Model {\n  Fast = "deepseek-chat",\n}\n'
    assert fix(single, path="m.ts", unsafe=True) == single.replace("deepseek-chat", "deepseek-v4-flash")


def test_broken_javascript_is_reported_and_not_written():
    before = 'const r = openai.chat.completions.create({ model: "deepseek-chat" ;\n'
    assert fix(before, path="a.js") == before
    result = scan_result(before, path="a.js")
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]


def test_a_table_of_numbers_keyed_by_model_describes_models():
    before = 'export const PRICES = { "deepseek-chat": { input: 0.27, output: 1.1 } };\n'
    assert codes(before, path="a.ts") == ["DSM112"]
    assert fix(before, path="a.ts", unsafe=True) == before


def test_a_function_that_already_routes_v4_ids_is_compat_code():
    before = (
        'function pick(m) {\n  if (m.includes("deepseek-v4-pro")) return "pro";\n'
        '  if (m.includes("deepseek-reasoner")) return "flash";\n  return "flash";\n}\n'
    )
    assert codes(before, path="a.js") == ["DSM113"]
    assert fix(before, path="a.js", unsafe=True) == before
