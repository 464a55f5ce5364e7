"""Where the thinking rules point: the fast locator agrees with libcst's metadata."""

from conftest import REPO, scan


def test_positions_found_from_the_model_string_match_libcst_metadata(monkeypatch):
    from ds_migrate.python import check

    sources = [p.read_text() for p in (REPO / "examples").rglob("*.py") if "broken" not in str(p)]
    sources.append('client.chat.completions.create(temperature=0.5,\n    model="deepseek-reasoner", tools=t,\n    tool_choice="required")\n')
    sources.append(  # neighbours: the temperature= nearest the model string is the line above's
        'llm = ChatDeepSeek(model="deepseek-chat", temperature=0)\n'
        'llm2 = ChatDeepSeek(model="deepseek-reasoner", temperature=0)\n'
        'llm3 = ChatDeepSeek(model="deepseek-reasoner", temperature=0.5)\n'
    )
    sources.append(  # CRLF, a block's indentation, the model after the other keywords
        'def f():\r\n    if x:\r\n        r = c.chat.completions.create(temperature=0, tools=t,\r\n'
        '            messages=m, model="deepseek-reasoner",\r\n            tool_choice="required")\r\n'
    )
    fast = [[(f.code, f.line, f.column) for f in scan(s) if f.code.startswith("DSM2")] for s in sources]
    monkeypatch.setattr(check._Locator, "_anchor", lambda self, request: None)
    slow = [[(f.code, f.line, f.column) for f in scan(s) if f.code.startswith("DSM2")] for s in sources]
    assert fast == slow
    assert any(fast)
