"""CAMEL's ModelFactory on the wire: a retired enum member at the request
(rules/enum_model.py) and the mode in model_config_dict, in the form that
works on every version (unpinned) and in the one the pinned CAMEL takes."""

from __future__ import annotations

import pytest

from packaging.version import Version

from ds_migrate.deepseek.forms import FORMS, _at_least
from wire_harness import installed, need

HEAD = """from camel.configs import DeepSeekConfig
from camel.models import ModelFactory
from camel.types import ModelPlatformType, ModelType

"""
RUN = '\nreply = model.run([{"role": "user", "content": "Hello"}])\nassert reply.choices[0].message.content == "ok"\n'
MEMBERS = {"deepseek-chat": "DEEPSEEK_CHAT", "deepseek-reasoner": "DEEPSEEK_REASONER"}
CASES = [("deepseek-chat", "disabled"), ("deepseek-reasoner", "enabled")]


def _create(model_type: str, config: str | None) -> str:
    config_arg = f"    model_config_dict={config},\n" if config is not None else ""
    return (
        HEAD + "model = ModelFactory.create(\n    model_platform=ModelPlatformType.DEEPSEEK,\n"
        f'    model_type={model_type},\n    url="https://api.deepseek.com",\n    api_key="sk-test",\n'
        f"{config_arg})\n" + RUN
    )


def _thinking(mode: str) -> str:
    return '{"thinking": {"type": "' + mode + '"}}'


@pytest.mark.parametrize("legacy, mode", CASES)
def test_camel_unpinned_member_without_config(wire, legacy, mode):
    need("camel")
    before = _create(f"ModelType.{MEMBERS[legacy]}", None)
    after = _create('"deepseek-v4-flash"', '{"extra_body": ' + _thinking(mode) + "}")
    wire.check(before, after)


@pytest.mark.parametrize("legacy, mode", CASES)
def test_camel_unpinned_member_with_a_config(wire, legacy, mode):
    need("camel")
    before = _create(f"ModelType.{MEMBERS[legacy]}", "DeepSeekConfig(temperature=0.2).as_dict()")
    after = _create(
        '"deepseek-v4-flash"', '{**DeepSeekConfig(temperature=0.2).as_dict(), "extra_body": ' + _thinking(mode) + "}"
    )
    wire.check(before, after)


@pytest.mark.parametrize("legacy, mode", CASES)
def test_camel_pinned_to_this_version(wire, legacy, mode):
    need("camel")
    version = installed("camel-ai")
    before = _create(f"ModelType.{MEMBERS[legacy]}", "DeepSeekConfig(temperature=0.2).as_dict()")
    if _at_least(Version(version), FORMS["camel"]["members_since"]):
        after = _create(
            "ModelType.DEEPSEEK_V4_FLASH", 'DeepSeekConfig(temperature=0.2, thinking={"type": "' + mode + '"}).as_dict()'
        )
    else:
        after = _create(
            '"deepseek-v4-flash"', '{**DeepSeekConfig(temperature=0.2).as_dict(), "extra_body": ' + _thinking(mode) + "}"
        )
    pyproject = f'[project]\nname = "app"\nversion = "0"\ndependencies = ["camel-ai=={version}"]\n'
    wire.check(before, after, files={"pyproject.toml": pyproject})
