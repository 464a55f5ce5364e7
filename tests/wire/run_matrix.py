"""Run the wire tests in every environment of ``matrix.toml``.

    python tests/wire/run_matrix.py [--env NAME ...] [--jobs N] [--list]

Each environment is a virtualenv under ``.wire-venvs/NAME`` holding
ds-migrate (editable), pytest and the environment's pins; it is rebuilt only
when those change. uv installs when it is available (much faster), pip
otherwise. The tests of the modules listed for the environment then run
with ``pytest -m wire`` (an entry is a module or a pytest node id); the
run fails when any of them failed, errored or skipped (a skip there means the package the matrix promised is missing or
too old for the test, which must not pass silently), or when a listed entry
ran no test at all.

Exit status 0 when every environment passed. The forms each version took
(``test_wire_forms.py``) are printed as a table at the end.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CACHE = Path(os.environ.get("WIRE_VENVS", REPO / ".wire-venvs"))
INSTALL_TIMEOUT = 900
TEST_TIMEOUT = 1800  # a hang guard; a warm idle run takes far less


@dataclass
class Env:
    name: str
    pins: list[str]
    tests: list[str]  # modules or node ids under tests/wire, all of which must run


@dataclass
class Outcome:
    env: Env
    ok: bool = False
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    install_seconds: float = 0.0
    test_seconds: float = 0.0
    reused: bool = False
    forms: list[dict] = field(default_factory=list)
    log: Path | None = None


def load_matrix(path: Path = HERE / "matrix.toml") -> list[Env]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    envs = []
    for name, spec in data.get("env", {}).items():
        envs.append(Env(name, list(spec.get("pins", [])), list(spec.get("tests", []))))
    return envs


@functools.lru_cache(maxsize=None)
def _installer() -> list[str] | None:
    """The uv command, if there is one (looked up once, before the threads
    start: environments built at the same time all use the same installer)."""
    found = shutil.which("uv")
    if found:
        return [found]
    try:
        import uv  # the PyPI package ships the binary

        return [uv.find_uv_bin()]
    except Exception:
        return None


def _stamp(env: Env) -> str:
    project = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    text = json.dumps([sys.version, sorted(env.pins), project.split("[project.optional-dependencies]")[0]])
    return hashlib.sha256(text.encode()).hexdigest()


def _python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def build(env: Env, log) -> tuple[Path, bool]:
    """The environment's interpreter, and whether the cached one was reused."""
    venv = CACHE / env.name
    stamp_file = venv / ".wire-stamp"
    stamp = _stamp(env)
    if stamp_file.is_file() and stamp_file.read_text() == stamp and _python(venv).exists():
        return _python(venv), True
    if venv.exists():
        shutil.rmtree(venv)
    uv = _installer()
    packages = ["-e", str(REPO), "pytest>=8", *env.pins]
    if uv:
        commands = [
            [*uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
            [*uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", str(_python(venv)), *packages],
        ]
    else:
        commands = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(_python(venv)), "-m", "pip", "install", "--quiet", *packages],
        ]
    for command in commands:
        log.write(f"$ {' '.join(command)}\n")
        log.flush()
        done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT, cwd=REPO)
        if done.returncode != 0:
            raise RuntimeError(f"install failed (exit {done.returncode}); see {log.name}")
    stamp_file.write_text(stamp)
    return _python(venv), False


