"""The same shape gets the same finding, in the same words, in every kind of
file (the words are built in rules/messages.py)."""

import pytest

from conftest import scan

DYNAMIC = {
    "app.py": 'model = f"deepseek-{kind}"\n',
    "app.ts": "const model = `deepseek-${kind}`;\n",
    "main.go": 'package main\n\nvar model = fmt.Sprintf("deepseek-%s", kind)\n',
    "A.java": 'class A { String model = "deepseek-" + kind; }\n',
    "app.rb": 'model = "deepseek-#{kind}"\n',
}


def _only(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings]
    return found[0]


@pytest.mark.parametrize("path", sorted(DYNAMIC))
def test_dynamic_name_is_reported_with_one_message_in_every_language(path):
    finding = _only(scan(DYNAMIC[path], path), "DSM107")
    assert finding.message == _only(scan(DYNAMIC["app.py"], "app.py"), "DSM107").message
    assert finding.end_column - finding.column == len("deepseek-")


def test_java_literal_concatenated_after_deepseek_dash_is_a_dynamic_name():
    # this shape used to crash the backend scan (a bool where a match was expected)
    finding = _only(scan(DYNAMIC["A.java"], "A.java"), "DSM107")
    assert (finding.line, finding.column) == (1, 27)


def test_plain_deepseek_dash_string_in_java_is_not_a_dynamic_name():
    assert "DSM107" not in [f.code for f in scan('class A { String p = "deepseek-"; }\n', "A.java")]


SAME_SHAPE = [
    (
        "DSM105",
        {
            "app.py": 'if model == "deepseek-reasoner":\n    pass\n',
            "app.js": 'if (model === "deepseek-reasoner") {}\n',
            "main.go": 'package main\n\nfunc f(model string) bool { return model == "deepseek-reasoner" }\n',
        },
        "Comparison with retired model 'deepseek-reasoner': it becomes 'deepseek-v4-flash' in either "
        "thinking mode; review the branch",
    ),
    (
        "DSM103",
        {
            "app.py": 'MODEL = "deepseek-chat"\n',
            "app.js": 'const MODEL = "deepseek-chat";\n',
            "main.go": 'package main\n\nconst Model = "deepseek-chat"\n',
        },
        "Constant 'deepseek-chat' is retired: use 'deepseek-v4-flash' with thinking disabled",
    ),
]
_TABLE = "the current model is 'deepseek-v4-flash' (thinking on or off is one model); review the table"
_CAPABILITY = "add an entry or branch for 'deepseek-v4-flash' instead of renaming it"
SAME_SHAPE += [
    (
        "DSM106",
        {
            "app.py": 'LABELS = {"deepseek-chat": "Fast"}\n',
            "app.js": 'const LABELS = { "deepseek-chat": "Fast" };\n',
            "main.go": 'package main\n\nvar labels = map[string]string{"deepseek-chat": "Fast"}\n',
        },
        f"Retired model 'deepseek-chat' as key of a table: {_TABLE}",
    ),
    (
        "DSM106",
        {
            "list.py": 'MODELS = ["deepseek-chat", "gpt-4o"]\n',
            "list.js": 'const MODELS = ["deepseek-chat", "gpt-4o"];\n',
            "list.rb": 'MODELS = ["deepseek-chat", "gpt-4o"]\n',
        },
        f"Retired model 'deepseek-chat' as member of a collection: {_TABLE}",
    ),
    (
        "DSM112",
        {
            "prices.py": 'PRICES = {"deepseek-chat": 0.28}\n',
            "prices.ts": 'const PRICES = { "deepseek-chat": 0.28 };\n',
        },
        "Retired model 'deepseek-chat' in a capability table or predicate "
        f"(prices, limits or sizes): {_CAPABILITY}",
    ),
    (
        "DSM112",
        {
            "thinks.py": 'def thinks(model):\n    return model.startswith("deepseek-reasoner")\n',
            "thinks.js": 'const thinks = (model) => model.startsWith("deepseek-reasoner");\n',
        },
        f"Retired model 'deepseek-reasoner' in a capability table or predicate (prefix predicate): {_CAPABILITY}",
    ),
]
CASES = [(code, path, source, message) for code, sources, message in SAME_SHAPE for path, source in sources.items()]


@pytest.mark.parametrize("code, path, source, message", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_same_shape_reads_the_same_in_every_language(code, path, source, message):
    assert _only(scan(source, path), code).message == message


@pytest.mark.parametrize(
    "path, source",
    [
        ("tests/cassettes/chat.yaml", "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n"),
        ("runs/last.json", '{"object": "chat.completion", "model": "deepseek-chat", "choices": []}\n'),
        ("tests/fixtures/reply.json", '{"model": "deepseek-chat"}\n'),
        ("package-lock.json", '{"lockfileVersion": 3, "note": "deepseek-chat"}\n'),
    ],
)
def test_recorded_data_is_reported_in_every_kind_of_file(path, source):
    finding = _only(scan(source, path), "DSM111")
    assert finding.fix is None and finding.message.startswith("Retired model name 'deepseek-chat' in ")
