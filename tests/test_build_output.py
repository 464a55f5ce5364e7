"""Committed build output (Maven target/classes, IntelliJ out/production,
Eclipse bin/main, ...): a copy the build makes of a source. Its retired ids
are reported as info and never rewritten; its source is fixed as usual; a
folder of the same name that is not a build copy is fixed like any other."""

import pytest
from projects import fix_tree, scan_tree, write_tree

from ds_migrate.analyse.build_output import build_output_dir

CONFIG = "llm:\n  model: deepseek-chat\n"
FIXED = "llm:\n  model: deepseek-v4-flash\n"
PY = 'from openai import OpenAI\nOpenAI(base_url="https://api.deepseek.com").chat.completions.create(model="deepseek-chat", messages=[])\n'

COPIES = [
    "target/classes/application.yml",
    "service/target/test-classes/application.yml",
    "out/production/resources/application.yml",
    "bin/main/application.yml",
    "app/target/generated-resources/application.yml",
]


@pytest.mark.parametrize("copy", COPIES)
def test_a_build_copy_is_info_and_stays_while_its_source_is_fixed(tmp_path, copy):
    write_tree(tmp_path, {"src/main/resources/application.yml": CONFIG, copy: CONFIG})
    findings = {f["path"].replace("\\", "/"): f for f in scan_tree(tmp_path, "--fail-on", "info")["findings"]}
    found = next(f for path, f in findings.items() if path.endswith(copy))
    assert (found["code"], found["severity"], found["fix"]) == ("DSM109", "info", "none")
    assert "build output" in found["message"]
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert changed == {"src/main/resources/application.yml": FIXED}


def test_a_python_copy_gets_no_toggle_either(tmp_path):
    write_tree(tmp_path, {"app.py": PY, "target/classes/app.py": PY})
    changed = fix_tree(tmp_path, "--unsafe-fixes")
    assert list(changed) == ["app.py"]
    assert "deepseek-v4-flash" in changed["app.py"] and '"thinking"' in changed["app.py"]


@pytest.mark.parametrize("path", [
    "bin/run.yml", "target/deploy.yml", "src/target/classes.yml", "out/config.yml", "classes/app.yml",
    "docs/target-classes/app.yml",
])
def test_folders_that_only_share_a_name_are_not_build_output(tmp_path, path):
    assert build_output_dir(path) is None
    write_tree(tmp_path, {path: CONFIG})
    assert fix_tree(tmp_path) == {path: FIXED}


def test_the_folder_is_named_from_its_layout():
    assert build_output_dir("svc/target/classes/a.yml") == "target/classes/"
    assert build_output_dir("build\\resources\\main\\a.yml") == "build/resources/main/"
