"""Pattern 6: tests are not requests. An assertion's input and expected
output change together or not at all; fakes and case probes are test data."""

from __future__ import annotations

from projects import fix_tree, write_tree

SRC = 'export function route(m: string) { return "/" + m; }\nexport const DEFAULT_MODEL = "deepseek-chat";\n'


def test_input_and_expected_output_in_one_assertion_stay_together(tmp_path):
    test = 'import { route } from "../src/route";\ntest("r", () => { expect(route("deepseek-chat")).toBe("/deepseek-chat"); });\n'
    write_tree(tmp_path, {"src/route.ts": SRC, "tests/route.test.ts": test})
    # no selector reads the default: it is renamed in the safe tier, and the test with it
    changed = fix_tree(tmp_path)
    assert changed["tests/route.test.ts"] == test.replace("deepseek-chat", "deepseek-v4-flash")
    assert changed["src/route.ts"] == SRC.replace("deepseek-chat", "deepseek-v4-flash")


def test_a_copy_the_tool_cannot_rename_holds_the_whole_line(tmp_path):
    test = 'test("r", () => { expect(route("deepseek-chat")).toBe("models/deepseek-chat"); });\n'
    write_tree(tmp_path, {"src/route.ts": SRC, "tests/route.test.ts": test})
    # the test holds its own line; it observes nothing the default reaches, so the default goes alone
    assert fix_tree(tmp_path, "--unsafe-fixes") == {"src/route.ts": SRC.replace("deepseek-chat", "deepseek-v4-flash")}


def test_default_asserted_in_a_python_test_moves_with_it(tmp_path):
    settings = 'DEFAULT_MODEL = "deepseek-chat"\n'
    test = 'from settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == "deepseek-chat"\n'
    write_tree(tmp_path, {"settings.py": settings, "tests/test_settings.py": test})
    assert fix_tree(tmp_path) == {
        "settings.py": settings.replace("deepseek-chat", "deepseek-v4-flash"),
        "tests/test_settings.py": test.replace("deepseek-chat", "deepseek-v4-flash"),
    }


def test_a_fake_model_fed_to_a_predicate_is_test_data(tmp_path):
    predicate = 'def is_reasoning(model_id):\n    return model_id == "deepseek-reasoner"\n'
    test = (
        "from registry import is_reasoning\n\n\n"
        "def test_reasoner_is_reasoning():\n"
        '    fake = FakeModel(model_id="deepseek-reasoner")\n'
        "    assert is_reasoning(fake.model_id)\n"
    )
    write_tree(tmp_path, {"registry.py": predicate, "tests/test_registry.py": test})
    assert fix_tree(tmp_path, "--unsafe-fixes") == {}


def test_a_case_variant_probe_is_left_alone(tmp_path):
    test = 'def test_case():\n    assert normalise("DeepSeek-Reasoner") == normalise("deepseek-reasoner")\n'
    write_tree(tmp_path, {"tests/test_names.py": test})
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert "DeepSeek-Reasoner" in (tmp_path / "tests" / "test_names.py").read_text()
    assert changed in ({}, {"tests/test_names.py": test.replace('"deepseek-reasoner"', '"deepseek-v4-flash"')})
