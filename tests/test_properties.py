"""Property tests: every occurrence accounted for, fix idempotent and parseable."""

import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds_migrate.deepseek.names import find_legacy_names

from conftest import fix, scan_result

NAMES = st.sampled_from(
    [
        "deepseek-chat",
        "deepseek-reasoner",
        "deepseek-coder",
        "DeepSeek-Chat",
        "deepseek/deepseek-chat",
        "deepseek:deepseek-reasoner",
        "deepseek-chat-v3-0324",
        "openrouter/deepseek/deepseek-chat",
        "deepseek-v4-flash",
        "gpt-4o",
    ]
)

TEMPLATES = st.sampled_from(
    [
        'client.chat.completions.create(model="{n}", messages=m)',
        "client.chat.completions.create(\n    model='{n}',\n    messages=m,\n)",
        'MODEL = "{n}"',
        'x = os.getenv("M", "{n}")',
        'PRICES = {{"{n}": 1}}',
        'if m == "{n}":\n    pass',
        "# about {n}",
        'log("{n} and {n}")',
        'body = {{"model": "{n}", "messages": []}}\nhttpx.post(u, json=body)',
        'llm = ChatDeepSeek(model="{n}")',
        'f"{n} {{x}}"',
        'def f(model="{n}"):\n    """Uses {n}."""',
        'litellm.completion(model="{n}", messages=m, extra_body=eb)',
        "x = [\n    '{n}',  # {n}\n]",
    ]
)


@st.composite
def programs(draw):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        lines.append(draw(TEMPLATES).format(n=draw(NAMES)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


COMMON = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(programs())
def test_every_occurrence_is_accounted_for(source):
    result = scan_result(source)
    legacy = [f for f in result.findings + result.suppressed if f.legacy_name]
    assert len(legacy) == len(find_legacy_names(source))


@COMMON
@given(programs(), st.booleans())
def test_fix_output_parses_and_is_idempotent(source, unsafe):
    once = fix(source, unsafe=unsafe)
    cst.parse_module(once)
    assert fix(once, unsafe=unsafe) == once


@COMMON
@given(programs())
def test_after_unsafe_fix_only_refused_or_report_only_findings_remain(source):
    from ds_migrate.analyse import Options, choose_fixes

    fixed = fix(source, unsafe=True)
    result = scan_result(fixed)
    still = choose_fixes(result, Options(unsafe_fixes=True))
    assert not still, [(f.code, f.message) for f in still]
    # what keeps a fix from applying is said on the finding
    for finding in result.findings:
        if finding.fix is not None:
            assert "not renamed" in (finding.explanation or ""), finding


@COMMON
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_text_without_legacy_name_comes_back_identical(text):
    source = f"x = {text!r}\n# {text.splitlines()[0] if text.splitlines() else ''}\n"
    if find_legacy_names(source):
        return
    assert fix(source, unsafe=True) == source


STRING_BODIES = st.text(alphabet=st.sampled_from(list("ab'\"\\\r\n {}x")), max_size=12)


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
@settings(max_examples=300, deadline=None)
@given(body=STRING_BODIES, quote=st.sampled_from(["'", '"', "'''", '"""']), prefix=st.sampled_from(["", "r", "b", "u", "R"]))
def test_string_value_agrees_with_libcst(body, quote, prefix):
    from ds_migrate.python.syntax import string_value

    try:
        node = cst.parse_expression(f"{prefix}{quote}{body}{quote}")
    except (cst.ParserSyntaxError, cst.CSTValidationError):
        return
    if not isinstance(node, cst.SimpleString):
        return
    try:
        expected = node.evaluated_value
    except (SyntaxError, ValueError):
        return
    assert string_value(node) == (expected if isinstance(expected, str) else None)
