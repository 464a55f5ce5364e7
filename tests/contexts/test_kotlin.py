"""Kotlin (openai-java from Kotlin): before/after pairs (languages/kotlin.py)."""

from conftest import codes, fix


def test_kotlin_builder_and_named_arguments():
    before = (
        "fun f() {\n"
        "    val p = ChatCompletionCreateParams.builder()\n"
        '        .model("deepseek-chat")\n'
        "        .build()\n"
        '    val r = ChatCompletionRequest(model = ModelId("deepseek-reasoner"), messages = m)\n'
        "}\n"
    )
    after = (
        "fun f() {\n"
        "    val p = ChatCompletionCreateParams.builder()\n"
        '        .model("deepseek-v4-flash")\n'
        '        .putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(mapOf("type" to "disabled")))\n'
        "        .build()\n"
        '    val r = ChatCompletionRequest(model = ModelId("deepseek-v4-flash"), messages = m)\n'
        "}\n"
    )
    assert fix(before, path="a.kt") == after
    assert codes(before, path="a.kt") == ["DSM101", "DSM101"]


def test_kotlin_shapes():
    source = (
        'const val M = "deepseek-chat"\n'
        'val e = System.getenv("MODEL") ?: "deepseek-chat"\n'
        'fun f(m: String) = when (m) { "deepseek-chat" -> 1 else -> 2 }\n'
        'val t = mapOf("deepseek-chat" to 1, "deepseek-reasoner" to 2)\n'
    )
    assert codes(source, path="a.kts") == ["DSM103", "DSM104", "DSM105", "DSM106", "DSM106"]
    assert "mapOf(\"deepseek-chat\" to 1, \"deepseek-reasoner\" to 2)" in fix(source, unsafe=True, path="a.kts")
