"""A CAMEL role-playing agent on DeepSeek's reasoner (camel-ai 0.2.x)."""

from camel.agents import ChatAgent
from camel.models import ModelFactory
from camel.types import ModelPlatformType, ModelType

model = ModelFactory.create(
    model_platform=ModelPlatformType.DEEPSEEK,
    model_type=ModelType.DEEPSEEK_REASONER,
)

planner = ChatAgent(system_message="You plan research projects step by step.", model=model)


def plan(topic: str) -> str:
    return planner.step(f"Plan a literature review on {topic}.").msgs[0].content
