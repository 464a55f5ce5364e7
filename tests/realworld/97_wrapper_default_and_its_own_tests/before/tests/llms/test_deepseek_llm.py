from unittest.mock import Mock, patch

import pytest

from memkit.llms.deepseek_llm import DeepSeekLLM, LlmConfig


@pytest.fixture
def client():
    with patch("memkit.llms.deepseek_llm.OpenAI") as openai:
        fake = Mock()
        openai.return_value = fake
        yield fake


def test_base_url_from_config():
    llm = DeepSeekLLM(LlmConfig(model="deepseek-chat", api_key="k", base_url="https://proxy.example/v1/"))
    assert str(llm.client.base_url) == "https://proxy.example/v1/"


def test_generate_passes_the_model(client):
    llm = DeepSeekLLM(LlmConfig(model="deepseek-chat", temperature=0.5))
    client.chat.completions.create.return_value = Mock(choices=[Mock(message=Mock(content="hi"))])

    assert llm.generate([{"role": "user", "content": "hello"}]) == "hi"
    client.chat.completions.create.assert_called_once_with(
        model="deepseek-chat", messages=[{"role": "user", "content": "hello"}], temperature=0.5
    )
