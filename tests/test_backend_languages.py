"""Go, Java, Kotlin, Rust, Ruby, PHP and C# through tree-sitter: what holds in every language.

Each language's own before/after pairs are in tests/contexts/test_<language>.py."""

import pytest
from conftest import codes, fix, renamed, scan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds_migrate.languages import handler_for
from ds_migrate.deepseek.names import find_legacy_names

KINDS = {
    "main.go": "go", "A.java": "java", "a.kt": "kotlin", "build.gradle.kts": "kotlin", "main.rs": "rust",
    "a.rb": "ruby", "Gemfile": "ruby", "a.php": "php", "A.cs": "csharp",
}

ANYWHERE = {
    "main.go": 'package main\nvar x = 1 // see deepseek-chat\nvar s = "using deepseek-reasoner today"\n',
    "A.java": 'class A { /* deepseek-chat */ String s = "using deepseek-reasoner today"; }\n',
    "a.kt": '// deepseek-chat\nval s = "using deepseek-reasoner today"\n',
    "main.rs": '// deepseek-chat\nfn f() { let s = "using deepseek-reasoner today"; }\n',
    "a.rb": '# deepseek-chat\nputs "using deepseek-reasoner today"\n',
    "a.php": "<?php\n// deepseek-chat\necho 'using deepseek-reasoner today';\n",
    "A.cs": '// deepseek-chat\nclass A { string s = "using deepseek-reasoner today"; }\n',
}

# any input: every occurrence accounted for, fix idempotent, no crash
PIECES = [
    '"deepseek-chat"', "'deepseek-reasoner'", "`deepseek-coder`", "model", ":", "=", "=>", "(", ")", "{", "}", "[",
    "]", ",", ";", "\n", "\r\n", "\r", " ", "if", "==", "case", "switch", "when", "match", "//", "#", "/*", "*/",
    ".model(", "const", "let", "val", "$x", "deepseek-chat", "ñ", '"a"', 'r#"deepseek-chat"#', '@"deepseek-chat"',
    "openrouter/deepseek/deepseek-chat", '"""', "<<<EOT\n", "%w[", "json!({", '"model":', "<?php\n",
    "ChatCompletionCreateParams.builder()", "client.chat(parameters: {", "->chat()->create([", "'model' =>",
    "Chat.Completions.New(ctx, openai.ChatCompletionNewParams{", "Model:",
]


@pytest.mark.parametrize("path,kind", sorted(KINDS.items()))
def test_each_language_has_its_handler(path, kind):
    assert handler_for(path).kind == kind


@pytest.mark.parametrize("path", sorted(ANYWHERE))
def test_comments_and_prose_strings_are_reported_not_fixed_safely(path):
    source = ANYWHERE[path]
    assert codes(source, path=path) == ["DSM108", "DSM109"]
    assert fix(source, path=path) == source
    assert fix(source, unsafe=True, path=path) == renamed(source)


@pytest.mark.parametrize("path", sorted(ANYWHERE))
def test_openrouter_slug_is_info_and_left_alone(path):
    source = ANYWHERE[path].replace("deepseek-reasoner", "openrouter/deepseek/deepseek-reasoner")
    found = scan(source, path=path)
    assert [f.code for f in found] == ["DSM108", "DSM110"]
    # the comment is renamed (unsafe); the slug, which holds the only deepseek-reasoner, never
    assert fix(source, unsafe=True, path=path) == source.replace("deepseek-chat", "deepseek-v4-flash")


@pytest.mark.parametrize("path", sorted(ANYWHERE))
def test_fixed_code_still_parses(path):
    handler = handler_for(path)
    assert handler.problem_with(fix(ANYWHERE[path], unsafe=True, path=path), path) is None


def test_code_that_does_not_parse_is_not_written():
    before = 'package main\nconst M = "deepseek-chat"\nfunc {\n'
    assert fix(before, path="a.go") == before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(ANYWHERE)), st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_any_input_is_accounted_for_and_fixes_once(path, pieces):
    source = "".join(pieces)
    legacy = [f for f in scan(source, path=path) if f.legacy_name]
    assert len(legacy) == len(find_legacy_names(source))
    once = fix(source, unsafe=True, path=path)
    assert fix(once, unsafe=True, path=path) == once
