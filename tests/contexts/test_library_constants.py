"""An SDK's own constant for a retired id (languages/library_uses.py,
deepseek/library_constants.py): before/after pairs in Go and Java, and the
uses that must not change."""

import pytest
from click.testing import CliRunner
from conftest import codes, fix, scan

from ds_migrate.cli.commands import main
from ds_migrate.deepseek.library_constants import CONSTANTS
from ds_migrate.deepseek.mentions import worth_parsing

COHESION = "github.com/cohesion-org/deepseek-go"


def go(imports: str, body: str) -> str:
    return f"package bot\n\nimport (\n{imports})\n\n{body}"


def test_every_constant_names_a_retired_id_and_its_source():
    assert {c.value for c in CONSTANTS} <= {"deepseek-chat", "deepseek-reasoner", "deepseek-coder"}
    assert all(c.source for c in CONSTANTS)
    names = {(c.module, c.name): c.value for c in CONSTANTS}
    assert names[(COHESION, "DeepSeekChat")] == "deepseek-chat"
    assert names[(COHESION, "DeepSeekReasoner")] == "deepseek-reasoner"
    assert names[("org.springframework.ai.deepseek.api.DeepSeekApi.ChatModel", "DEEPSEEK_CHAT")] == "deepseek-chat"


def test_a_file_that_imports_the_sdk_is_worth_a_parse():
    assert worth_parsing(f'import ds "{COHESION}"\nvar m = ds.DeepSeekChat\n')
    assert worth_parsing("x := godeepseek.DeepSeekReasoner\n")
    assert not worth_parsing('import "example.com/deepseek-gopher"\n')


def test_go_request_model_is_fixed_safely_with_the_mode_note():
    before = go(f'\t"{COHESION}"\n', "func r() *deepseek.ChatCompletionRequest {\n"
                "\treturn &deepseek.ChatCompletionRequest{Model: deepseek.DeepSeekChat}\n}\n")
    after = before.replace("deepseek.DeepSeekChat}", '"deepseek-v4-flash"}')
    assert fix(before, path="bot.go") == after
    (finding,) = scan(before, path="bot.go")
    assert finding.code == "DSM101" and finding.legacy_name == "deepseek-chat"
    assert "no thinking field" in finding.note and '"thinking": {"type": "disabled"}' in finding.note


def test_go_reasoner_note_says_v4_thinks_already():
    before = go(f'\t"{COHESION}"\n', "var r = deepseek.ChatCompletionRequest{Model: deepseek.DeepSeekReasoner}\n")
    (finding,) = scan(before, path="bot.go")
    assert "keeps thinking enabled" in finding.note


def test_go_aliased_default_is_a_constant_like_a_literal_there():
    before = go(f'\t"fmt"\n\tgodeepseek "{COHESION}"\n',
                "type L struct{ Model string }\n\nfunc (l *L) pick() {\n\tl.Model = godeepseek.DeepSeekChat\n"
                "\tfmt.Println(godeepseek.DeepSeekReasoner == l.Model)\n}\n")
    literal = before.replace("godeepseek.DeepSeekChat", '"deepseek-chat"').replace(
        "godeepseek.DeepSeekReasoner", '"deepseek-reasoner"')
    assert codes(before, path="bot.go") == codes(literal, path="bot.go") == ["DSM103", "DSM105"]


def test_go_last_use_of_the_import_takes_the_import_with_it():
    before = go(f'\t"fmt"\n\n\tgodeepseek "{COHESION}"\n',
                'func model(kind string) string {\n\tfmt.Println(kind)\n\treturn godeepseek.DeepSeekChat\n}\n')
    after = go('\t"fmt"\n', 'func model(kind string) string {\n\tfmt.Println(kind)\n\treturn "deepseek-v4-flash"\n}\n')
    assert fix(before, path="bot.go") == before  # a return is another use (DSM109): unsafe, as for a literal
    assert fix(before, unsafe=True, path="bot.go") == after


