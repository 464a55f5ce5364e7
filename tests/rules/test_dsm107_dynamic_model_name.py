"""DSM107 dynamic-model-name: a model name built at run time from 'deepseek-';
reported, never fixed."""

import pytest

from conftest import codes, fix, scan


@pytest.mark.parametrize(
    "before",
    [
        pytest.param('m = f"deepseek-{kind}"\n', id="f-string"),
        pytest.param('m = "deepseek-" + kind\n', id="concatenation"),
        pytest.param('m = "deepseek-{}".format(k)\n', id="str-format"),
        pytest.param('m = "deepseek-%s" % k\n', id="percent-format"),
    ],
)
def test_dynamic_name_is_report_only(before):
    assert codes(before) == ["DSM107"]
    assert fix(before, unsafe=True) == before


def test_js_template_literal():
    assert codes("const n = `deepseek-${kind}`;\n", path="a.js") == ["DSM107"]


def test_name_built_from_another_prefix_is_not_reported():
    assert scan('m = f"gpt-{kind}"\n') == []


def test_name_built_from_a_v4_prefix_is_not_reported():
    assert scan('m = f"deepseek-v4-{size}"\n') == []
