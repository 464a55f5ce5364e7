from dataclasses import dataclass

from lib.thinking import is_reasoning


@dataclass
class FakeModel:
    model_id: str


def test_chat_is_not_reasoning():
    assert not is_reasoning(FakeModel(model_id="deepseek-chat"))


def test_reasoner_is_reasoning():
    assert is_reasoning(FakeModel(model_id="deepseek-reasoner"))