def test_go_several_constants_that_are_the_import_only_uses_are_reported_only():
    # no one fix could stand alone: the import would stay used by the others, or be left unused
    before = go(f'\tgodeepseek "{COHESION}"\n', 'func model(kind string) string {\n\tif kind == "" {\n'
                "\t\treturn godeepseek.DeepSeekChat\n\t}\n\treturn godeepseek.DeepSeekChat\n}\n")
    assert fix(before, unsafe=True, path="bot.go") == before
    assert all(f.fix is None and "renaming its 2 uses would leave" in f.note for f in scan(before, path="bot.go"))


def test_go_single_import_declaration_goes_whole():
    before = (f'package bot\n\nimport "{COHESION}"\n\nvar Default = deepseek.DeepSeekCoder\n')
    assert fix(before, path="bot.go") == 'package bot\n\nvar Default = "deepseek-v4-flash"\n'


def test_go_import_still_used_stays():
    before = go(f'\t"{COHESION}"\n', "var Default = deepseek.DeepSeekChat\n\nvar c *deepseek.Client\n")
    assert fix(before, path="bot.go") == before.replace("deepseek.DeepSeekChat", '"deepseek-v4-flash"')


def test_go_import_sharing_its_line_is_not_fixed():
    before = f'package bot\n\nimport ("fmt"; ds "{COHESION}")\n\nvar Default = ds.DeepSeekChat\nvar _ = fmt.Sprint\n'
    assert fix(before, unsafe=True, path="bot.go") == before
    (finding,) = scan(before, path="bot.go")
    assert finding.fix is None and "unused" in finding.note


def test_go_allowlist_of_three_constants_is_never_merged():
    before = go(f'\t"{COHESION}"\n', "var Allowed = map[string]bool{\n\tdeepseek.DeepSeekChat:     true,\n"
                "\tdeepseek.DeepSeekReasoner: true,\n\tdeepseek.DeepSeekCoder:    true,\n}\n")
    assert codes(before, path="bot.go") == ["DSM106", "DSM106", "DSM106"]
    assert fix(before, unsafe=True, path="bot.go") == before
    assert all(f.fix is None and "would both become" in f.note for f in scan(before, path="bot.go"))


@pytest.mark.parametrize("source", [
    # the project's own constant of that name: the string rules find it where it is declared
    'package bot\n\nconst DeepSeekChat = "deepseek-v4-flash"\n\nvar m = DeepSeekChat\n',
    # another package called deepseek
    'package bot\n\nimport "example.com/ours/deepseek"\n\nvar m = deepseek.DeepSeekChat\n',
    # the package's name shadowed by a local variable
    f'package bot\n\nimport "{COHESION}"\n\nfunc f(deepseek struct{{ DeepSeekChat string }}) string {{\n'
    "\treturn deepseek.DeepSeekChat\n}\n\nvar _ deepseek.Client\n",
    # a blank import
    f'package bot\n\nimport _ "{COHESION}"\n\nvar m = DeepSeekChat\n',
])
def test_go_uses_that_are_not_the_sdk_constant_are_not_reported(source):
    assert scan(source, path="bot.go") == []
    assert fix(source, unsafe=True, path="bot.go") == source


def test_go_dot_import_is_reported_and_never_rewritten():
    before = f'package bot\n\nimport . "{COHESION}"\n\nvar Default = DeepSeekChat\n'
    (finding,) = scan(before, path="bot.go")
    assert finding.code == "DSM103" and finding.fix is None and "dot-imported" in finding.note
    assert fix(before, unsafe=True, path="bot.go") == before


LANGCHAINGO = "github.com/tmc/langchaingo/llms/deepseek"


def test_go_typed_constant_is_fixed_where_an_untyped_literal_fits():
    # an untyped string constant is assignable to ``type Model string``; the
    # option call is read as a conversion (as for a literal there): unsafe
    before = go(f'\t"{LANGCHAINGO}"\n', "func n() { _, _ = deepseek.New(deepseek.WithModel(deepseek.ModelChat)) }\n")
    after = before.replace("WithModel(deepseek.ModelChat)", 'WithModel("deepseek-v4-flash")')
    assert fix(before, unsafe=True, path="bot.go") == after


