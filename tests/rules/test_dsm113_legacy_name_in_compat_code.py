"""DSM113 legacy-name-in-compat-code: a retired name beside a V4 id, in code that
already handles both: left as is."""

from conftest import codes, fix


def test_table_key_already_holding_target_is_refused():
    before = 'PRICES = {"deepseek-v4-flash": 0.28, "deepseek-chat": 0.27}\n'
    assert fix(before, unsafe=True) == before


def test_a_function_that_already_routes_v4_ids_is_compat_code():
    before = (
        'function pick(m) {\n  if (m.includes("deepseek-v4-pro")) return "pro";\n'
        '  if (m.includes("deepseek-reasoner")) return "flash";\n  return "flash";\n}\n'
    )
    assert codes(before, path="a.js") == ["DSM113"]
    assert fix(before, path="a.js", unsafe=True) == before
