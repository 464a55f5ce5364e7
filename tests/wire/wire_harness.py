"""Run a before/after pair with the real package against the recorder.

``check_pair`` proves three things about one calling context:

1. ds-migrate's own fix turns ``before`` into exactly ``after``;
2. both programs run to the end with the installed package (nothing raises);
3. the request bodies they send differ only in ``model`` (the legacy id
   becomes the target, any provider prefix kept) and in an explicit
   ``thinking`` object of the right type, every other key identical.

The programs name DeepSeek's real base URL (so the fixer sees a DeepSeek
client); the harness points them at the recorder by replacing that URL,
and by setting the base-URL variables the libraries read. The two programs
run at the same time, each on its own tagged recorder URL. A
``sitecustomize`` loaded into every program refuses any connection that is
not to this machine.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from recorder import Recorder, Request

DEEPSEEK_URL = "https://api.deepseek.com"
GUARD = Path(__file__).resolve().parent / "guard"
# legacy id -> the thinking type its rewrite must send
MODES = {"deepseek-chat": "disabled", "deepseek-coder": "disabled", "deepseek-reasoner": "enabled"}
TARGET = "deepseek-v4-flash"
TIMEOUT = 240  # seconds for one program; CrewAI's import alone takes several

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "no_proxy")


class WireError(AssertionError):
    pass


def need(*modules: str) -> None:
    """Skip unless every module is installed. Unlike ``pytest.importorskip``
    nothing is imported into the test process: the packages run only in the
    guarded programs (CrewAI's import alone takes seconds and phones home)."""
    import importlib.util

    import pytest

    for module in modules:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            pytest.skip(f"{module} is not installed")


def installed(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def program_env(url: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.lower() not in _PROXY_VARIABLES}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(
        {
            "PYTHONPATH": os.pathsep.join(filter(None, [str(GUARD), env.get("PYTHONPATH")])),
            "HOME": str(home),
            # fake keys: every SDK insists on one
            "OPENAI_API_KEY": "sk-wire-test",
            "DEEPSEEK_API_KEY": "sk-wire-test",
            "ANTHROPIC_API_KEY": "sk-ant-wire-test",
            # where a library reads its base URL from the environment
            "OPENAI_BASE_URL": url + "/v1",
            "OPENAI_API_BASE": url + "/v1",
            "DEEPSEEK_API_BASE": url,
            "DEEPSEEK_BASE_URL": url,
            "ANTHROPIC_BASE_URL": url + "/anthropic",
            # no downloads, no telemetry, no response caches
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",
            "LITELLM_TELEMETRY": "False",
            "DSPY_CACHEDIR": str(home / "dspy-cache"),
            "CREWAI_DISABLE_TELEMETRY": "true",
            "CREWAI_STORAGE_DIR": str(home / "crewai"),
            "OTEL_SDK_DISABLED": "true",
            "AGNO_TELEMETRY": "false",
            "AGNO_MONITOR": "false",
            "ANONYMIZED_TELEMETRY": "false",
            "DO_NOT_TRACK": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
    )
    tokenizers = _litellm_tokenizers()
    if tokenizers is not None and "TIKTOKEN_CACHE_DIR" not in env:
        env["TIKTOKEN_CACHE_DIR"] = str(tokenizers)
    return env


def _litellm_tokenizers() -> Path | None:
    """LiteLLM's bundled tiktoken files. LiteLLM points tiktoken at them when
    it loads its default encoding, but some versions (1.80.17, 1.81.0) load
    cl100k_base lazily in ``litellm.main`` without doing so: there tiktoken
    would download it (refused by the guard), and every request fails
    before it is sent."""
    import importlib.util

    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"
    return folder if folder.is_dir() else None


def run_programs(recorder: Recorder, sources: dict[str, str], workdir: Path) -> dict[str, list[Request]]:
    """Run the programs at once, each against its own tagged recorder URL;
    the POST requests each sent, in order. Any program that raises fails."""
    running = {}
    for name, source in sources.items():
        url = recorder.url_for(name)
        program = workdir / f"{name}.py"
        program.write_text(source.replace(DEEPSEEK_URL, url), encoding="utf-8")
        home = workdir / f"{name}-home"
        home.mkdir(exist_ok=True)
        recorder.take(name)
        running[name] = subprocess.Popen(
            [sys.executable, str(program)],
            cwd=workdir,
            env=program_env(url, home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    return collect(recorder, running)


def collect(recorder: Recorder, running: dict[str, subprocess.Popen]) -> dict[str, list[Request]]:
    """Wait for each running program; the POST requests each sent. Raises if one failed."""
    failures = []
    for name, process in running.items():
        try:
            _, stderr = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
            failures.append(f"the {name} program did not finish in {TIMEOUT} s:\n{stderr[-4000:]}")
            continue
        if process.returncode != 0:
            failures.append(f"the {name} program raised (exit {process.returncode}):\n{stderr[-4000:]}")
    sent = {name: [r for r in recorder.take(name) if r.method == "POST"] for name in running}
    if failures:
        raise WireError("\n\n".join(failures))
    return sent


def run_program(recorder: Recorder, source: str, workdir: Path, name: str = "program") -> list[Request]:
    """Run ``source`` against the recorder; the POST requests it sent, in order."""
    return run_programs(recorder, {name: source}, workdir)[name]


def fixed_by_ds_migrate(before: str, project: Path, filename: str, files: dict[str, str]) -> str:
    """Our fixer's output for ``before`` saved as ``project/filename`` beside ``files``."""
    from ds_migrate.api import fix_source

    project.mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text(text, encoding="utf-8")
    path = project / filename
    path.write_text(before, encoding="utf-8")
    return fix_source(before, str(path))


def expected_model(old: str, target: str = TARGET) -> str:
    prefix, _, base = old.rpartition("/")
    return f"{prefix}/{target}" if prefix else target


def mode_of(model: str) -> str:
    base = model.rpartition("/")[2]
    if base not in MODES:
        raise WireError(f"the before program sent model {model!r}, not a legacy DeepSeek id")
    return MODES[base]


def compare_bodies(before: Any, after: Any, path: str = "", target: str = TARGET) -> None:
    """``after`` must be ``before`` with the model renamed and an explicit thinking object."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise WireError(f"not JSON objects: {before!r} / {after!r}")
    old = before.get("model")
    if not isinstance(old, str):
        raise WireError(f"the before body names no model: {json.dumps(before)}")
    mode = mode_of(old)
    if after.get("model") != expected_model(old, target):
        raise WireError(f"model {after.get('model')!r} sent; expected {expected_model(old, target)!r}")
    if "thinking" in before and (before["thinking"] or {}).get("type") != mode:
        # a library may set the mode itself for a legacy id (agno 3 does for the
        # reasoner); it must then be the mode that id stood for
        raise WireError(f"the before body already carries thinking {before['thinking']!r}, not {mode!r}")
    thinking = after.get("thinking")
    if not isinstance(thinking, dict) or thinking.get("type") != mode:
        raise WireError(
            f"the fixed program sent thinking={thinking!r}; expected {{'type': {mode!r}}}\n"
            f"body: {json.dumps(after, sort_keys=True)}"
        )
    allowed = {"type"}
    if path.rstrip("/").endswith("/messages") and mode == "enabled":
        allowed.add("budget_tokens")  # the Anthropic SDK's type requires it; DeepSeek ignores it
    if set(thinking) - allowed:
        raise WireError(f"unexpected keys in thinking: {thinking!r}")
    rest_before = {k: v for k, v in before.items() if k not in ("model", "thinking")}
    rest_after = {k: v for k, v in after.items() if k not in ("model", "thinking")}
    if rest_before != rest_after:
        changed = sorted(
            k for k in set(rest_before) | set(rest_after) if rest_before.get(k, ...) != rest_after.get(k, ...)
        )
        raise WireError(
            f"the bodies differ beyond model and thinking, in {changed}:\n"
            f"before: {json.dumps(before, sort_keys=True)}\nafter:  {json.dumps(after, sort_keys=True)}"
        )


def check_pair(
    recorder: Recorder,
    workdir: Path,
    before: str,
    after: str,
    *,
    files: dict[str, str] | None = None,
    filename: str = "app.py",
    target: str = TARGET,
) -> list[tuple[Any, Any]]:
    """The whole proof for one pair; returns the (before, after) bodies."""
    fixed = fixed_by_ds_migrate(before, workdir / "project", filename, files or {})
    if fixed != after:
        raise WireError(f"ds-migrate's fix differs from the pair's after:\n--- fixed\n{fixed}\n--- after\n{after}")
    sent = run_programs(recorder, {"before": before, "after": after}, workdir)
    sent_before, sent_after = sent["before"], sent["after"]
    if not sent_before:
        raise WireError("the before program sent no request")
    if len(sent_before) != len(sent_after):
        raise WireError(f"{len(sent_before)} requests before the fix, {len(sent_after)} after")
    for b, a in zip(sent_before, sent_after):
        if b.path != a.path:
            raise WireError(f"sent to {b.path} before the fix, {a.path} after")
        compare_bodies(b.body, a.body, b.path, target)
    return [(b.body, a.body) for b, a in zip(sent_before, sent_after)]