def test_go_typed_constant_that_types_a_declared_name_is_reported_only():
    before = go(f'\t"{LANGCHAINGO}"\n', "func n() {\n\tm := deepseek.ModelReasoner\n\t_ = deepseek.WithModel(m)\n}\n")
    (finding,) = scan(before, path="bot.go")
    assert finding.fix is None and "takes the constant's type (Model)" in finding.note
    assert fix(before, unsafe=True, path="bot.go") == before


JAVA_HEAD = ("package demo;\n\nimport org.springframework.ai.deepseek.DeepSeekChatOptions;\n"
             "import org.springframework.ai.deepseek.api.DeepSeekApi;\n\n")


def test_java_enum_member_at_a_request_is_reported_not_rewritten():
    before = JAVA_HEAD + ("class Bot {\n    DeepSeekChatOptions o() {\n"
                          "        return DeepSeekChatOptions.builder().model(DeepSeekApi.ChatModel.DEEPSEEK_CHAT).build();\n"
                          "    }\n}\n")
    (finding,) = scan(before, path="Bot.java")
    assert finding.code == "DSM101" and finding.fix is None
    assert "enum" in finding.note and "DEEPSEEK_V4_FLASH" in finding.note
    assert fix(before, unsafe=True, path="Bot.java") == before


def test_java_get_value_is_a_string_and_takes_the_literal():
    before = JAVA_HEAD + ('class Bot {\n    String model = DeepSeekApi.ChatModel.DEEPSEEK_REASONER.getValue();\n}\n')
    after = JAVA_HEAD + ('class Bot {\n    String model = "deepseek-v4-flash";\n}\n')
    assert codes(before, path="Bot.java") == ["DSM103"]
    assert fix(before, path="Bot.java") == after


def test_java_static_import_and_imported_enum_resolve():
    before = ("import static org.springframework.ai.deepseek.api.DeepSeekApi.ChatModel.DEEPSEEK_CHAT;\n"
              "import org.springframework.ai.deepseek.api.DeepSeekApi.ChatModel;\n\n"
              "class Bot {\n    Object a = DEEPSEEK_CHAT;\n    Object b = ChatModel.DEEPSEEK_REASONER;\n}\n")
    assert [f.legacy_name for f in scan(before, path="Bot.java")] == ["deepseek-chat", "deepseek-reasoner"]


def test_java_same_names_from_another_class_are_not_the_sdk():
    before = ("import com.example.models.ChatModel;\n\nclass Bot {\n    Object a = ChatModel.DEEPSEEK_CHAT;\n"
              "    Object b = DeepSeekApi.ChatModel.DEEPSEEK_CHAT;\n}\n")
    assert scan(before, path="Bot.java") == []


def test_cli_scan_and_fix_agree_on_a_go_project(tmp_path):
    (tmp_path / "bot.go").write_text(go(f'\t"{COHESION}"\n', "var r = deepseek.ChatCompletionRequest{Model: "
                                        "deepseek.DeepSeekChat}\n"), encoding="utf-8")
    runner = CliRunner()
    scanned = runner.invoke(main, ["scan", "--isolated", "--format", "concise", str(tmp_path)])
    assert scanned.exit_code == 1 and "DSM101" in scanned.output and "deepseek.DeepSeekChat" in scanned.output
    fixed = runner.invoke(main, ["fix", "--write", "--isolated", str(tmp_path)])
    assert fixed.exit_code == 0, fixed.output
    assert 'Model: "deepseek-v4-flash"}' in (tmp_path / "bot.go").read_text(encoding="utf-8")
    again = runner.invoke(main, ["scan", "--isolated", str(tmp_path)])
    assert again.exit_code == 0, again.output
