"""The migrated examples send the same requests as before, apart from the
model name and an explicit thinking mode.

The example programs run against recording stand-ins for the SDKs (our own
example code, in the test process; the tool itself never runs scanned code).
"""

from __future__ import annotations

import asyncio
import copy
import json
import shutil
import sys
import types

import pytest

from ds_migrate.discover.listing import FileFilter
from ds_migrate.analyse import Options
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.pipeline import run

from conftest import REPO

STUBBED = [
    "openai", "anthropic", "httpx", "requests", "litellm", "dspy", "crewai",
    "langchain", "langchain.chat_models", "langchain_deepseek", "langchain_openai",
    "agno", "agno.agent", "agno.models", "agno.models.deepseek", "pydantic_ai",
]


class Recorder:
    """Stands for any SDK object: every call is logged with its path."""

    def __init__(self, log: list, path: str) -> None:
        self._log, self._path = log, path

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Recorder(self._log, f"{self._path}.{name}")

    def __call__(self, *args, **kwargs):
        self._log.append((self._path, copy.deepcopy(args), copy.deepcopy(kwargs)))
        return Recorder(self._log, self._path + "()")

    def __getitem__(self, key):
        return Recorder(self._log, f"{self._path}[]")

    def __bool__(self):
        return False

    def __repr__(self):
        return f"<{self._path}>"

    def __iter__(self):
        return iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __await__(self):
        if False:
            yield
        return self


