"""LiteLLM Router deployments on the wire: a deployment's ``litellm_params``
with ``extra_body={"thinking": ...}`` beside the renamed model sends a body
that differs from the legacy one only in ``model`` and ``thinking``, for each
deployment of one Router (python/router_deployments.py).

The proxy's ``config.yaml`` is proven with the Router it builds, not with the
proxy server: the server needs its own extras (FastAPI, ...) and a port.
Reading LiteLLM's source (``ProxyConfig.load_config`` in
``litellm/proxy/proxy_server.py``, 1.77.7 and 1.110.2): it takes
``config["model_list"]`` as parsed from YAML, replaces each
``os.environ/NAME`` value of every ``litellm_params`` by that variable, and
hands the list to its Router as ``router_params["model_list"]``, with nothing
else done to ``extra_body``. The program below does those same steps on the
YAML that ds-migrate fixed (languages/litellm_proxy_config.py), so what the
proxy's Router sends is what this Router sends.
"""

from __future__ import annotations

import pytest

from ds_migrate.analyse import Options, process_file
from wire_harness import WireError, compare_bodies, need, run_programs

ROUTER = """from litellm import Router

router = Router(model_list=[
    {"model_name": "fast", "litellm_params": {"model": "deepseek/CHAT", "api_base": "https://api.deepseek.com", "api_key": "sk-test"FAST}},
    {"model_name": "smart", "litellm_params": {"model": "deepseek/REASONER", "api_base": "https://api.deepseek.com", "api_key": "sk-test"SMART}},
])
for alias in ("fast", "smart"):
    reply = router.completion(model=alias, messages=[{"role": "user", "content": "Hello"}], max_tokens=64)
    assert reply.choices[0].message.content == "ok"
"""

PROXY_CONFIG = """model_list:
  - model_name: fast
    litellm_params:
      model: deepseek/CHAT
FAST      api_base: https://api.deepseek.com
      api_key: os.environ/DEEPSEEK_API_KEY
  - model_name: smart
    litellm_params: {model: deepseek/REASONERSMART, api_base: https://api.deepseek.com, api_key: os.environ/DEEPSEEK_API_KEY}
"""

# What ProxyConfig.load_config does with the file before its Router sees it
PROXY_ROUTER = """import os

import yaml
from litellm import Router

config = yaml.safe_load(CONFIG)
model_list = config["model_list"]
for deployment in model_list:
    params = deployment["litellm_params"]
    for key, value in params.items():
        if isinstance(value, str) and value.startswith("os.environ/"):
            params[key] = os.environ[value[len("os.environ/"):]]
router = Router(model_list=model_list)
for alias in ("fast", "smart"):
    reply = router.completion(model=alias, messages=[{"role": "user", "content": "Hello"}], max_tokens=64)
    assert reply.choices[0].message.content == "ok"
"""


def _pair(template: str, fast: str, smart: str) -> tuple[str, str]:
    before = template.replace("CHAT", "deepseek-chat").replace("REASONER", "deepseek-reasoner")
    before = before.replace("FAST", "").replace("SMART", "")
    after = template.replace("CHAT", "deepseek-v4-flash").replace("REASONER", "deepseek-v4-flash")
    return before, after.replace("FAST", fast).replace("SMART", smart)


def test_router_deployments_send_their_modes(wire):
    need("litellm")
    before, after = _pair(
        ROUTER,
        ', "extra_body": {"thinking": {"type": "disabled"}}',
        ', "extra_body": {"thinking": {"type": "enabled"}}',
    )
    sent = wire.check(before, after)
    assert [b["model"] for b, _ in sent] == ["deepseek-chat", "deepseek-reasoner"]
    assert [a["thinking"] for _, a in sent] == [{"type": "disabled"}, {"type": "enabled"}]


def test_proxy_config_deployments_send_their_modes(wire):
    need("litellm", "yaml")
    before, after = _pair(
        PROXY_CONFIG,
        "      extra_body: {thinking: {type: disabled}}\n",
        ", extra_body: {thinking: {type: enabled}}",
    )
    processed = process_file("config.yaml", before.encode(), Options(), want_fix=True)
    fixed = processed.fixed_data.decode() if processed.fixed_data is not None else before
    if fixed != after:
        raise WireError(f"ds-migrate's fix differs from the pair's after:\n--- fixed\n{fixed}\n--- after\n{after}")
    programs = {name: PROXY_ROUTER.replace("CONFIG", repr(text)) for name, text in (("before", before), ("after", after))}
    sent = run_programs(wire.recorder, programs, wire.workdir)
    assert len(sent["before"]) == len(sent["after"]) == 2, sent
    for b, a in zip(sent["before"], sent["after"]):
        assert b.path == a.path
        compare_bodies(b.body, a.body, b.path)
    assert [r.body["thinking"] for r in sent["after"]] == [{"type": "disabled"}, {"type": "enabled"}]


@pytest.mark.parametrize("form", ["python", "yaml"])
def test_legacy_deployments_send_no_thinking_of_their_own(wire, form):
    """The baseline the comparison rests on: the legacy Router adds no
    thinking key itself, so the fixed one's is the one the fix put there."""
    need("litellm", "yaml")
    if form == "python":
        source = _pair(ROUTER, "", "")[0]
    else:
        source = PROXY_ROUTER.replace("CONFIG", repr(_pair(PROXY_CONFIG, "", "")[0]))
    sent = wire.run(source)
    assert [r.body["model"] for r in sent] == ["deepseek-chat", "deepseek-reasoner"]
    assert all("thinking" not in r.body and "extra_body" not in r.body for r in sent)
