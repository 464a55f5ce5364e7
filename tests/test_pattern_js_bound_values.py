"""JavaScript/TypeScript bound values and request bodies (issue 24): a
default written as ``x ?? "id"`` or ``x || "id"`` (an env variable, an
option, a config field) is renamed in the safe tier when no selector it
can reach observes it; a chat body handed to a hand-written client gets
its thinking mode in JavaScript, as a Python raw payload does."""

from __future__ import annotations

import pytest

from projects import fix_tree, scan_tree, write_tree


@pytest.mark.parametrize("default", [
    'env.DEEPSEEK_DEFAULT_MODEL ?? "deepseek-chat"',
    'process.env.DEEPSEEK_MODEL || "deepseek-chat"',
    'options.fallbackModel ?? "deepseek-chat"',
    'config.model || "deepseek-chat"',
])
def test_a_default_is_renamed_with_a_note_where_the_mode_goes(tmp_path, default):
    source = f"export const settings = {{ model: {default} }};\n"
    write_tree(tmp_path, {"src/config.ts": source})
    assert fix_tree(tmp_path) == {"src/config.ts": source.replace('"deepseek-chat"', '"deepseek-v4-flash"')}


def test_the_default_is_reported_as_one(tmp_path):
    write_tree(tmp_path, {"config.js": 'const model = options.model ?? "deepseek-reasoner";\n'})
    (finding,) = scan_tree(tmp_path)["findings"]
    assert finding["code"] == "DSM104" and finding["message"].startswith("Default of model 'deepseek-reasoner'")
    assert "set thinking enabled where the request is made" in finding["note"]


def test_a_literal_on_the_left_is_no_default(tmp_path):
    # "deepseek-chat" || x: the literal is the value, not a fallback
    write_tree(tmp_path, {"a.js": 'const m = "deepseek-chat" || other;\n'})
    assert [f["code"] for f in scan_tree(tmp_path)["findings"]] == ["DSM109"]


def test_a_default_that_a_comparison_in_an_importer_reads_is_held(tmp_path):
    write_tree(tmp_path, {
        "src/config.ts": 'export const model = process.env.MODEL ?? "deepseek-reasoner";\n',
        "src/route.ts": 'import { model } from "./config";\nexport const thinks = model === "deepseek-reasoner";\n',
    })
    assert fix_tree(tmp_path) == {}


def test_a_comparison_in_a_module_the_default_cannot_reach_holds_nothing(tmp_path):
    write_tree(tmp_path, {
        "src/config.ts": 'export const model = process.env.MODEL ?? "deepseek-reasoner";\n',
        "src/server.ts": 'import { model } from "./config.js";\nexport const m = model;\n',
        "scripts/report.ts": 'export const old = (m: string) => m === "deepseek-reasoner";\n',
    })
    assert fix_tree(tmp_path) == {
        "src/config.ts": 'export const model = process.env.MODEL ?? "deepseek-v4-flash";\n'
    }


SMOKE = """const result = await client.createChatCompletion({
  model: "deepseek-chat",
  messages: [{ role: "user", content: "ping" }],
  max_tokens: 32,
});
await runTool("chat_completion", { message: "ping", model: "deepseek-chat" });
await client.createCompletion({ model: "deepseek-chat", prompt: "def f(", suffix: "" });
"""


def test_a_javascript_chat_body_gets_its_mode_a_fim_body_its_name(tmp_path):
    write_tree(tmp_path, {"scripts/smoke.mjs": SMOKE})
    assert fix_tree(tmp_path) == {"scripts/smoke.mjs": """const result = await client.createChatCompletion({
  model: "deepseek-v4-flash",
  messages: [{ role: "user", content: "ping" }],
  max_tokens: 32,
  thinking: { type: "disabled" },
});
await runTool("chat_completion", { message: "ping", model: "deepseek-v4-flash", thinking: { type: "disabled" } });
await client.createCompletion({ model: "deepseek-v4-flash", prompt: "def f(", suffix: "" });
"""}
    assert fix_tree(tmp_path) == {}


def test_a_body_that_sets_thinking_keeps_it(tmp_path):
    source = 'await api.chat({ model: "deepseek-reasoner", messages, thinking: { type: "enabled" } });\n'
    write_tree(tmp_path, {"run.js": source})
    assert fix_tree(tmp_path) == {"run.js": source.replace("deepseek-reasoner", "deepseek-v4-flash")}


def test_a_typescript_body_is_renamed_and_says_where_the_mode_goes(tmp_path):
    # the wrapper's parameter type decides whether a thinking key type-checks, and the wrapper whether it is sent
    source = "const r = await this.createChatCompletion({ model: 'deepseek-chat', messages, max_tokens: 10 });\n"
    write_tree(tmp_path, {"src/client.ts": source})
    (finding,) = scan_tree(tmp_path)["findings"]
    assert "this.createChatCompletion(...) takes this body; set thinking: { type: 'disabled' }" in finding["note"]
    # the fix's closing list of renames left without their mode names it
    from click.testing import CliRunner

    from ds_migrate.cli import main

    output = CliRunner().invoke(main, ["fix", "--isolated", str(tmp_path)]).output
    assert "src/client.ts:1" in output.split("Would rename without setting the thinking mode", 1)[-1]
    assert fix_tree(tmp_path) == {"src/client.ts": source.replace("deepseek-chat", "deepseek-v4-flash")}


def test_a_body_in_a_test_gets_no_mode(tmp_path):
    # a mocked client's input: its assertions check the body as written
    source = 'await client.createChatCompletion({ model: "deepseek-chat", messages });\n'
    write_tree(tmp_path, {"test/client.test.js": source})
    assert "thinking" not in "".join(fix_tree(tmp_path, "--unsafe-fixes").values())


def test_a_completion_body_is_renamed_and_takes_no_mode(tmp_path):
    # /completions (FIM, prefix) has no thinking mode: no toggle, and no advice to set one
    source = 'const r = await client.createCompletion({ model: "deepseek-chat", prompt: p, temperature: 0 });\n'
    write_tree(tmp_path, {"scripts/smoke.mjs": source})
    (finding,) = scan_tree(tmp_path)["findings"]
    assert "non-thinking mode only" in finding["note"] and "set thinking" not in finding["note"]
    from click.testing import CliRunner

    from ds_migrate.cli import main

    output = CliRunner().invoke(main, ["fix", "--isolated", str(tmp_path)]).output
    assert "without setting the thinking mode" not in output
    assert fix_tree(tmp_path) == {"scripts/smoke.mjs": source.replace("deepseek-chat", "deepseek-v4-flash")}
