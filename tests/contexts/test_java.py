"""Java (openai-java): before/after pairs through tree-sitter (languages/java.py)."""

import pytest

from conftest import codes, fix, renamed, scan


def test_java_builder_gets_the_additional_body_property():
    before = (
        "class A {\n"
        "  void f() {\n"
        "    var params = ChatCompletionCreateParams.builder()\n"
        '        .addUserMessage("hi")\n'
        '        .model("deepseek-reasoner")\n'
        "        .build();\n"
        "  }\n"
        "}\n"
    )
    after = (
        "class A {\n"
        "  void f() {\n"
        "    var params = ChatCompletionCreateParams.builder()\n"
        '        .addUserMessage("hi")\n'
        '        .model("deepseek-v4-flash")\n'
        '        .putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(java.util.Collections.singletonMap("type", "enabled")))\n'
        "        .build();\n"
        "  }\n"
        "}\n"
    )
    assert fix(before, path="A.java") == after


def test_java_uses_the_imported_names_on_one_line():
    before = (
        "import com.openai.core.JsonValue;\nimport java.util.*;\n"
        'class A { Object p = ChatCompletionCreateParams.builder().model("deepseek-chat").build(); }\n'
    )
    after = (
        "import com.openai.core.JsonValue;\nimport java.util.*;\n"
        'class A { Object p = ChatCompletionCreateParams.builder().model("deepseek-v4-flash")'
        '.putAdditionalBodyProperty("thinking", JsonValue.from(Collections.singletonMap("type", "disabled"))).build(); }\n'
    )
    assert fix(before, path="A.java") == after


def test_java_builder_that_sets_thinking_keeps_it():
    before = (
        'class A { Object p = ChatCompletionCreateParams.builder().model("deepseek-chat")'
        '.putAdditionalBodyProperty("thinking", x).build(); }\n'
    )
    assert fix(before, path="A.java") == renamed(before)


def test_java_other_model_calls_are_renamed_with_a_note():
    before = 'class A { Object b = SomeClient.builder().model("deepseek-chat").build(); }\n'
    assert fix(before, path="A.java") == renamed(before)
    (finding,) = scan(before, path="A.java")
    assert finding.code == "DSM101" and "putAdditionalBodyProperty" in finding.note


def test_java_shapes():
    source = (
        "class A {\n"
        '  static final String M = "deepseek-chat";\n'
        '  static final String E = System.getenv().getOrDefault("MODEL", "deepseek-chat");\n'
        '  enum Tier { FAST("deepseek-chat"), DEEP("deepseek-reasoner") }\n'
        '  boolean r(String m) { return m.equals("deepseek-reasoner"); }\n'
        "}\n"
    )
    assert codes(source, path="A.java") == ["DSM103", "DSM104", "DSM106", "DSM106", "DSM105"]
    # the enum never merges, and every other use of both ids stays with it
    assert fix(source, unsafe=True, path="A.java") == source


# A private constant only the file's .model(...) calls read is the model of
# those requests (a live integration test's DEEPSEEK_DEFAULT_MODEL).
LIVE_TEST = (
    'class LiveIT {\n'
    '  private static final String URL = "https://api.deepseek.com";\n'
    '  private static final String MODEL = "deepseek-chat";\n'
    '  void a() { Options.builder().model(MODEL).build(); }\n'
    '  void b() { Options.builder()\n'
    '      .model(MODEL).build(); }\n'
    '}\n'
)


def _constant(source, path="src/test/java/LiveIT.java"):
    return next(f for f in scan(source, path=path) if f.legacy_name)


def test_java_private_constant_read_only_by_requests_is_a_request_and_names_them():
    found = _constant(LIVE_TEST)
    assert (found.code, found.role) == ("DSM103", "live-request")
    assert "on line 4, 6" in found.note and "thinking disabled" in found.note
    assert fix(LIVE_TEST, path="src/test/java/LiveIT.java") == renamed(LIVE_TEST)


def test_java_constant_without_deepseeks_host_is_a_request_not_a_live_one():
    source = LIVE_TEST.replace("https://api.deepseek.com", "http://localhost:8080")
    assert _constant(source).role == "request"


def test_java_constant_that_is_public_or_read_elsewhere_stays_a_plain_constant():
    public = LIVE_TEST.replace("private static final String MODEL", "public static final String MODEL")
    logged = LIVE_TEST.replace("void a() {", 'void a() { log.info(MODEL);')
    for source in (public, logged):
        found = _constant(source)
        assert found.role == "value" and "requests that read it" not in (found.note or "")  # DSM103's own role


# A body map built in place and sent as JSON (OkHttp + Jackson): DSM201 at its
# model, the line to add in the note; added with --assume-mode.
BODY_MAP = (
    "class DeepSeekClient {\n"
    "  String chat(List<Object> messages) {\n"
    "    Map<String, Object> body = new HashMap<>();\n"
    '    body.put("model", config.getModel());\n'
    '    body.put("messages", messages);\n'
    "    return post(body);\n"
    "  }\n"
    "}\n"
)


def test_java_body_map_without_thinking_is_dsm201_with_the_line_to_add():
    found = [f for f in scan(BODY_MAP, path="DeepSeekClient.java") if f.code == "DSM201"]
    assert [(f.line, f.fix) for f in found] == [(4, None)]
    assert 'body.put("thinking", java.util.Collections.singletonMap("type", "disabled|enabled"));' in found[0].note
    assert fix(BODY_MAP, path="DeepSeekClient.java") == BODY_MAP


def test_java_body_map_gets_the_mode_it_is_told():
    after = BODY_MAP.replace(
        '    body.put("model", config.getModel());\n',
        '    body.put("model", config.getModel());\n'
        '    body.put("thinking", java.util.Collections.singletonMap("type", "disabled"));\n',
    )
    assert fix(BODY_MAP, path="DeepSeekClient.java", assume_mode="disabled") == after


@pytest.mark.parametrize("source", [
    BODY_MAP.replace('    body.put("messages", messages);\n', ""),  # not a chat body
    BODY_MAP.replace("    return post(body);\n", '    body.put("thinking", Map.of("type", "disabled"));\n    return post(body);\n'),
    BODY_MAP.replace("DeepSeekClient", "LlmClient"),  # nothing says DeepSeek
    BODY_MAP.replace("class DeepSeekClient {", 'class DeepSeekClient {\n  String url = "https://api.openai.com/v1";'),
])
def test_java_body_maps_left_alone(source):
    assert "DSM201" not in codes(source, path="DeepSeekClient.java")
    assert fix(source, path="DeepSeekClient.java", assume_mode="disabled") == source


def test_java_string_map_gets_the_note_but_no_edit():
    source = BODY_MAP.replace("Map<String, Object> body", "Map<String, String> body")
    assert fix(source, path="DeepSeekClient.java", assume_mode="disabled") == source
    assert "DSM201" in codes(source, path="DeepSeekClient.java", assume_mode="disabled")
