"""curl -d '{...}' in shell scripts and Markdown: the JSON body gets a thinking
key in its own layout (languages/curl_json.py)."""

from conftest import codes, fix, scan

CURL = (
    "curl https://api.deepseek.com/chat/completions \\\n"
    '  -H "Content-Type: application/json" \\\n'
    '  -H "Authorization: Bearer ${DEEPSEEK_API_KEY}" \\\n'
    "  -d '{\n"
    '        "model": "deepseek-chat",\n'
    '        "messages": [\n'
    '          {"role": "user", "content": "Hello!"}\n'
    "        ],\n"
    '        "stream": false\n'
    "      }'\n"
)


def test_curl_multiline_body_gets_thinking_in_its_layout():
    after = CURL.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        '"stream": false\n', '"stream": false,\n        "thinking": {"type": "disabled"}\n'
    )
    assert fix(CURL, path="call.sh") == after
    assert codes(CURL, path="call.sh") == ["DSM102"]


def test_curl_compact_body_keeps_its_compact_style():
    before = "curl -s \"$URL\" --data-raw '{\"model\":\"deepseek-reasoner\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'\n"
    after = "curl -s \"$URL\" --data-raw '{\"model\":\"deepseek-v4-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"thinking\":{\"type\":\"enabled\"}}'\n"
    assert fix(before, path="run.sh") == after


def test_curl_body_must_not_change_beyond_the_rename():
    thinking = "curl https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": [], \"thinking\": {\"type\": \"enabled\"}}'\n"
    assert fix(thinking, path="a.sh") == thinking.replace("deepseek-chat", "deepseek-v4-flash")
    fim = "curl https://api.deepseek.com/beta/completions -d '{\"model\": \"deepseek-chat\", \"prompt\": \"def f(\"}'\n"
    assert "thinking" not in fix(fim, path="a.sh")
    other_host = "curl https://openrouter.ai/api/v1/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": []}'\n"
    assert "thinking" not in fix(other_host, path="a.sh")
    not_json = "curl https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": '\"$M\"'}'\n"
    assert "thinking" not in fix(not_json, path="a.sh")
    no_curl = "http POST https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": []}'\n"
    assert "thinking" not in fix(no_curl, path="a.sh")


def test_curl_in_a_markdown_block_is_fixed_with_unsafe_fixes():
    before = "# Try it\n\n```bash\n" + CURL + "```\n"
    fixed = fix(before, path="README.md", unsafe=True)
    assert '"thinking": {"type": "disabled"}' in fixed and "deepseek-v4-flash" in fixed
    assert fix(before, path="README.md") == before


def test_curl_current_body_with_mode_is_left_alone():
    source = "curl https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-v4-flash\", \"messages\": [], \"thinking\": {\"type\": \"enabled\"}}'\n"
    assert scan(source, path="a.sh") == []
    assert fix(source, path="a.sh", unsafe=True) == source