def run_env(env: Env, logs: Path) -> Outcome:
    outcome = Outcome(env)
    outcome.log = logs / f"{env.name}.log"
    junit = logs / f"{env.name}.xml"
    forms = logs / f"{env.name}.forms.jsonl"
    for stale in (junit, forms):
        stale.unlink(missing_ok=True)
    with outcome.log.open("w", encoding="utf-8") as log:
        started = time.monotonic()
        try:
            python, outcome.reused = build(env, log)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            outcome.problems.append(str(error))
            return outcome
        outcome.install_seconds = time.monotonic() - started
        started = time.monotonic()
        command = [
            str(python), "-m", "pytest", "-m", "wire", "-p", "no:cacheprovider", "-q", "-rs",
            f"--junitxml={junit}", *[str(HERE / t) for t in env.tests],
        ]
        log.write(f"$ {' '.join(command)}\n")
        log.flush()
        run_env_vars = {**os.environ, "WIRE_FORMS_REPORT": str(forms), "WIRE_ENV": env.name}
        try:
            subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, timeout=TEST_TIMEOUT, cwd=REPO, env=run_env_vars)
        except subprocess.TimeoutExpired:
            outcome.problems.append(f"tests did not finish in {TEST_TIMEOUT} s")
        outcome.test_seconds = time.monotonic() - started
    outcome.problems.extend(_judge(env, junit, outcome.counts))
    if forms.is_file():
        outcome.forms = [json.loads(line) for line in forms.read_text().splitlines() if line.strip()]
    outcome.ok = not outcome.problems
    return outcome


def _judge(env: Env, junit: Path, counts: dict[str, int]) -> list[str]:
    if not junit.is_file():
        return ["pytest wrote no report"]
    problems = []
    per_entry = {t: 0 for t in env.tests}
    for case in ET.parse(junit).iter("testcase"):
        module = case.get("file") or (case.get("classname") or "").split(".")[-1] + ".py"
        module = Path(module).name
        name = f"{module}::{case.get('name')}"
        for entry in per_entry:
            if name == entry or name.startswith(entry + ("" if "::" in entry else "::")):
                per_entry[entry] += 1
        if case.find("skipped") is not None:
            counts["skipped"] = counts.get("skipped", 0) + 1
            reason = case.find("skipped").get("message", "")
            problems.append(f"{name} skipped ({reason}) but the matrix expects it to run here")
        elif case.find("failure") is not None or case.find("error") is not None:
            counts["failed"] = counts.get("failed", 0) + 1
            problems.append(f"{name} failed")
        else:
            counts["passed"] = counts.get("passed", 0) + 1
    for entry, n in per_entry.items():
        if n == 0:
            problems.append(f"{entry} ran no test")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--env", action="append", default=[], help="only this environment (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="environments run at once (default 2)")
    parser.add_argument("--list", action="store_true", help="print the matrix and exit")
    args = parser.parse_args(argv)
    envs = load_matrix()
    if args.env:
        unknown = set(args.env) - {e.name for e in envs}
        if unknown:
            parser.error(f"no such environment: {', '.join(sorted(unknown))}")
        envs = [e for e in envs if e.name in args.env]
    if args.list:
        for env in envs:
            print(f"{env.name}: {' '.join(env.pins)} -> {' '.join(env.tests)}")
        return 0
    logs = CACHE / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    _installer()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda env: run_env(env, logs), envs))
    total = time.monotonic() - started
    for o in outcomes:
        c = o.counts
        state = "ok" if o.ok else "FAILED"
        build_note = "reused" if o.reused else f"built in {o.install_seconds:.0f} s"
        print(
            f"wire {o.env.name:16} {state:6} passed {c.get('passed', 0):3}  failed {c.get('failed', 0)}"
            f"  skipped {c.get('skipped', 0)}  ({build_note}, tests {o.test_seconds:.0f} s)"
        )
        for problem in o.problems:
            print(f"    {problem}")
        if not o.ok:
            print(f"    log: {o.log}")
    rows = [row for o in outcomes for row in o.forms]
    if rows:
        print("\nwhat each version did with each thinking form:")
        for row in sorted(rows, key=lambda r: (r["package"], r["env"], r["form"], r["mode"])):
            print(
                f"  {row['env']:16} {row['package']} {row['version']:10} {row['form']:16} {row['mode']:9} -> {row['result']}"
            )
    passed = sum(o.counts.get("passed", 0) for o in outcomes)
    failed = sum(o.counts.get("failed", 0) for o in outcomes) + sum(1 for o in outcomes if not o.ok and not o.counts)
    print(f"\nwire matrix: {len(outcomes)} environments in {total:.0f} s")
    print(f"wire: {passed} passed, {failed} failed")
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
