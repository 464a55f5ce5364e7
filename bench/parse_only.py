#!/usr/bin/env python3
"""The floor for the hit-heavy figure: libcst.parse_module on every .py file,
with as many processes as ds-migrate uses (all cores)."""

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def parse(paths: list[str]) -> int:
    import libcst

    for path in paths:
        with open(path, "rb") as handle:
            try:
                libcst.parse_module(handle.read())
            except Exception:  # noqa: BLE001 - a floor, not a checker
                pass
    return len(paths)


def main() -> None:
    files = sorted(str(p) for p in Path(sys.argv[1]).rglob("*.py"))
    jobs = os.cpu_count() or 1
    batches = [files[i::jobs * 8] for i in range(jobs * 8)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        print(sum(pool.map(parse, batches)))


if __name__ == "__main__":
    main()
