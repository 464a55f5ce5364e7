"""Compare sliced and whole parses on planted copies of real modules.

    python bench/compare_slicing.py bench/trees/t1 --count 500

Takes Python files of 2-150 KB below the folder, plants the linked uses of
tests/test_slicing.py (a constant here, the call reading it in some function
there) and compares findings, messages, positions and fixed text with and
without slicing. Prints the differences (and keeps each planted module
that differs in /tmp) and the time each way. Not a test: a way to try
slicing on more code than the suite can afford.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_slicing import plant, result_of  # noqa: E402

from ds_migrate.analyse import run_with_deep_stack  # noqa: E402


def outcome(name: str, source: str, sliced: bool) -> tuple:
    os.environ["DS_MIGRATE_NO_SLICING"] = "0" if sliced else "1"
    return result_of(name, source)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = [p for p in sorted(args.folder.rglob("*.py")) if 2_000 < p.stat().st_size < 150_000]
    rng = random.Random(args.seed)
    totals = {"compared": 0, "different": 0, "whole": 0.0, "sliced": 0.0}

    def work() -> None:
        for _ in range(args.count):
            path = rng.choice(files)
            try:
                source = plant(path.read_text(encoding="utf-8"), rng)
                compile(source, str(path), "exec")
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            totals["compared"] += 1
            start = time.perf_counter()
            whole = outcome(str(path), source, sliced=False)
            totals["whole"] += time.perf_counter() - start
            start = time.perf_counter()
            sliced = outcome(str(path), source, sliced=True)
            totals["sliced"] += time.perf_counter() - start
            if whole != sliced:
                totals["different"] += 1
                kept = Path("/tmp") / f"slicing-differs-{totals['different']}.py"
                kept.write_text(source, encoding="utf-8")
                print(f"differs: {path} (planted copy: {kept})")

    run_with_deep_stack(work)
    print(
        f"{totals['compared']} planted modules, {totals['different']} different; "
        f"whole {totals['whole']:.1f} s, sliced {totals['sliced']:.1f} s"
    )


if __name__ == "__main__":
    main()
