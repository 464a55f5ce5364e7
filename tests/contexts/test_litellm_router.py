"""LiteLLM Router deployments: each ``litellm_params`` is a request
(python/router_deployments.py). Input -> expected output pairs, with the
ones that must not change."""

import pytest

from conftest import codes, fix, scan

ROUTER = 'from litellm import Router\n\nrouter = Router(model_list=[\n{entries}])\n'
ENTRY = '    {{"model_name": "{alias}", "litellm_params": {{{params}}}}},\n'


def _router(*entries: tuple[str, str], template: str = ROUTER) -> str:
    return template.format(entries="".join(ENTRY.format(alias=a, params=p) for a, p in entries))


def test_two_deployments_are_renamed_each_with_its_mode():
    before = _router(
        ("fast", '"model": "deepseek/deepseek-chat", "api_key": os.environ["DEEPSEEK_API_KEY"]'),
        ("smart", '"model": "deepseek/deepseek-reasoner", "api_key": os.environ["DEEPSEEK_API_KEY"]'),
    )
    after = _router(
        ("fast", '"model": "deepseek/deepseek-v4-flash", "api_key": os.environ["DEEPSEEK_API_KEY"], '
                 '"extra_body": {"thinking": {"type": "disabled"}}'),
        ("smart", '"model": "deepseek/deepseek-v4-flash", "api_key": os.environ["DEEPSEEK_API_KEY"], '
                  '"extra_body": {"thinking": {"type": "enabled"}}'),
    )
    assert codes(before) == ["DSM102", "DSM102"]  # requests, not a DSM114 merge
    assert fix(before) == after


def test_coder_becomes_non_thinking():
    before = _router(("code", '"model": "deepseek/deepseek-coder"'))
    after = _router(("code", '"model": "deepseek/deepseek-v4-flash", "extra_body": {"thinking": {"type": "disabled"}}'))
    assert fix(before) == after


def test_module_level_list_named_model_list():
    before = (
        "import litellm\n\nmodel_list = [\n"
        "    {'model_name': 'fast', 'litellm_params': {'model': 'deepseek/deepseek-chat'}},\n"
        "]\nrouter = litellm.Router(model_list=model_list)\n"
    )
    after = (
        "import litellm\n\nmodel_list = [\n"
        "    {'model_name': 'fast', 'litellm_params': {'model': 'deepseek/deepseek-v4-flash', "
        "'extra_body': {'thinking': {'type': 'disabled'}}}},\n"
        "]\nrouter = litellm.Router(model_list=model_list)\n"
    )
    assert fix(before) == after


def test_list_under_another_name_passed_to_the_router():
    before = (
        "from litellm.router import Router\n\nDEPLOYMENTS = [\n"
        '    {"model_name": "smart", "litellm_params": {\n'
        '        "model": "deepseek/deepseek-reasoner",\n'
        '        "api_base": "https://api.deepseek.com",\n'
        "    }},\n"
        "]\nrouter = Router(DEPLOYMENTS)\n"
    )
    after = (
        "from litellm.router import Router\n\nDEPLOYMENTS = [\n"
        '    {"model_name": "smart", "litellm_params": {\n'
        '        "model": "deepseek/deepseek-v4-flash",\n'
        '        "api_base": "https://api.deepseek.com",\n'
        '        "extra_body": {"thinking": {"type": "enabled"}},\n'
        "    }},\n"
        "]\nrouter = Router(DEPLOYMENTS)\n"
    )
    assert fix(before) == after


def test_existing_extra_body_gets_the_thinking_key():
    before = _router(("fast", '"model": "deepseek/deepseek-chat", "extra_body": {"top_k": 5}'))
    after = _router(
        ("fast", '"model": "deepseek/deepseek-v4-flash", "extra_body": {"top_k": 5, "thinking": {"type": "disabled"}}')
    )
    assert fix(before) == after


@pytest.mark.parametrize(
    "params",
    [
        '"model": "deepseek/deepseek-chat", "extra_body": {"thinking": {"type": "enabled"}}',
        '"model": "deepseek/deepseek-chat", "thinking": {"type": "disabled"}',
    ],
    ids=["in-extra-body", "thinking-key"],
)
def test_a_deployment_that_sets_thinking_keeps_it(params):
    before = _router(("fast", params))
    assert fix(before) == before.replace("deepseek/deepseek-chat", "deepseek/deepseek-v4-flash")


def test_extra_body_built_elsewhere_is_merged_only_with_unsafe_fixes():
    before = _router(("fast", '"model": "deepseek/deepseek-chat", "extra_body": EXTRA'))
    after = _router(
        ("fast", '"model": "deepseek/deepseek-v4-flash", "extra_body": {"thinking": {"type": "disabled"}, **EXTRA}')
    )
    assert fix(before) == before
    assert fix(before, unsafe=True) == after


