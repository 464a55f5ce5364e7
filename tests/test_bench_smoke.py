"""The benchmark script still runs (on a tiny tree; nothing is timed here).

About two minutes of building and scanning small trees: too long for the
README's pytest, so `.ci/run` runs it (`pytest -m bench`)."""

import subprocess
import sys

import click
import pytest

pytestmark = pytest.mark.bench

from conftest import REPO


def test_bench_script_runs_on_a_tiny_tree(tmp_path):
    source = __import__("pathlib").Path(click.__file__).parent
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench.py"), "all", "--tiny", "--runs", "1",
         "--trees", str(tmp_path / "trees"), "--source", str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    table = completed.stdout.split("\ntarget ", 1)[1]
    for target in ("1 t1x4 scan", "1 t1x4-git scan", "2 t1 scan", "2 t1-git scan", "2 tn scan", "2 tn-git scan",
                   "2 tn vs t1", "3 t1x4 peak memory", "4 huge file peak memory",
                   "3 t1x4-git growth over T1", "4 huge file scan", "4 huge file fix --write", "5 T2 scan",
                   "5 T2b scan", "5 pre-commit, 10 files", "5 same results"):
        assert target in table
    assert " met" in table.splitlines()[-1]


def test_slicing_comparison_script_runs_and_finds_no_difference():
    source = __import__("pathlib").Path(click.__file__).parent
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "compare_slicing.py"), str(source), "--count", "6"],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    assert " 0 different" in completed.stdout, completed.stdout
    assert not completed.stdout.startswith("0 planted"), completed.stdout
