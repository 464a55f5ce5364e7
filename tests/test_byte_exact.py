"""Only the tokens that must change change: encodings, newlines, tabs."""

from conftest import fix, scan_result

CALL = 'client.chat.completions.create(model="deepseek-chat", messages=m)'
FIXED = 'client.chat.completions.create(model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "disabled"}})'


def test_crlf_stays_crlf():
    before = f"import x\r\n\r\ndef f():\r\n    return {CALL}\r\n".encode()
    after = fix(before)
    assert after == f"import x\r\n\r\ndef f():\r\n    return {FIXED}\r\n".encode()


def test_crlf_multiline_insertion_uses_crlf():
    before = b'r = client.chat.completions.create(\r\n    model="deepseek-chat",\r\n    messages=m,\r\n)\r\n'
    after = fix(before)
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.endswith(b'    extra_body={"thinking": {"type": "disabled"}},\r\n)\r\n')


def test_bom_is_kept():
    before = b"\xef\xbb\xbf" + f"{CALL}\n".encode()
    assert fix(before) == b"\xef\xbb\xbf" + f"{FIXED}\n".encode()


def test_latin1_cookie_is_kept_and_honoured():
    before = f"# -*- coding: latin-1 -*-\n# caf\xe9\n{CALL}\n".encode("latin-1")
    after = fix(before)
    assert after == f"# -*- coding: latin-1 -*-\n# caf\xe9\n{FIXED}\n".encode("latin-1")


def test_tabs_are_kept():
    before = f"def f():\n\treturn {CALL}\n".encode()
    assert fix(before) == f"def f():\n\treturn {FIXED}\n".encode()


def test_no_trailing_newline():
    assert fix(CALL.encode()) == FIXED.encode()


def test_file_without_legacy_names_is_untouched():
    source = b"# deepseek is great\nimport deepseek_sdk\nprint('deepseek-v4-flash')\n"
    assert fix(source) == source


def test_invalid_utf8_is_reported_and_searched_as_text():
    data = b'x = "\xff"\nclient.chat.completions.create(model="deepseek-chat")\n'
    result = scan_result(data)
    assert [f.legacy_name for f in result.findings] == ["deepseek-chat"]
    assert result.findings[0].line == 2
    assert "cannot decode" in result.errors[0].message
    assert fix(data) == data


def test_syntax_error_is_reported_and_searched_as_text():
    data = b'def f(:\n    return "deepseek-reasoner"\n'
    result = scan_result(data)
    assert [f.legacy_name for f in result.findings] == ["deepseek-reasoner"]
    assert "syntax error" in result.errors[0].message
    assert fix(data) == data


def test_a_tokenizer_error_is_placed_on_its_own_line():
    """libcst puts a bad character (``??``, TypeScript piped as Python) on
    line 1 wherever it is; CPython's parser says where (a sixth fresh reader)."""
    data = b'import os\n\nx = 1\ny = a ?? 2\nm = "deepseek-chat"\n'
    result = scan_result(data)
    assert result.errors[0].line == 4 and "syntax error at line 4" in result.errors[0].message
    assert [f.line for f in result.findings] == [5]


def test_binary_file_is_skipped():
    result = scan_result(b"\x00\x01deepseek-chat\x00")
    assert result.skipped and "binary" in result.skipped
    assert result.findings == []


def test_empty_file():
    result = scan_result(b"")
    assert result.findings == [] and result.errors == []
