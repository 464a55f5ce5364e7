"""Shell scripts and Dockerfiles read with tree-sitter's bash grammar (issue 23):
assignments, expansion defaults, command arguments, tests, heredocs, curl bodies."""

import pytest

from conftest import codes, fix, scan

CURL_CRLF = (
    "curl https://api.deepseek.com/chat/completions \\\r\n"
    '  -H "Content-Type: application/json" \\\r\n'
    "  -d '{\r\n"
    '    "model": "deepseek-reasoner",\r\n'
    '    "messages": [{"role": "user", "content": "Hi"}]\r\n'
    "  }'\r\n"
)


def test_crlf_curl_body_gets_its_toggle_with_crlf():
    assert codes(CURL_CRLF, path="ask.sh") == ["DSM102"]
    after = CURL_CRLF.replace("deepseek-reasoner", "deepseek-v4-flash").replace(
        '"content": "Hi"}]\r\n', '"content": "Hi"}],\r\n    "thinking": {"type": "enabled"}\r\n'
    )
    assert fix(CURL_CRLF, path="ask.sh") == after


def test_curl_data_with_equals_sign():
    before = "curl https://api.deepseek.com/chat/completions --data='{\"model\":\"deepseek-chat\",\"messages\":[]}'\n"
    after = "curl https://api.deepseek.com/chat/completions --data='{\"model\":\"deepseek-v4-flash\",\"messages\":[],\"thinking\":{\"type\":\"disabled\"}}'\n"
    assert fix(before, path="a.sh") == after


HEREDOC = (
    "MODEL=deepseek-chat\n"
    "cat > prompt.txt <<'EOF'\n"
    "Reply in YAML like:\n"
    "model: deepseek-reasoner\n"
    "EOF\n"
)


def test_heredoc_is_text_not_a_value():
    assert codes(HEREDOC, path="run.sh") == ["DSM103", "DSM109"]
    assert fix(HEREDOC, path="run.sh") == HEREDOC.replace("MODEL=deepseek-chat", "MODEL=deepseek-v4-flash")


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param("export DEEPSEEK_MODEL=deepseek-chat # prod\n", "export DEEPSEEK_MODEL=deepseek-v4-flash # prod\n", id="export"),
        pytest.param("local m='deepseek-reasoner'\n", "local m='deepseek-v4-flash'\n", id="local-single-quoted"),
        pytest.param('python app.py --model "${MODEL:-deepseek-chat}"\n', 'python app.py --model "${MODEL:-deepseek-v4-flash}"\n', id="default-in-an-argument"),
        pytest.param("python app.py --model deepseek-chat\n", "python app.py --model deepseek-v4-flash\n", id="option-value"),
        pytest.param("python app.py --model=deepseek/deepseek-chat\n", "python app.py --model=deepseek/deepseek-v4-flash\n", id="option-equals-value"),
    ],
)
def test_values_are_renamed_by_the_safe_tier(before, after):
    assert fix(before, path="run.sh") == after


@pytest.mark.parametrize(
    "source, code",
    [
        pytest.param('echo "Summaries come from deepseek-chat"\n', "DSM109", id="sentence-argument"),
        pytest.param('if [ "$MODEL" = "deepseek-reasoner" ]; then echo slow; fi\n', "DSM105", id="test-comparison"),
        pytest.param('case "$m" in\n  deepseek-reasoner) echo r ;;\nesac\n', "DSM105", id="case-pattern"),
        pytest.param("# we used deepseek-chat\nM=x\n", "DSM108", id="comment"),
    ],
)
def test_text_comparisons_and_comments_are_left_by_the_safe_tier(source, code):
    assert codes(source, path="run.sh") == [code]
    assert fix(source, path="run.sh") == source


def test_bash_array_of_two_ids_is_never_merged():
    source = "MODELS=(deepseek-chat deepseek-reasoner)\n"
    assert codes(source, path="run.sh") == ["DSM106", "DSM106"]
    assert fix(source, path="run.sh", unsafe=True) == source


def test_names_in_a_part_that_does_not_parse_have_no_fix_and_the_rest_is_read():
    source = "x=$(( 1 + ))\nM=deepseek-chat\n"
    assert fix(source, path="run.sh") == "x=$(( 1 + ))\nM=deepseek-v4-flash\n"


DOCKERFILE = (
    "# syntax=docker/dockerfile:1\n"
    "FROM python:3.12-slim\n"
    "ARG MODEL=deepseek-chat\n"
    "ENV DEEPSEEK_MODEL=deepseek-chat \\\n"
    '    SYSTEM_PROMPT="Answer as deepseek-reasoner would"\n'
    "ENV LEGACY_MODEL deepseek-reasoner\n"
    'LABEL org.example.description="bot on deepseek-chat"\n'
    "RUN curl -s https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-chat\", \"messages\": []}'\n"
    'CMD ["python", "-m", "bot", "--model", "deepseek-chat"]\n'
)
DOCKERFILE_SAFE = (
    "# syntax=docker/dockerfile:1\n"
    "FROM python:3.12-slim\n"
    "ARG MODEL=deepseek-v4-flash\n"
    "ENV DEEPSEEK_MODEL=deepseek-v4-flash \\\n"
    '    SYSTEM_PROMPT="Answer as deepseek-reasoner would"\n'
    "ENV LEGACY_MODEL deepseek-v4-flash\n"
    'LABEL org.example.description="bot on deepseek-chat"\n'
    "RUN curl -s https://api.deepseek.com/chat/completions -d '{\"model\": \"deepseek-v4-flash\", \"messages\": [], \"thinking\": {\"type\": \"disabled\"}}'\n"
    'CMD ["python", "-m", "bot", "--model", "deepseek-v4-flash"]\n'
)


def test_dockerfile_instructions_are_read_by_their_shell_words():
    assert codes(DOCKERFILE, path="Dockerfile") == ["DSM103", "DSM103", "DSM109", "DSM103", "DSM109", "DSM102", "DSM103"]
    assert fix(DOCKERFILE, path="Dockerfile") == DOCKERFILE_SAFE


def test_dockerfile_crlf_keeps_its_line_ends():
    before = DOCKERFILE.replace("\n", "\r\n").encode()
    assert fix(before, path="Dockerfile") == DOCKERFILE_SAFE.replace("\n", "\r\n").encode()


def test_dockerfile_comment_inside_a_continued_instruction():
    source = "ENV A=1 \\\n# old: deepseek-chat\n    B=deepseek-chat\n"
    assert [f.code for f in scan(source, path="Dockerfile")] == ["DSM108", "DSM103"]
