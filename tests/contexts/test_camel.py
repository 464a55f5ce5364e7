"""CAMEL's ModelFactory.create with the DeepSeek platform: the mode goes
into model_config_dict in the form the pinned CAMEL takes (contexts/camel.py),
and a retired ModelType member at the request is renamed (rules/enum_model.py)."""

import pytest

from conftest import fix, scan
from projects import project

HEAD = "from camel.configs import DeepSeekConfig\nfrom camel.models import ModelFactory\nfrom camel.types import ModelPlatformType, ModelType\n"


def create(model_type: str, *rest: str) -> str:
    args = ", ".join(["model_platform=ModelPlatformType.DEEPSEEK", f"model_type={model_type}", *rest])
    return HEAD + f"m = ModelFactory.create({args})\n"


def test_member_without_a_config_unpinned(tmp_path):
    path = project(tmp_path, {})
    assert fix(create("ModelType.DEEPSEEK_REASONER"), path=path) == create(
        '"deepseek-v4-flash"', 'model_config_dict={"extra_body": {"thinking": {"type": "enabled"}}}'
    )


def test_member_with_a_config_unpinned_spreads_it(tmp_path):
    before = create("ModelType.DEEPSEEK_CHAT", "model_config_dict=DeepSeekConfig(temperature=0).as_dict()")
    assert fix(before, path=project(tmp_path, {})) == create(
        '"deepseek-v4-flash"',
        'model_config_dict={**DeepSeekConfig(temperature=0).as_dict(), "extra_body": {"thinking": {"type": "disabled"}}}',
    )


@pytest.mark.parametrize(
    "pin, expected",
    [
        pytest.param(
            "camel-ai==0.2.90",
            create('"deepseek-v4-flash"', 'model_config_dict={**DeepSeekConfig(temperature=0).as_dict(), "extra_body": {"thinking": {"type": "disabled"}}}'),
            id="0.2.90-no-member",
        ),
        pytest.param(
            "camel-ai==0.2.91a5",
            create("ModelType.DEEPSEEK_V4_FLASH", 'model_config_dict=DeepSeekConfig(temperature=0, thinking={"type": "disabled"}).as_dict()'),
            id="0.2.91a5-member-and-config",
        ),
    ],
)
def test_form_by_pinned_version(tmp_path, pin, expected):
    before = create("ModelType.DEEPSEEK_CHAT", "model_config_dict=DeepSeekConfig(temperature=0).as_dict()")
    assert fix(before, path=project(tmp_path, {"requirements.txt": pin + "\n"})) == expected


def test_camel_itself_uses_its_own_v4_member(tmp_path):
    enums = 'class ModelType(str, Enum):\n    DEEPSEEK_V4_FLASH = "deepseek-v4-flash"\n    DEEPSEEK_CHAT = "deepseek-chat"\n'
    path = project(tmp_path, {"camel/types/enums.py": enums})
    assert fix(create("ModelType.DEEPSEEK_REASONER"), path=path) == create(
        "ModelType.DEEPSEEK_V4_FLASH", 'model_config_dict={"extra_body": {"thinking": {"type": "enabled"}}}'
    )


def test_a_config_dict_literal_gets_an_extra_body_entry(tmp_path):
    before = create("ModelType.DEEPSEEK_CHAT", 'model_config_dict={"temperature": 0}')
    assert fix(before, path=project(tmp_path, {})) == create(
        '"deepseek-v4-flash"', 'model_config_dict={"temperature": 0, "extra_body": {"thinking": {"type": "disabled"}}}'
    )


def test_a_config_from_elsewhere_is_renamed_and_says_where_the_mode_goes(tmp_path):
    before = create("ModelType.DEEPSEEK_CHAT", "model_config_dict=CONFIG")
    path = project(tmp_path, {})
    assert fix(before, path=path) == create('"deepseek-v4-flash"', "model_config_dict=CONFIG")
    (finding,) = scan(before, path=path)
    assert finding.code == "DSM115" and "set thinking disabled in model_config_dict" in finding.note


def test_a_mode_already_set_is_kept(tmp_path):
    before = create("ModelType.DEEPSEEK_REASONER", 'model_config_dict={"extra_body": {"thinking": {"type": "enabled"}}}')
    assert fix(before, path=project(tmp_path, {})) == before.replace("ModelType.DEEPSEEK_REASONER", '"deepseek-v4-flash"')


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(HEAD + "m = ModelFactory.create(model_platform=ModelPlatformType.OPENAI, model_type=ModelType.GPT_4O)\n", id="other-platform"),
        pytest.param(HEAD + "m = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type=ModelType.DEEPSEEK_V4_FLASH)\n", id="already-v4"),
        pytest.param(HEAD + "m = ModelFactory.create(model_platform=ModelPlatformType.COMETAPI, model_type=ModelType.COMETAPI_DEEPSEEK_CHAT)\n", id="cometapi-member"),
        pytest.param("from enum import Enum\n\n\nclass ModelType(str, Enum):\n    DEEPSEEK_CHAT = 1\n\n\nx = ModelType.DEEPSEEK_CHAT\n", id="not-camel"),
    ],
)
def test_left_alone(tmp_path, source):
    assert fix(source, path=project(tmp_path, {}), unsafe=True) == source