@pytest.mark.parametrize(
    "params",
    [
        '"model": "openrouter/deepseek/deepseek-chat"',  # OpenRouter's own slug
        '"model": "deepseek/deepseek-chat", "api_base": "http://localhost:8000/v1"',  # another server
        '"model": "deepseek-chat", "api_base": "https://my-gateway.example.org/v1"',
    ],
    ids=["openrouter-slug", "local-server", "other-host"],
)
def test_other_providers_are_left_alone(params):
    before = _router(("fast", params), ("smart", params.replace("deepseek-chat", "deepseek-reasoner")))
    assert fix(before) == before
    assert fix(before, unsafe=True) == before
    assert set(codes(before)) == {"DSM110"}


def test_not_a_router_list_stays_a_map_of_two_ids():
    """Without ``litellm_params`` under a ``model_name``, a list of two ids is still DSM114's."""
    source = 'CONFIGS = [{"name": "fast", "model": "deepseek-chat"}, {"name": "smart", "model": "deepseek-reasoner"}]\n'
    assert codes(source) == ["DSM114", "DSM114"]
    assert fix(source, unsafe=True) == source


def test_forced_tool_choice_on_a_reasoner_deployment_is_refused():
    before = _router(("smart", '"model": "deepseek/deepseek-reasoner", "tool_choice": "required"'))
    assert fix(before, unsafe=True) == before
    (finding,) = scan(before)
    assert finding.code == "DSM102" and "DSM204" in (finding.note or "")


def test_thinking_form_omit_renames_only():
    before = _router(("fast", '"model": "deepseek/deepseek-chat"'))
    assert fix(before, thinking_form="omit") == before.replace("deepseek-chat", "deepseek-v4-flash")


# The LiteLLM proxy's config.yaml: the same deployments, handed to its Router as they are
PROXY = "model_list:\n{entries}general_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n"
BLOCK = "  - model_name: {alias}\n    litellm_params:\n{params}"


def _proxy(*entries: tuple[str, str]) -> str:
    return PROXY.format(entries="".join(BLOCK.format(alias=a, params=p) for a, p in entries))


def test_proxy_config_deployments_are_requests():
    before = _proxy(
        ("fast", "      model: deepseek/deepseek-chat\n      api_key: os.environ/DEEPSEEK_API_KEY\n"),
        ("smart", "      model: deepseek/deepseek-reasoner\n      api_key: os.environ/DEEPSEEK_API_KEY\n"),
    )
    after = _proxy(
        ("fast", "      model: deepseek/deepseek-v4-flash\n      extra_body: {thinking: {type: disabled}}\n"
                 "      api_key: os.environ/DEEPSEEK_API_KEY\n"),
        ("smart", "      model: deepseek/deepseek-v4-flash\n      extra_body: {thinking: {type: enabled}}\n"
                  "      api_key: os.environ/DEEPSEEK_API_KEY\n"),
    )
    assert codes(before, path="config.yaml") == ["DSM102", "DSM102"]
    assert fix(before, path="config.yaml") == after


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param(  # flow style: one more entry after the model, quotes kept
            '    litellm_params: {model: "deepseek/deepseek-coder", rpm: 10}\n',
            '    litellm_params: {model: "deepseek/deepseek-v4-flash", extra_body: {thinking: {type: disabled}}, rpm: 10}\n',
            id="flow",
        ),
        pytest.param(  # a comment after the model stays on its line
            "    litellm_params:\n      model: deepseek/deepseek-chat  # the quick one\n",
            "    litellm_params:\n      model: deepseek/deepseek-v4-flash  # the quick one\n"
            "      extra_body: {thinking: {type: disabled}}\n",
            id="comment",
        ),
        pytest.param(  # an extra_body mapping already there gets the key first
            "    litellm_params:\n      model: deepseek/deepseek-chat\n      extra_body:\n        top_k: 3\n",
            "    litellm_params:\n      model: deepseek/deepseek-v4-flash\n      extra_body:\n"
            "        thinking: {type: disabled}\n        top_k: 3\n",
            id="block-extra-body",
        ),
        pytest.param(
            "    litellm_params:\n      model: deepseek/deepseek-reasoner\n      extra_body: {top_k: 3}\n",
            "    litellm_params:\n      model: deepseek/deepseek-v4-flash\n      extra_body: {thinking: {type: enabled}, top_k: 3}\n",
            id="flow-extra-body",
        ),
    ],
)
def test_proxy_config_layouts(before, after):
    head = "model_list:\n  - model_name: m\n"
    assert fix(head + before, path="litellm.yaml") == head + after


def test_proxy_config_crlf_and_no_final_newline():
    before = "model_list:\r\n  - model_name: fast\r\n    litellm_params:\r\n      model: deepseek/deepseek-chat"
    after = (
        "model_list:\r\n  - model_name: fast\r\n    litellm_params:\r\n      model: deepseek/deepseek-v4-flash"
        "\r\n      extra_body: {thinking: {type: disabled}}"
    )
    assert fix(before, path="config.yaml") == after


