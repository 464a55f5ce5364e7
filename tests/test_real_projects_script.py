"""bench/real_projects.py reads pytest's summary right (the real projects themselves are never run here)."""

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "real_projects.py"
spec = importlib.util.spec_from_file_location("real_projects", SCRIPT)
real_projects = importlib.util.module_from_spec(spec)
sys.modules["real_projects"] = real_projects  # dataclasses look their module up while the class is built
spec.loader.exec_module(real_projects)

OUTPUT = """\
------------------------------ Captured log call -------------------------------
ERROR    root:openai.py:148 Error due to callback: Callback error
=========================== short test summary info ============================
PASSED tests/test_a.py::test_one
PASSED tests/test_a.py::test_param[deepseek-chat]
FAILED tests/test_a.py::test_two - AssertionError: assert 128000 == 1000000
ERROR tests/test_b.py - ModuleNotFoundError: No module named 'tiktoken'
ERROR tests/test_a.py::test_one - RuntimeError: teardown
============ 1 failed, 2 passed, 3 skipped, 2 errors in 1.50s =============
"""


def test_outcomes_counts_and_reasons_from_the_short_summary():
    counts, outcomes, messages = real_projects.parse_pytest(OUTPUT)
    assert counts == {"failed": 1, "passed": 2, "skipped": 3, "error": 2}
    assert outcomes == {
        "tests/test_a.py::test_one": "ERROR",  # passed, then errored in teardown: the error wins
        "tests/test_a.py::test_param[deepseek-chat]": "PASSED",
        "tests/test_a.py::test_two": "FAILED",
        "tests/test_b.py": "ERROR",
    }
    assert messages["tests/test_a.py::test_two"] == "AssertionError: assert 128000 == 1000000"


def test_captured_log_lines_are_not_test_ids():
    _, outcomes, _ = real_projects.parse_pytest(OUTPUT)
    assert not any(test_id.startswith("root:") for test_id in outcomes)


def test_new_failures_are_counted_against_the_baseline():
    def state(outcomes, messages=None):
        return {"outcomes": outcomes, "messages": messages or {}}

    result = {"project": "p", "states": {
        "baseline": state({"t::a": "PASSED", "t::b": "FAILED", "t::c": "PASSED", "t::d": "FAILED"},
                          {"t::b": "old", "t::d": "ConnectionError: Max ret..."}),
        "safe": state({"t::a": "FAILED", "t::b": "FAILED", "t::d": "FAILED", "t::e": "FAILED"},
                      {"t::b": "new", "t::d": "ConnectionError: Max retries exceeded"}),
    }}
    real_projects.compare(result)
    safe = result["states"]["safe"]
    assert safe["new_failures"] == ["t::a", "t::e"]
    assert safe["changed_reason"] == ["t::b"]  # t::d: the same reason, cut at another width
    assert safe["missing"] == ["t::c"]
    assert safe["fixed"] == []


def test_every_project_names_a_pinned_commit_and_tests():
    for project in real_projects.PROJECTS:
        assert len(project.commit) == 40 and int(project.commit, 16) >= 0
        assert project.tests and project.pythonpath and project.probe
