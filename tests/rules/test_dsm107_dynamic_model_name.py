"""DSM107 dynamic-model-name: a model name built at run time from 'deepseek-';
reported, never fixed."""

from conftest import codes, fix


def test_dynamic_name_is_report_only():
    for before in ('m = f"deepseek-{kind}"\n', 'm = "deepseek-" + kind\n', 'm = "deepseek-{}".format(k)\n', 'm = "deepseek-%s" % k\n'):
        assert codes(before) == ["DSM107"], before
        assert fix(before, unsafe=True) == before


def test_js_template_literal():
    assert codes("const n = `deepseek-${kind}`;\n", path="a.js") == ["DSM107"]