@pytest.mark.parametrize(
    "params",
    [
        "      model: openrouter/deepseek/deepseek-chat\n",  # OpenRouter's own slug
        "      model: deepseek/deepseek-chat\n      api_base: http://localhost:11434\n",  # another server
        "      model: deepseek/deepseek-chat\n      api_base: https://gateway.example.org/v1\n",
    ],
    ids=["openrouter-slug", "local-server", "other-host"],
)
def test_proxy_config_other_providers_are_left_alone(params):
    before = _proxy(("fast", params), ("smart", params.replace("deepseek-chat", "deepseek-reasoner")))
    assert fix(before, path="config.yaml", unsafe=True) == before
    assert set(codes(before, path="config.yaml")) == {"DSM110"}


@pytest.mark.parametrize(
    "params",
    [
        "      model: deepseek/deepseek-chat\n      extra_body:\n        thinking: {type: enabled}\n",
        "      model: deepseek/deepseek-chat\n      thinking: {type: disabled}\n",
    ],
    ids=["in-extra-body", "thinking-key"],
)
def test_proxy_config_deployment_that_sets_thinking_keeps_it(params):
    before = _proxy(("fast", params))
    assert fix(before, path="config.yaml") == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_extra_body_from_an_anchor_waits_for_unsafe_fixes():
    before = (
        "x-extra: &extra {top_k: 3}\nmodel_list:\n  - model_name: fast\n    litellm_params:\n"
        "      model: deepseek/deepseek-chat\n      extra_body: *extra\n"
    )
    assert fix(before, path="config.yaml") == before
    assert fix(before, path="config.yaml", unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_a_yaml_list_that_is_not_a_proxy_config_stays_a_config_value():
    source = "agents:\n  - name: fast\n    model: deepseek/deepseek-chat\n"
    assert codes(source, path="config.yaml") == ["DSM103"]


def test_extra_body_shared_through_an_anchor_is_not_edited():
    """Two deployments of different modes share one anchored extra_body: a
    key inserted there would reach both."""
    before = (
        "model_list:\n  - model_name: fast\n    litellm_params:\n      model: deepseek/deepseek-chat\n"
        "      extra_body: &extra\n        top_k: 3\n"
        "  - model_name: smart\n    litellm_params:\n      model: deepseek/deepseek-reasoner\n      extra_body: *extra\n"
    )
    assert fix(before, path="config.yaml") == before
    assert fix(before, path="config.yaml", unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "deepseek-reasoner", "deepseek-v4-flash"
    )


def test_a_legacy_model_name_is_the_routers_lookup_key():
    """The alias callers ask for selects a deployment (role "route"): reported
    (DSM106, or DSM114 with a second retired alias), renamed only with its
    callers; and once its deployment names a V4 id it is still that, not
    compat code beside a V4 id (DSM113), or a second run would rename callers
    away from it."""
    one = _router(("deepseek-chat", '"model": "deepseek/deepseek-chat"'))
    findings = scan(one)
    assert [(f.code, f.role) for f in findings] == [("DSM106", "route"), ("DSM102", "request")]
    two = _router(("deepseek-chat", '"model": "deepseek/deepseek-chat"'), ("deepseek-reasoner", '"model": "deepseek/deepseek-reasoner"'))
    assert [(f.code, f.role) for f in scan(two)][::2] == [("DSM114", "route"), ("DSM114", "route")]
    migrated = _router(("deepseek-chat", '"model": "deepseek/deepseek-v4-flash", "extra_body": {"thinking": {"type": "disabled"}}'))
    assert [(f.code, f.role) for f in scan(migrated)] == [("DSM106", "route")]


def test_deployment_appended_to_the_model_list():
    before = (
        "from litellm import Router\n\ndeployments = []\n"
        "deployments.append({'model_name': 'smart', 'litellm_params': {'model': 'deepseek/deepseek-reasoner'}})\n"
        "router = Router(model_list=deployments)\n"
    )
    after = before.replace(
        "'deepseek/deepseek-reasoner'}", "'deepseek/deepseek-v4-flash', 'extra_body': {'thinking': {'type': 'enabled'}}}"
    )
    assert fix(before) == after


def test_an_entry_shaped_dict_outside_any_model_list_is_not_a_deployment():
    source = "ENTRY = {'model_name': 'fast', 'litellm_params': {'model': 'deepseek/deepseek-chat'}}\n"
    assert "DSM102" not in codes(source)


def test_a_proxy_model_name_that_is_a_retired_id_is_kept():
    """Clients of the proxy ask for the model_name: it stays in both tiers,
    reported with the choice it leaves; the deployment behind it migrates."""
    before = _proxy(("deepseek-chat", "      model: deepseek/deepseek-chat\n"))
    after = _proxy(("deepseek-chat", "      model: deepseek/deepseek-v4-flash\n      extra_body: {thinking: {type: disabled}}\n"))
    assert fix(before, path="config.yaml", unsafe=True) == after
    alias, model = scan(before, path="config.yaml")
    assert (alias.code, alias.role, alias.fix, alias.line) == ("DSM106", "route", None, 2)
    assert (model.code, model.line) == ("DSM102", 4)
