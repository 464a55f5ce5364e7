#!/usr/bin/env python3
"""Real projects' own test suites before and after `ds-migrate fix` (issue 13).

Never run by pytest, and fetches nothing: it works on checkouts you made
beforehand. For each project in PROJECTS it copies the checkout to a temp
folder three times and runs the project's own tests on each copy:

    baseline   the checkout as it is
    safe       after `ds-migrate fix --write .`
    unsafe     after `ds-migrate fix --write --unsafe-fixes .` (from a fresh copy)

then prints, per project, tests passed/failed in each state, the files each
fix changed, and the test ids that fail after a fix but did not fail before.

Setting up (once, outside every work tree; FOLDER below, e.g. /work/scratch/projects):

 1. A checkout per project at FOLDER/<name>, at the commit in the table, as a
    git work tree (ds-migrate lists files with git there, as in a user's
    clone):  git clone https://github.com/<repo> FOLDER/<name> &&
    git -C FOLDER/<name> checkout <commit>.
    (With the search tool's `fetch`: `git --git-dir=<mirror> --work-tree=
    FOLDER/<name> checkout -f <commit> -- .`, then `git init`, `git add -A`,
    `git commit` in it; a few large media files absent from the mirror do
    not matter to the tests.)
 2. A venv per project at FOLDER/venvs/<name> (Python 3.11 was used):
    `python3 -m venv FOLDER/venvs/<name>`, then, from FOLDER, the `install`
    command of the table, with `PIP` standing for FOLDER/venvs/<name>/bin/pip.
    The project is installed NON-editable on purpose: its metadata and entry
    points come from the install, and its code from the copy under test,
    because the runner puts the copy's source folders (`pythonpath`) first on
    PYTHONPATH and checks with `probe` that the package is imported from the
    copy (an editable install would test the original checkout instead).
 3. `python bench/real_projects.py list` prints the table;
    `python bench/real_projects.py run FOLDER [--ds-migrate PATH] [--only a,b]
    [--keep DIR] [--json FILE]` runs it (`--keep` keeps the fix reports,
    diffs and test logs of every state). `--baseline-from RUN` reuses an
    earlier run's baseline (its --json or --keep folder), and a fix that
    changes no file reuses the baseline's results; `show FILE|DIR` prints the
    table again. Test runs get a fresh HOME, no API keys, and the project's
    `env`; nothing here needs the network.

Results and the analysis of every new failure: bench/real_projects.md.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Project:
    name: str
    repo: str
    commit: str
    install: str  # run from FOLDER; PIP is FOLDER/venvs/<name>/bin/pip
    tests: tuple[str, ...]  # arguments after `python -m pytest`, run in the copy
    pythonpath: tuple[str, ...]  # copy-relative folders put first on PYTHONPATH
    probe: str  # a module that must be imported from the copy
    env: dict[str, str] = field(default_factory=dict)
    notes: str = ""


PROJECTS: list[Project] = [
    Project(
        name="mem0",
        repo="mem0ai/mem0",
        commit="8d5b7865bd0521e75fe9ab1b260eeccc83f8a378",
        install="PIP install './mem0[test]'",
        tests=(
            "tests/llms/test_deepseek.py", "tests/llms/test_openai.py", "tests/configs",
            "tests/memory", "tests/test_main.py",
        ),
        pythonpath=(".",),
        probe="mem0.llms.deepseek",
        env={"MEM0_TELEMETRY": "False"},
        notes="memory layer; DeepSeek LLM class defaults its model to deepseek-chat, tests mock the client",
    ),
    Project(
        name="aisuite",
        repo="andrewyng/aisuite",
        commit="1b4bbf303ec21968230b1ec869a144d054e9b3c4",
        install=(
            "PIP install './aisuite[deepseek,openai,anthropic,groq,mistral,mcp]' pytest pytest-asyncio "
            "python-dotenv google-genai numpy vertexai cohere"
        ),
        tests=("tests", "-m", "not integration and not llm", "--continue-on-collection-errors"),
        pythonpath=(".",),
        probe="aisuite.providers.deepseek_provider",
        notes="multi-provider client; DeepSeek provider test, platform capability table, notebooks and guides",
    ),
    Project(
        name="any-llm",
        repo="mozilla-ai/any-llm",
        commit="f9499232b9887eaaf9ec70a54de691f0637661e3",
        install=(
            "PIP install './any-llm[deepseek,openai,anthropic,mistral,ollama,groq]' pytest pytest-asyncio "
            "pytest-timeout pytest-rerunfailures pytest-xdist aiofiles mktestdocs"
        ),
        tests=(
            "tests/unit", "--ignore=tests/unit/providers", "tests/unit/providers/test_deepseek_provider.py",
            "-p", "no:rerunfailures",
        ),
        pythonpath=("src",),
        probe="any_llm.providers.deepseek.deepseek",
        notes="LLM router; already handles the retirement (legacy-id set next to V4 ids); ~50 baseline "
        "failures come from optional provider SDKs not installed and the newer openai SDK",
    ),
    Project(
        name="gptme",
        repo="gptme/gptme",
        commit="d27f98d3a55451491d00bbd20035d328e34219b1",
        install=(
            "PIP install ./gptme pytest pytest-asyncio pytest-mock pytest-timeout pytest-dotenv "
            "pytest-retry pytest-xdist"
        ),
        tests=(
            "-m", "not slow and not eval and not requires_api and not integration and not x11",
            "tests/test_llm_models.py", "tests/test_llm_models_resolution.py", "tests/test_llm_openai.py",
            "tests/test_llm_openai_sampling.py", "tests/test_llm_utils.py", "tests/test_llm_validate.py",
            "tests/test_config.py", "tests/test_chat_config.py", "tests/test_util_cli_models.py",
            "tests/test_llm_mock.py", "tests/test_commands_llm.py", "tests/test_cost_display.py",
            "tests/test_util_cost.py", "tests/test_eval_leaderboard.py", "tests/test_llm_anthropic.py",
        ),
        pythonpath=(".",),
        probe="gptme.llm.models.data",
        notes="agent CLI; model registry (capability/price table keyed by id), provider alias, "
        "reasoner-specific message handling, tests asserting resolved ids",
    ),
    Project(
        name="aider",
        repo="Aider-AI/aider",
        commit="5dc9490bb35f9729ef2c95d00a19ccd30c26339c",
        install="PIP install -r aider/requirements.txt pytest pytest-env ./aider",
        tests=(
            "tests/basic/test_models.py", "tests/basic/test_deprecated.py", "tests/basic/test_reasoning.py",
            "tests/basic/test_sendchat.py", "tests/basic/test_model_info_manager.py",
            "tests/basic/test_openrouter.py", "tests/basic/test_onboarding.py", "tests/basic/test_editblock.py",
            "tests/basic/test_main.py",
        ),
        pythonpath=(".",),
        probe="aider.models",
        env={"LITELLM_LOCAL_MODEL_COST_MAP": "True", "AIDER_ANALYTICS": "false", "AIDER_CHECK_UPDATE": "false"},
        notes="coding CLI; alias table, deprecated --deepseek switch, model-settings.yml list of named "
        "entries, model metadata JSON, leaderboards (recorded data)",
    ),
    Project(
        name="pydantic-ai",
        repo="pydantic/pydantic-ai",
        commit="4fda38988f2939fa6ea9cdefcf120693e10ef491",
        install=(
            "PIP install 'pydantic-ai-slim[openai,anthropic,groq,mistral,google,cohere,huggingface]==2.68.0' "
            "pydantic-graph==2.68.0 pytest pytest-mock pytest-recording inline-snapshot dirty-equals "
            "pytest-xdist anyio httpx devtools genai-prices brotli pytest-examples blockbuster asgi-lifespan "
            "&& PIP install pydantic==2.13.4 pydantic-core==2.46.4 inline-snapshot==0.34.2 vcrpy==8.2.1 "
            "openai==3.0.0 httpx2==2.9.1"
        ),
        tests=(
            "tests/providers/test_deepseek.py", "tests/profiles/test_resolution_matrix.py",
            "tests/models/test_deepseek.py", "tests/providers/test_github.py", "tests/providers/test_vercel.py",
            "tests/providers/test_litellm.py", "tests/test_capabilities.py", "tests/models/test_openrouter.py",
        ),
        pythonpath=("pydantic_ai_slim", "pydantic_graph", "pydantic_evals"),
        probe="pydantic_ai.profiles.deepseek",
        notes="agent framework; Literal of ids (legacy + V4), is_r1 predicate, KnownModelName list, "
        "VCR cassettes; released 2.68.0 wheels give the dependencies, the copy gives the code",
    ),
    Project(
        name="camel",
        repo="camel-ai/camel",
        commit="13dc7a7dda66d943949e5448d55e70d5a9481cfe",
        install="PIP install ./camel 'pytest>=7,<8' 'mock>=5,<6' 'pytest-asyncio>=0.23.0,<0.24' python-dotenv",
        tests=(
            "test/models/test_deepseek_model.py", "test/models/test_model_type.py",
            "test/models/test_cometapi_model.py", "test/models/test_orcarouter_model.py",
            "test/models/test_model_manager.py",
        ),
        pythonpath=(".",),
        probe="camel.types.enums",
        notes="multi-agent framework; ModelType str enum with DEEPSEEK_CHAT / DEEPSEEK_REASONER next to "
        "DEEPSEEK_V4_FLASH, thinking-mode id set; baseline failures are tiktoken downloading its "
        "encoding (no network); test_model_factory.py left out for the same reason",
    ),
]

STATES = ("baseline", "safe", "unsafe")
FIX_ARGS = {"safe": ["fix", "--write", "."], "unsafe": ["fix", "--write", "--unsafe-fixes", "."]}
SECRET_ENV = re.compile(r"(API_KEY|_TOKEN|_SECRET)$|^(OPENAI|ANTHROPIC|DEEPSEEK|GEMINI|GROQ|MISTRAL)_")
# "-rA" summary lines; a test id starts with its file (captured log lines such as
# "ERROR    root:..." do not).
OUTCOME_LINE = re.compile(r"^(PASSED|FAILED|ERROR|XPASS|XFAIL) (\S+?\.py\b.*)$")
COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)")
COPY_IGNORE = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache")


@dataclass
class SuiteRun:
    counts: dict[str, int]
    outcomes: dict[str, str]  # test id -> PASSED / FAILED / ERROR / XPASS / XFAIL
    messages: dict[str, str]  # failing test id -> short reason
    seconds: float
    exit_code: int


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float, log: Path) -> tuple[int, str]:
    """Run cmd in its own process group; kill the group on timeout. Output goes to log too."""
    start = time.monotonic()
    with subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace", start_new_session=True) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            out += f"\n[real_projects] killed after {timeout:.0f} s\n"
        code = proc.returncode
    log.write_text(f"$ {' '.join(cmd)}\n(cwd {cwd}, {time.monotonic() - start:.1f} s, exit {code})\n\n{out}")
    return code, out


def parse_pytest(out: str) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    outcomes: dict[str, str] = {}
    messages: dict[str, str] = {}
    for line in out.splitlines():
        m = OUTCOME_LINE.match(line)
        if not m:
            continue
        kind, rest = m.groups()
        test_id, _, reason = rest.partition(" - ") if kind in ("FAILED", "ERROR") else (rest, "", "")
        test_id = test_id.strip()
        # A test that errors in teardown after passing is listed twice; the failure wins.
        if outcomes.get(test_id) not in ("FAILED", "ERROR"):
            outcomes[test_id] = kind
        if reason:
            messages[test_id] = reason.strip()
    counts: dict[str, int] = {}
    summary = [line for line in out.splitlines() if COUNT.search(line) and " in " in line]
    if summary:
        for number, word in COUNT.findall(summary[-1]):
            counts["error" if word.startswith("error") else word] = int(number)
    return counts, outcomes, messages


def env_for_tests(project: Project, copy: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not SECRET_ENV.search(k)}
    env.pop("VIRTUAL_ENV", None)
    env.update(project.env)
    env["HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(str(copy / p) for p in project.pythonpath)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "250"  # longer failure reasons in the -rA summary
    return env


def probe_ok(python: Path, project: Project, copy: Path, env: dict[str, str], log: Path) -> bool:
    code, out = run([str(python), "-c", f"import {project.probe} as m; print(m.__file__)"], copy, env, 300, log)
    lines = out.strip().splitlines()
    return code == 0 and bool(lines) and Path(lines[-1]).resolve().is_relative_to(copy.resolve())


def run_tests(python: Path, project: Project, copy: Path, env: dict[str, str], timeout: float,
              log: Path) -> SuiteRun:
    start = time.monotonic()
    cmd = [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-rA", "--color=no", *project.tests]
    code, out = run(cmd, copy, env, timeout, log)
    counts, outcomes, messages = parse_pytest(out)
    return SuiteRun(counts, outcomes, messages, time.monotonic() - start, code)


def changed_files(original: Path, copy: Path) -> list[str]:
    """Files whose bytes differ between the checkout and the fixed copy (.git left out)."""
    changed = []
    for path in sorted(copy.rglob("*")):
        rel = path.relative_to(copy)
        if rel.parts[0] == ".git" or not path.is_file() or path.is_symlink():
            continue
        before = original / rel
        if not before.is_file() or before.read_bytes() != path.read_bytes():
            changed.append(rel.as_posix())
    return changed


def write_diff(original: Path, copy: Path, files: list[str], dest: Path) -> None:
    chunks = []
    for rel in files:
        a = (original / rel).read_text(errors="replace").splitlines(keepends=True) if (original / rel).exists() else []
        b = (copy / rel).read_text(errors="replace").splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(a, b, f"a/{rel}", f"b/{rel}"))
    dest.write_text("".join(chunks))


def run_project(project: Project, folder: Path, venvs: Path, dsm: str, timeout: float, keep: Path | None,
                states: tuple[str, ...], baseline: dict | None = None) -> dict:
    checkout = folder / project.name
    python = venvs / project.name / "bin" / "python"
    result: dict = {"project": project.name, "states": {}}
    if baseline is not None:  # the baseline does not depend on ds-migrate: reuse an earlier run's
        result["states"]["baseline"] = dict(baseline, reused=True)
        states = tuple(s for s in states if s != "baseline")
    if not checkout.is_dir() or not python.exists():
        result["error"] = f"missing checkout {checkout} or venv {python}"
        return result
    work = Path(tempfile.mkdtemp(prefix=f"real-{project.name}-"))
    logs = (keep / project.name) if keep else work / "logs"  # without --keep, logs go with work
    logs.mkdir(parents=True, exist_ok=True)
    try:
        for state in states:
            copy = work / state / project.name
            shutil.copytree(checkout, copy, symlinks=True, ignore=COPY_IGNORE)
            info: dict = {}
            if state in FIX_ARGS:
                env = {k: v for k, v in os.environ.items() if not SECRET_ENV.search(k)}
                code, out = run([dsm, *FIX_ARGS[state]], copy, env, timeout, logs / f"{state}-fix.log")
                files = changed_files(checkout, copy)
                write_diff(checkout, copy, files, logs / f"{state}.diff")
                info.update(fix_exit=code, changed=files)
                if not files and "outcomes" in result["states"].get("baseline", {}):
                    # The copy is byte-identical to the checkout: its tests are the baseline's.
                    info.update({k: result["states"]["baseline"][k] for k in ("counts", "outcomes", "messages")},
                                unchanged=True)
                    result["states"][state] = info
                    shutil.rmtree(copy, ignore_errors=True)
                    continue
            home = work / state / "home"
            home.mkdir()
            env = env_for_tests(project, copy, home)
            if not probe_ok(python, project, copy, env, logs / f"{state}-probe.log"):
                info["error"] = f"{project.probe} is not imported from the copy (see {state}-probe.log)"
                result["states"][state] = info
                continue
            tests = run_tests(python, project, copy, env, timeout, logs / f"{state}-tests.log")
            info.update(counts=tests.counts, outcomes=tests.outcomes, messages=tests.messages,
                        seconds=round(tests.seconds, 1), exit=tests.exit_code)
            result["states"][state] = info
            shutil.rmtree(copy, ignore_errors=True)
        if keep:
            result["logs"] = str(logs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    compare(result)
    return result


def compare(result: dict) -> None:
    base = result["states"].get("baseline")
    if not base or "outcomes" not in base:
        return
    base_failing = {t for t, o in base["outcomes"].items() if o in ("FAILED", "ERROR")}
    for state in ("safe", "unsafe"):
        info = result["states"].get(state)
        if not info or "outcomes" not in info:
            continue
        failing = {t for t, o in info["outcomes"].items() if o in ("FAILED", "ERROR")}
        info["new_failures"] = sorted(failing - base_failing)
        info["fixed"] = sorted(base_failing - failing)
        info["changed_reason"] = sorted(t for t in failing & base_failing
                                        if not same_reason(base["messages"].get(t), info["messages"].get(t)))
        info["missing"] = sorted(t for t, o in base["outcomes"].items()
                                 if o == "PASSED" and t not in info["outcomes"])


def same_reason(a: str | None, b: str | None) -> bool:
    """pytest cuts reasons to the terminal width and ends them with '...': compare what both show."""
    a, b = (a or "").removesuffix("..."), (b or "").removesuffix("...")
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def cell(info: dict | None) -> str:
    if not info:
        return "-"
    if "error" in info:
        return "error"
    c = info.get("counts", {})
    return f"{c.get('passed', 0)}/{c.get('failed', 0) + c.get('error', 0)}"


def report(results: list[dict], dsm_version: str) -> str:
    lines = [f"ds-migrate: {dsm_version}", "",
             "| project | baseline pass/fail | safe pass/fail | unsafe pass/fail | files changed safe/unsafe "
             "| new failures safe | new failures unsafe |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        s = r["states"]
        if "error" in r:
            lines.append(f"| {r['project']} | {r['error']} | | | | | |")
            continue
        changed = "/".join(str(len(s[x]["changed"])) if x in s and "changed" in s[x] else "-"
                           for x in ("safe", "unsafe"))
        new = [str(len(s[x].get("new_failures", []))) if x in s else "-" for x in ("safe", "unsafe")]
        lines.append(f"| {r['project']} | {cell(s.get('baseline'))} | {cell(s.get('safe'))} | "
                     f"{cell(s.get('unsafe'))} | {changed} | {new[0]} | {new[1]} |")
    for r in results:
        for state in ("safe", "unsafe"):
            info = r["states"].get(state) or {}
            if "error" in info:
                lines += ["", f"{r['project']} / {state}: {info['error']}"]
            for key, title in (("new_failures", "new failures"), ("missing", "passed before, not run now"),
                               ("changed_reason", "failing before and after, other reason")):
                ids = info.get(key) or []
                if ids:
                    lines += ["", f"{r['project']} / {state}: {title} ({len(ids)})"]
                    base = r["states"]["baseline"]["outcomes"]
                    lines += [f"  {t}{'' if t in base or key != 'new_failures' else ' (id not in baseline)'}"
                              f"  -- {info['messages'].get(t, '')}"[:300] for t in ids]
        if r.get("logs"):
            lines += ["", f"{r['project']}: logs and diffs in {r['logs']}"]
    return "\n".join(lines)


def earlier_baseline(sources: list[Path], name: str) -> dict | None:
    """The baseline of `name` from an earlier run's --json or --keep folder, read when it is needed
    (a run still going on may have written it meanwhile)."""
    for source in sources:
        log = source / name / "baseline-tests.log"
        if source.is_dir() and log.is_file():
            counts, outcomes, messages = parse_pytest(log.read_text(errors="replace"))
            if counts:
                return {"counts": counts, "outcomes": outcomes, "messages": messages}
        elif source.is_file():
            for r in json.loads(source.read_text())["results"]:
                if r["project"] == name and "outcomes" in r["states"].get("baseline", {}):
                    return r["states"]["baseline"]
    return None


def from_logs(keep: Path, baseline_from: list[Path]) -> dict:
    """Results rebuilt from a --keep folder (test logs and diffs), for a run that was stopped."""
    results = []
    for folder in sorted(p for p in keep.iterdir() if p.is_dir()):
        result: dict = {"project": folder.name, "states": {}, "logs": str(folder)}
        for state in STATES:
            log = folder / f"{state}-tests.log"
            diff = folder / f"{state}.diff"
            info: dict = {}
            if diff.is_file():
                info["changed"] = re.findall(r"^\+\+\+ b/(.+)$", diff.read_text(errors="replace"), re.M)
            if log.is_file():
                counts, outcomes, messages = parse_pytest(log.read_text(errors="replace"))
                info.update(counts=counts, outcomes=outcomes, messages=messages)
            elif state == "baseline":
                info = earlier_baseline([*baseline_from, keep], folder.name) or {}
            elif diff.is_file() and not info["changed"] and "outcomes" in result["states"].get("baseline", {}):
                info.update({k: result["states"]["baseline"][k] for k in ("counts", "outcomes", "messages")},
                            unchanged=True)
            if info:
                result["states"][state] = info
        compare(result)
        results.append(result)
    return {"ds_migrate": "(from logs)", "results": results}


def default_ds_migrate() -> str:
    beside = Path(sys.executable).parent / "ds-migrate"
    return str(beside) if beside.exists() else (shutil.which("ds-migrate") or "ds-migrate")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="print the projects table")
    p_run = sub.add_parser("run", help="baseline, safe and unsafe test runs")
    p_run.add_argument("folder", type=Path, help="folder holding the checkouts (and venvs/ unless --venvs)")
    p_run.add_argument("--venvs", type=Path, help="folder of the venvs (default: FOLDER/venvs)")
    p_run.add_argument("--ds-migrate", dest="dsm", default=default_ds_migrate(), help="ds-migrate executable")
    p_run.add_argument("--only", help="comma-separated project names")
    p_run.add_argument("--states", default=",".join(STATES), help="subset of baseline,safe,unsafe")
    p_run.add_argument("--timeout", type=float, default=1800, help="seconds per command")
    p_run.add_argument("--keep", type=Path, help="keep fix reports, diffs and test logs here")
    p_run.add_argument("--json", type=Path, help="write the full results here")
    p_run.add_argument("--baseline-from", type=Path, action="append", default=[],
                       help="reuse the baseline of an earlier run (its --json, or its --keep folder)")
    p_show = sub.add_parser("show", help="print the table again from --json files")
    p_show.add_argument("json_files", type=Path, nargs="+", help="--json files or --keep folders")
    p_show.add_argument("--baseline-from", type=Path, action="append", default=[],
                        help="where the baselines of a --keep folder run with --baseline-from are")
    args = parser.parse_args(argv)

    if args.command == "show":
        loaded = [json.loads(f.read_text()) if f.is_file() else from_logs(f, args.baseline_from)
                  for f in args.json_files]
        results = [r for data in loaded for r in data["results"]]
        for r in results:
            compare(r)
        print(report(results, loaded[0]["ds_migrate"]))
        return 0

    if args.command == "list":
        for p in PROJECTS:
            print(f"{p.name}\n  repository  https://github.com/{p.repo}\n  commit      {p.commit}\n"
                  f"  install     {p.install}\n  test        python -m pytest {' '.join(p.tests)}\n"
                  f"  pythonpath  {', '.join(p.pythonpath)}   probe {p.probe}   env {p.env or '-'}\n"
                  f"  notes       {p.notes}\n")
        return 0

    folder = args.folder.resolve()
    venvs = (args.venvs or folder / "venvs").resolve()
    wanted = set(args.only.split(",")) if args.only else None
    states = tuple(s for s in args.states.split(",") if s)
    if "baseline" not in states:
        parser.error("--states must include baseline (new failures are counted against it)")
    version = subprocess.run([args.dsm, "--version"], capture_output=True, text=True).stdout.strip()
    keep = args.keep.resolve() if args.keep else None
    results = []
    for project in PROJECTS:
        if wanted and project.name not in wanted:
            continue
        print(f"[real_projects] {project.name} ...", file=sys.stderr, flush=True)
        results.append(run_project(project, folder, venvs, args.dsm, args.timeout, keep, states,
                                   earlier_baseline(args.baseline_from, project.name)))
    print(report(results, f"{args.dsm} ({version})"))
    if args.json:
        args.json.write_text(json.dumps({"ds_migrate": version, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
