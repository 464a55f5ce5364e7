"""The benchmark script still runs (on a tiny tree; nothing is timed here)."""

import subprocess
import sys

import click

from conftest import REPO


def test_bench_script_runs_on_a_tiny_tree(tmp_path):
    source = __import__("pathlib").Path(click.__file__).parent
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench.py"), "all", "--tiny", "--runs", "1",
         "--trees", str(tmp_path / "trees"), "--source", str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    for figure in ("1 few hits", "1 peak memory", "2 hit-heavy", "2b uses inside", "3 pre-commit", "4 fix --write",
                   "5 cores used"):
        assert figure in completed.stdout


def test_slicing_comparison_script_runs_and_finds_no_difference():
    source = __import__("pathlib").Path(click.__file__).parent
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "compare_slicing.py"), str(source), "--count", "6"],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    assert " 0 different" in completed.stdout, completed.stdout
    assert not completed.stdout.startswith("0 planted"), completed.stdout
