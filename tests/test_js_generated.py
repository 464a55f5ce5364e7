"""Minified and generated JavaScript (issue 22): a bundle's one long line
cost seconds to parse in a worker, and a rewrite of build output is undone
by the next build. Such files are searched as text: every name reported,
none parsed or rewritten, none coupling the project's code."""

from __future__ import annotations

import pytest

from ds_migrate.languages import javascript
from projects import fix_tree, scan_tree, write_tree

BUNDLE_LINE = "var a=" + "1+" * 400_000 + '1;var o={model:"deepseek-chat",messages:[]};client.chat.completions.create(o);\n'


@pytest.fixture
def no_parser(monkeypatch):
    """Fail the test if a generated file reaches the parser."""
    real = javascript._parser

    def guarded(dialect):
        parser = real(dialect)

        class Guard:
            def parse(self, data):
                assert len(data) < 100_000, "a generated file was parsed"
                return parser.parse(data)

        return Guard()

    monkeypatch.setattr(javascript, "_parser", guarded)


@pytest.mark.parametrize("path, source", [
    ("public/app.js", BUNDLE_LINE),
    ("vendor/chat.min.js", 'x={model:"deepseek-chat",messages:m}\n'),
    ("static/main.bundle.js", 'x={model:"deepseek-chat",messages:m}\n'),
    ("packages/sdk/dist/client.js", 'const o = {\n  model: "deepseek-chat",\n  messages: m,\n};\n'),
    ("packages/sdk/build/client.js",
     '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'
     'const o = {\n  model: "deepseek-chat",\n  messages: m,\n};\n//# sourceMappingURL=client.js.map\n'),
])
def test_generated_javascript_is_reported_and_never_rewritten(tmp_path, no_parser, path, source):
    write_tree(tmp_path, {path: source})
    assert fix_tree(tmp_path, "--unsafe-fixes", "--no-respect-gitignore", "--exclude", "node_modules") == {}
    findings = scan_tree(tmp_path, "--exclude", "node_modules")["findings"]
    assert [f["code"] for f in findings] == ["DSM109"]
    assert "never rewritten" in findings[0]["message"] and findings[0]["fix"] == "none"


def test_a_generated_copy_holds_back_nothing(tmp_path, no_parser):
    # the bundle names the id beside a selector's shape; the source's default is still renamed
    write_tree(tmp_path, {
        "public/app.min.js": 'if(m==="deepseek-chat"){x()}\n',
        "src/config.ts": 'export const model = process.env.M ?? "deepseek-chat";\n',
    })
    assert fix_tree(tmp_path, "--exclude", "node_modules") == {
        "src/config.ts": 'export const model = process.env.M ?? "deepseek-v4-flash";\n'
    }


def test_hand_written_javascript_with_a_long_string_below_the_limit_is_parsed(tmp_path):
    source = f'const prompt = "{"x" * 3000}";\nconst m = process.env.M ?? "deepseek-chat";\n'
    write_tree(tmp_path, {"src/prompt.js": source})
    assert fix_tree(tmp_path) == {"src/prompt.js": source.replace('"deepseek-chat"', '"deepseek-v4-flash"')}


def test_a_hand_written_script_in_a_build_folder_is_parsed_and_fixed(tmp_path):
    # webpack and rollup configs live in build/ too: no compiler's marks, so it is code
    source = 'module.exports = { define: { MODEL: process.env.M || "deepseek-chat" } };\n'
    write_tree(tmp_path, {"build/webpack.base.conf.js": source})
    # (build/ is excluded by default: --exclude replaces that list)
    assert fix_tree(tmp_path, "--no-respect-gitignore", "--exclude", "node_modules") == {
        "build/webpack.base.conf.js": source.replace('"deepseek-chat"', '"deepseek-v4-flash"')
    }
