import json

from camel.agents import ChatAgent
from camel.configs import DeepSeekConfig
from camel.models import ModelFactory
from camel.types import ModelPlatformType, ModelType

model = ModelFactory.create(
    model_platform=ModelPlatformType.DEEPSEEK,
    model_type=ModelType.DEEPSEEK_CHAT,
    model_config_dict=DeepSeekConfig(temperature=0).as_dict(),
)


def solve(problems_path: str) -> list[str]:
    agent = ChatAgent(system_message="Solve step by step, then give the answer.", model=model)
    with open(problems_path) as handle:
        problems = json.load(handle)
    return [agent.step(problem["question"]).msgs[0].content for problem in problems]