@pytest.fixture
def sdk_log(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-test")
    log: list = []
    for name in STUBBED:
        module = types.ModuleType(name)
        module.__getattr__ = lambda attr, _name=name: Recorder(log, f"{_name}.{attr}")
        monkeypatch.setitem(sys.modules, name, module)
    return log


def run_example(path, log):
    namespace: dict = {"__name__": "example"}
    code = compile(path.read_text(), str(path), "exec")
    exec(code, namespace)  # noqa: S102 - our own example, with SDKs stubbed
    drive = {
        "answer": ("q", []), "summarize": ("t",), "solve": ("p",), "classify": ("x",),
        "prove": ("s",), "ask": ("q",), "complete": ("a", "b"), "translate": ("t",),
        "fallback": ("q",), "run": ("q",), "must_use_tool": ("q",),
        "quick_reply": ("t",), "deep_reply": ("t",),
    }
    for name, args in drive.items():
        if name in namespace and callable(namespace[name]):
            namespace[name](*args)
    if "stream_answer" in namespace:
        list(namespace["stream_answer"]("q"))
    if "answer_async" in namespace:
        asyncio.run(namespace["answer_async"]("q"))
    return log


# keywords whose dict carries the OpenAI SDK's extra_body (pydantic-ai, LlamaIndex, agno)
SETTINGS_HOLDERS = ("model_settings", "settings", "additional_kwargs", "request_params")


def without_thinking(record):
    path, args, kwargs = record
    kwargs = dict(kwargs)
    kwargs.pop("thinking", None)
    kwargs.pop("use_thinking", None)
    params = kwargs.get("request_params")
    if isinstance(params, dict) and isinstance(params.get("extra_body"), dict):
        extra = {k: v for k, v in params["extra_body"].items() if k != "thinking"}
        params = {k: v for k, v in params.items() if k != "extra_body"}
        if extra:
            params["extra_body"] = extra
        if params:
            kwargs["request_params"] = params
        else:
            del kwargs["request_params"]
    if isinstance(kwargs.get("extra_body"), dict):
        body = {k: v for k, v in kwargs["extra_body"].items() if k != "thinking"}
        if body:
            kwargs["extra_body"] = body
        else:
            del kwargs["extra_body"]
    for holder in SETTINGS_HOLDERS:
        settings = kwargs.get(holder)
        if isinstance(settings, dict) and isinstance(settings.get("extra_body"), dict):
            settings = {**settings, "extra_body": {k: v for k, v in settings["extra_body"].items() if k != "thinking"}}
            if not settings["extra_body"]:
                del settings["extra_body"]
            if settings:
                kwargs[holder] = settings
            else:
                del kwargs[holder]
    if isinstance(kwargs.get("json"), dict):
        kwargs["json"] = {k: v for k, v in kwargs["json"].items() if k != "thinking"}
    if isinstance(kwargs.get("data"), str):
        kwargs["data"] = {k: v for k, v in json.loads(kwargs["data"]).items() if k != "thinking"}
    return path, args, kwargs


def normalized(record, mapping=None):
    text = json.dumps(without_thinking(record), sort_keys=True, default=repr)
    return json.loads(mapping.rename(text) if mapping else text)


def thinking_of(record):
    _, _, kwargs = record
    params = kwargs.get("request_params") if isinstance(kwargs.get("request_params"), dict) else {}
    for value in (
        (params.get("extra_body") or {}).get("thinking") if isinstance(params.get("extra_body"), dict) else None,
        kwargs.get("thinking"),
        (kwargs.get("extra_body") or {}).get("thinking") if isinstance(kwargs.get("extra_body"), dict) else None,
        (kwargs.get("json") or {}).get("thinking") if isinstance(kwargs.get("json"), dict) else None,
        json.loads(kwargs["data"]).get("thinking") if isinstance(kwargs.get("data"), str) else None,
        *(
            kwargs[holder]["extra_body"].get("thinking")
            for holder in SETTINGS_HOLDERS
            if isinstance(kwargs.get(holder), dict) and isinstance(kwargs[holder].get("extra_body"), dict)
        ),
    ):
        if value is not None:
            return value["type"]
    if "use_thinking" in kwargs:
        return "enabled" if kwargs["use_thinking"] else "disabled"
    return None


REQUEST_MAKERS = (
    "chat.completions.create", "messages.create", "ChatDeepSeek", "ChatOpenAI", "init_chat_model",
    ".LLM", ".DeepSeek", ".completion", ".LM", "requests.post", "httpx.post", "pydantic_ai.Agent",
)

EXAMPLES = [
    "chatbot/assistant.py", "chatbot/http_api.py", "chatbot/claude_compat.py",
    "agents/research_agent.py", "agents/pipelines.py",
]


def requests_before_and_after(example: str, sdk_log: list, tmp_path) -> tuple[list, list]:
    """The requests one example makes, before and after `fix --write` on a
    copy of its app (each folder of examples/ is an app of its own)."""
    tree = tmp_path / "examples"
    shutil.copytree(REPO / "examples", tree)
    before = [copy.deepcopy(r) for r in run_example(tree / example, sdk_log)]
    sdk_log.clear()
    app = tree / example.split("/")[0]
    run([str(app)], Options(), FileFilter(), want_fix=True, write=True, jobs=1)
    return before, run_example(tree / example, sdk_log)


def test_other_provider_example_is_unchanged(sdk_log, tmp_path):
    before, after = requests_before_and_after("agents/openrouter_fallback.py", sdk_log, tmp_path)
    assert after == before


@pytest.mark.parametrize("example", EXAMPLES)
def test_fixed_example_sends_the_same_requests(example, sdk_log, tmp_path):
    before, after = requests_before_and_after(example, sdk_log, tmp_path)

    mapping = Mapping()
    checked: list = []
    assert len(after) == len(before)
    for old, new in zip(before, after):
        if new == old and new[2].get("model") == "deepseek-reasoner" and new[2].get("tool_choice") == "required":
            continue  # not migrated on purpose: V4 thinking answers a forced tool_choice with 400 (DSM204)
        assert normalized(old, mapping) == normalized(new)
        old_text = json.dumps(old, default=repr)
        legacy = [name for name in ("deepseek-chat", "deepseek-reasoner") if name in old_text]
        if legacy and old[0].endswith(REQUEST_MAKERS):
            expected = "enabled" if legacy == ["deepseek-reasoner"] else "disabled"
            assert thinking_of(new) == expected, new
            checked.append(old[0])
    assert checked, "no request with a retired model was checked"


def test_a_tool_loop_that_drops_reasoning_content_is_left_as_it_was(sdk_log, tmp_path):
    """agents/tool_loop.py pops reasoning_content (R1 rejected it) and forces
    a tool: thinking answers both with 400 (DSM205, DSM204), so neither
    reasoner request is migrated; they are reported instead."""
    before, after = requests_before_and_after("agents/tool_loop.py", sdk_log, tmp_path)
    assert before and after == before
    assert {r[2].get("model") for r in after if "model" in r[2]} == {"deepseek-reasoner"}


def test_fim_example_is_renamed_without_a_toggle(sdk_log, tmp_path):
    before, after = requests_before_and_after("chatbot/completion.py", sdk_log, tmp_path)
    assert [normalized(r, Mapping()) for r in before] == [normalized(r) for r in after]
    assert all(thinking_of(r) is None for r in after)
    assert any("deepseek-v4-flash" in json.dumps(r) for r in after)
