"""DSM115 legacy-enum-model: a framework's enum member naming a retired id
at a request (CAMEL's ModelType); renamed at the request with its mode."""

from conftest import codes, fix, scan

HEAD = "from camel.models import ModelFactory\nfrom camel.types import ModelPlatformType, ModelType\n"
REQUEST = HEAD + "m = ModelFactory.create(model_platform=ModelPlatformType.DEEPSEEK, model_type=ModelType.DEEPSEEK_REASONER{})\n"


def test_member_at_a_request_is_reported_with_its_mode():
    (finding,) = scan(REQUEST.format(""))
    assert finding.code == "DSM115" and finding.legacy_name is None
    assert finding.message == (
        "Model ModelType.DEEPSEEK_REASONER ('deepseek-reasoner') is retired: "
        'use "deepseek-v4-flash" with thinking enabled'
    )
    source = REQUEST.format("")
    line = source.splitlines()[2]
    assert (finding.line, finding.column) == (3, line.index("ModelType.DEEPSEEK_REASONER") + 1)


def test_a_reasoner_forcing_a_tool_is_not_migrated():
    # V4 thinking answers a forced tool_choice with 400 (DSM204): no rename keeps it working
    source = REQUEST.format(', model_config_dict={"tool_choice": "required"}')
    (finding,) = [f for f in scan(source) if f.code == "DSM115"]
    assert finding.fix is None and "tool_choice" in finding.note
    assert fix(source, unsafe=True) == source


def test_target_option_picks_the_member_or_the_string():
    out = fix(REQUEST.format(""), target="deepseek-v4-pro")
    assert 'model_type="deepseek-v4-pro"' in out
    out = fix(REQUEST.format(""), target="deepseek-flash")
    assert 'model_type="deepseek-flash"' in out


def test_the_enum_definition_is_not_this_rule():
    source = 'from enum import Enum\n\n\nclass ModelType(str, Enum):\n    DEEPSEEK_CHAT = "deepseek-chat"\n'
    assert "DSM115" not in codes(source)
