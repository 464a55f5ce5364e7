"""PHP (openai-php): before/after pairs through tree-sitter (languages/php.py)."""

from conftest import codes, fix


def test_php_chat_create_array_gets_thinking():
    before = (
        "<?php\n"
        "$r = $client->chat()->create([\n"
        "    'model' => 'deepseek-reasoner',\n"
        "    'messages' => [['role' => 'user', 'content' => 'Hi']],\n"
        "]);\n"
    )
    after = (
        "<?php\n"
        "$r = $client->chat()->create([\n"
        "    'model' => 'deepseek-v4-flash',\n"
        "    'messages' => [['role' => 'user', 'content' => 'Hi']],\n"
        "    'thinking' => ['type' => 'enabled'],\n"
        "]);\n"
    )
    assert fix(before, path="a.php") == after


def test_php_streamed_on_one_line():
    before = "<?php\n$s = $client->chat()->createStreamed(['model' => 'deepseek-chat', 'messages' => $m]);\n"
    after = (
        "<?php\n$s = $client->chat()->createStreamed(['model' => 'deepseek-v4-flash', 'messages' => $m, "
        "'thinking' => ['type' => 'disabled']]);\n"
    )
    assert fix(before, path="a.php") == after


def test_php_shapes():
    source = (
        "<?php\n"
        "const MODEL = 'deepseek-chat';\n"
        "$m = getenv('MODEL') ?: 'deepseek-chat';\n"
        "if ($m === 'deepseek-reasoner') {}\n"
        "$prices = ['deepseek-chat' => 0.27, 'deepseek-reasoner' => 0.55];\n"
    )
    assert codes(source, path="a.php") == ["DSM103", "DSM104", "DSM105", "DSM106", "DSM106"]
    assert "['deepseek-chat' => 0.27, 'deepseek-reasoner' => 0.55]" in fix(source, unsafe=True, path="a.php")
