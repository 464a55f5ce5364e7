"""The JavaScript/TypeScript model flow (issue 24, "no silent mode loss"): a
request whose model reads a value holding a retired id, in its own module
or another along the import graph, gets DSM201 naming the source in the
same run; the toggle only where it is certain (one retired id, not a default
a caller may replace, a host visibly DeepSeek's, a body sent as written),
in the tier of the source's rename."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from projects import fix_tree, scan_tree, write_tree

DEEPSEEK_CLIENT = 'const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: "k" });\n'


def _dsm201(document: dict) -> list[dict]:
    return [f for f in document["findings"] if f["code"] == "DSM201"]


def test_a_default_imported_by_a_bot_is_named_at_its_request(tmp_path):
    files = {
        "src/settings.js": 'export const chatModel = process.env.BOT_MODEL || "deepseek-chat";\n',
        "src/bot.js": (
            'const { chatModel } = require("./settings");\n'
            "module.exports = async (client, text) =>\n"
            '  client.chat.completions.create({ model: chatModel, messages: [{ role: "user", content: text }] });\n'
        ),
    }
    write_tree(tmp_path, files)
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert (finding["path"].replace("\\", "/").endswith("src/bot.js"), finding["line"]) == (True, 3)
    assert "src/settings.js:1" in finding["message"] and finding["fix"] == "none"
    assert "not visibly DeepSeek's" in finding["note"]
    # the bot (host unknown) is left as it is; the default is renamed
    assert fix_tree(tmp_path, "--unsafe-fixes") == {
        "src/settings.js": files["src/settings.js"].replace("deepseek-chat", "deepseek-v4-flash")
    }


SAME_MODULE_JS = (
    'import OpenAI from "openai";\n'
    + DEEPSEEK_CLIENT
    + 'const MODEL = process.env.CHAT_MODEL || "deepseek-chat";\n'
    "export const ask = (text) => client.chat.completions.create({\n"
    "  model: MODEL,\n"
    '  messages: [{ role: "user", content: text }],\n'
    "});\n"
)


def test_a_constant_read_on_a_deepseek_client_gets_its_mode_in_the_safe_tier(tmp_path):
    write_tree(tmp_path, {"chat.mjs": SAME_MODULE_JS})
    expected = SAME_MODULE_JS.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        '  messages: [{ role: "user", content: text }],\n',
        '  messages: [{ role: "user", content: text }],\n  thinking: { type: "disabled" },\n',
    )
    assert fix_tree(tmp_path) == {"chat.mjs": expected}
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}  # idempotent, and nothing left for the unsafe tier
    assert _dsm201(scan_tree(tmp_path)) == []


def test_safe_then_unsafe_ends_where_unsafe_alone_does(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for root in (one, two):
        write_tree(root, {"chat.mjs": SAME_MODULE_JS, "route.mjs": 'export const slow = (m) => m === "deepseek-reasoner";\n'})
    fix_tree(one)
    fix_tree(one, "--unsafe-fixes")
    fix_tree(two, "--unsafe-fixes")
    assert (one / "chat.mjs").read_text() == (two / "chat.mjs").read_text()


def test_a_held_source_offers_its_toggle_only_with_unsafe_fixes(tmp_path):
    # the comparison in the same module holds the constant back: the toggle waits with it
    source = SAME_MODULE_JS + 'export const cheap = MODEL === "deepseek-chat";\n'
    write_tree(tmp_path, {"chat.mjs": source})
    assert fix_tree(tmp_path) == {}
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["fix"] == "unsafe" and "chat.mjs:3" in finding["message"]


def test_reasoner_with_a_forced_tool_choice_gets_no_enabled_toggle(tmp_path):
    # thinking with tool_choice "required" is a guaranteed 400 (DSM204)
    source = (
        'import OpenAI from "openai";\n' + DEEPSEEK_CLIENT
        + 'const MODEL = "deepseek-reasoner";\n'
        'export const ask = (m, tools) => client.chat.completions.create({ model: MODEL, messages: m, tools, tool_choice: "required" });\n'
    )
    write_tree(tmp_path, {"chat.mjs": source})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["fix"] == "none" and "400" in finding["note"]
    assert "thinking" not in fix_tree(tmp_path, "--unsafe-fixes").get("chat.mjs", "")


def test_an_option_default_in_the_constructor_is_named_but_not_toggled(tmp_path):
    source = (
        "export class Api {\n"
        "  constructor(options) {\n"
        '    this.model = options.model ?? "deepseek-chat";\n'
        "  }\n"
        "  chat(messages) {\n"
        '    return this.post("/chat/completions", { model: this.model, messages });\n'
        "  }\n"
        "  post(path, body) {\n"
        '    return fetch(`https://api.deepseek.com${path}`, { method: "POST", body: JSON.stringify(body) });\n'
        "  }\n"
        "}\n"
    )
    write_tree(tmp_path, {"api.js": source})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["line"] == 6 and "api.js:3: set it here" in finding["message"]
    assert finding["fix"] == "none" and "a caller may replace" in finding["note"]


def test_a_plain_default_in_the_constructor_on_deepseek_gets_its_mode(tmp_path):
    source = (
        "export class Api {\n"
        "  constructor() {\n"
        '    this.model = "deepseek-reasoner";\n'
        "  }\n"
        "  chat(messages) {\n"
        '    return this.post("/chat/completions", { model: this.model, messages });\n'
        "  }\n"
        "  post(path, body) {\n"
        '    return fetch(`https://api.deepseek.com${path}`, { method: "POST", body: JSON.stringify(body) });\n'
        "  }\n"
        "}\n"
    )
    write_tree(tmp_path, {"api.js": source})
    assert fix_tree(tmp_path) == {"api.js": source.replace('"deepseek-reasoner"', '"deepseek-v4-flash"').replace(
        "{ model: this.model, messages }", '{ model: this.model, messages, thinking: { type: "enabled" } }'
    )}


@pytest.mark.parametrize("files", [
    # a parameter without a default: the caller chooses
    {"chat.mjs": 'const M = "deepseek-chat";\nexport const ask = (client, model, m) => client.chat.completions.create({ model, messages: m });\n'},
    # another provider's host
    {"chat.mjs": 'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://openrouter.ai/api/v1" });\n'
                 'const MODEL = "deepseek-chat";\nexport const ask = (m) => client.chat.completions.create({ model: MODEL, messages: m });\n'},
    # a value of unknown origin
    {"chat.mjs": 'const M = "deepseek-chat";\nexport const ask = (client, m) => client.chat.completions.create({ model: pick(), messages: m });\n'},
    # an import from a package
    {"chat.mjs": 'import { MODEL } from "some-package";\nconst M = "deepseek-chat";\n'
                 'export const ask = (client, m) => client.chat.completions.create({ model: MODEL, messages: m });\n'},
])
def test_what_the_flow_cannot_reach_gets_no_dsm201(tmp_path, files):
    write_tree(tmp_path, files)
    assert _dsm201(scan_tree(tmp_path)) == []


def test_two_ids_through_a_ternary_keep_the_request_reported_only(tmp_path):
    source = (
        'import OpenAI from "openai";\n' + DEEPSEEK_CLIENT
        + 'export const ask = (hard, m) => client.chat.completions.create({ model: hard ? "deepseek-reasoner" : CHAT, messages: m });\n'
        'const CHAT = "deepseek-chat";\n'
    )
    write_tree(tmp_path, {"chat.mjs": source})
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["fix"] == "none"


def test_a_request_in_a_file_that_never_names_deepseek_is_found_through_its_import(tmp_path):
    write_tree(tmp_path, {
        "src/config.ts": 'export const settings = { model: process.env.MODEL ?? "deepseek-reasoner" };\n',
        "src/llm.ts": (
            'import OpenAI from "openai";\nimport { settings } from "./config";\n'
            'const client = new OpenAI({ baseURL: "https://api.deepseek.com/v1" });\n'
            "export const ask = (content: string) =>\n"
            '  client.chat.completions.create({ model: settings.model, messages: [{ role: "user", content }] });\n'
        ),
    })
    (finding,) = _dsm201(scan_tree(tmp_path))
    assert finding["path"].replace("\\", "/").endswith("src/llm.ts") and finding["line"] == 5
    assert finding["fix"] == "safe"
    changed = fix_tree(tmp_path)
    assert changed["src/llm.ts"].endswith(
        'content }], ...({ thinking: { type: "enabled" } } as Record<string, unknown>) });\n'
    )
    assert "deepseek-v4-flash" in changed["src/config.ts"]


TSC_DIRS = [Path("/tmp/f25ts/node_modules"), Path("/tmp/tv/deepseek-mcp-server-dm/node_modules")]


def _node_modules() -> Path | None:
    for folder in TSC_DIRS:
        if (folder / "typescript" / "bin" / "tsc").is_file() and (folder / "openai").is_dir():
            return folder
    return None


@pytest.mark.skipif(_node_modules() is None or shutil.which("node") is None, reason="needs typescript and openai-node")
def test_the_typescript_toggle_across_modules_type_checks(tmp_path):
    test_a_request_in_a_file_that_never_names_deepseek_is_found_through_its_import(tmp_path)
    node_modules = _node_modules()
    (tmp_path / "node_modules").symlink_to(node_modules)
    (tmp_path / "package.json").write_text('{"type": "module"}')
    (tmp_path / "tsconfig.json").write_text(
        '{"compilerOptions": {"strict": true, "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022",'
        ' "noEmit": true, "skipLibCheck": true, "types": []}, "files": ["src/llm.ts", "src/config.ts", "env.d.ts"]}'
    )
    (tmp_path / "env.d.ts").write_text("declare const process: { env: Record<string, string | undefined> };\n")
    # nodenext wants the extension an emitted import names
    llm = tmp_path / "src" / "llm.ts"
    llm.write_text(llm.read_text().replace('from "./config"', 'from "./config.js"'))
    done = subprocess.run(
        ["node", str(node_modules / "typescript" / "bin" / "tsc"), "-p", str(tmp_path), "--noEmit", "--strict"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
