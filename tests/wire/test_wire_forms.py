"""Every row of ds_migrate/deepseek/forms.py checked against the package installed here.

For each (form, mode) the table lists for a context whose package is
installed, a program sends one request with that form alone; the test
records what the version did (sent the thinking object, dropped it, raised)
and fails when that disagrees with the table: a form the table says works
from this version on must reach the body, one it says does not work yet
must not. The runner prints the records (WIRE_FORMS_REPORT) as evidence.
"""

from __future__ import annotations

import json
import os

import pytest
from packaging.version import Version

from ds_migrate.deepseek.forms import FORMS, _at_least
from wire_harness import installed, need

LITELLM = """import json, litellm
try:
    litellm.completion(model="deepseek/deepseek-v4-flash", messages=[{"role": "user", "content": "hi"}],
                       api_base="https://api.deepseek.com", api_key="sk-test"KWARGS)
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

DSPY = """import json, dspy
try:
    dspy.LM("deepseek/deepseek-v4-flash", api_base="https://api.deepseek.com", api_key="sk-test", cache=False KWARGS)("hi")
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

AGNO = """from agno.agent import Agent
from agno.models.deepseek import DeepSeek
try:
    Agent(model=DeepSeek(id="deepseek-v4-flash", base_url="https://api.deepseek.com", api_key="sk-test"KWARGS)).run("hi")
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

AUTOGEN = """import asyncio
from autogen_core.models import UserMessage
from autogen_ext.models.openai import OpenAIChatCompletionClient
info = {"vision": False, "function_calling": True, "json_output": True, "family": "unknown", "structured_output": True}
try:
    client = OpenAIChatCompletionClient(model="deepseek-v4-flash", base_url="https://api.deepseek.com", api_key="sk-test", model_info=infoKWARGS)
    asyncio.run(client.create([UserMessage(content="hi", source="user")]))
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

ANTHROPIC = """from anthropic import Anthropic
client = Anthropic(base_url="https://api.deepseek.com/anthropic", api_key="sk-test")
try:
    client.messages.create(model="deepseek-v4-flash", max_tokens=2048, messages=[{"role": "user", "content": "hi"}]KWARGS)
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

# CAMEL takes the mode inside model_config_dict: CONFIG is the whole expression (_camel_config)
CAMEL = """from camel.configs import DeepSeekConfig
from camel.models import ModelFactory
from camel.types import ModelPlatformType
try:
    ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type="deepseek-v4-flash",
                        url="https://api.deepseek.com", api_key="sk-test", model_config_dict=CONFIG).run([{"role": "user", "content": "hi"}])
    outcome = "ok"
except Exception as error:
    outcome = "raised " + type(error).__name__
open("OUT", "w").write(outcome)
"""

PROGRAMS = {
    "litellm": ("litellm", LITELLM),
    "dspy": ("dspy", DSPY),
    "agno": ("agno", AGNO),
    "anthropic-sdk": ("anthropic", ANTHROPIC),
    "autogen": ("autogen_ext.models.openai", AUTOGEN),
    "camel": ("camel", CAMEL),
}


def _camel_config(form: str, mode: str) -> str:
    """The forms python/contexts/camel.py writes: DeepSeekConfig(thinking=...)
    or an "extra_body" entry beside the config's own."""
    thinking = {"type": mode}
    if form == "thinking":
        return f"DeepSeekConfig(temperature=0.2, thinking={thinking!r}).as_dict()"
    if form == "extra_body":
        return f"{{**DeepSeekConfig(temperature=0.2).as_dict(), 'extra_body': {{'thinking': {thinking!r}}}}}"
    return "DeepSeekConfig(temperature=0.2).as_dict()"


def _kwargs(form: str, mode: str, budget: bool = False) -> str:
    thinking = {"type": mode}
    if budget and mode == "enabled":
        thinking["budget_tokens"] = 1024
    if form == "thinking":
        return f", thinking={thinking!r}"
    if form == "extra_body":
        return f", extra_body={{'thinking': {thinking!r}}}"
    if form == "use_thinking":
        return f", use_thinking={mode == 'enabled'}"
    if form == "request_params":
        return f", request_params={{'extra_body': {{'thinking': {thinking!r}}}}}"
    return ""


@pytest.mark.parametrize("context", sorted(FORMS))
def test_forms_table_matches_this_version(wire, context):
    module, template = PROGRAMS[context]
    need(module)
    entry = FORMS[context]
    version = installed(entry["package"])
    cases = [("none", "default")] + sorted(entry["works"])
    sources = {}
    for i, (form, mode) in enumerate(cases):
        tag = f"{context}{i}"
        kwargs = _kwargs(form, mode, budget=context == "anthropic-sdk")
        template_here = template.replace("CONFIG", _camel_config(form, mode)) if context == "camel" else template
        sources[tag] = template_here.replace("KWARGS", kwargs).replace("OUT", f"{tag}.out")
    sent = wire.run_all(sources)
    records, wrong = [], []
    for i, (form, mode) in enumerate(cases):
        tag = f"{context}{i}"
        outcome = (wire.workdir / f"{tag}.out").read_text()
        bodies = [r.body for r in sent[tag]]
        if outcome != "ok":
            result = outcome
        elif not bodies:
            result = "sent nothing"
        elif all(isinstance(b, dict) and (b.get("thinking") or {}).get("type") == mode for b in bodies):
            result = f"sent thinking {mode}"
        elif form == "none":
            seen = bodies[0].get("thinking") if isinstance(bodies[0], dict) else None
            result = f"sent thinking {seen['type']}" if isinstance(seen, dict) else "sent no thinking"
        else:
            seen = bodies[0].get("thinking") if isinstance(bodies[0], dict) else None
            result = "dropped it (no thinking in the body)" if seen is None else f"sent thinking {seen!r}"
        records.append(
            {"env": os.environ.get("WIRE_ENV", "-"), "package": f"{context} ({entry['package']})" if context != entry["package"] else context,
             "version": version, "form": form, "mode": mode, "result": result}
        )
        if form == "none":
            continue
        since, below = entry["works"][(form, mode)]
        at = Version(version)
        claimed = _at_least(at, since) and (below is None or not _at_least(at, below))
        works = result == f"sent thinking {mode}"
        if claimed != works:
            wrong.append(f"{form}= {mode} on {entry['package']} {version}: table says {'works' if claimed else 'fails'}, wire: {result}")
    report = os.environ.get("WIRE_FORMS_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record) + "\n")
    assert not wrong, "\n".join(wrong)
