import os

from camel.models import ModelFactory
from camel.types import ModelPlatformType
from camel.types.enums import ModelType

planner_model = ModelFactory.create(
    model_platform=ModelPlatformType.OPENAI_COMPATIBLE_MODEL,
    model_type="deepseek/deepseek-chat-v3-0324:free",
    url="https://openrouter.ai/api/v1",
    api_key=os.getenv("OPENROUTER_API_KEY"),
)

reasoning_model = ModelFactory.create(
    model_platform=ModelPlatformType.DEEPSEEK,
    model_type=ModelType.DEEPSEEK_REASONER,
    api_key=os.getenv("DEEPSEEK_API_KEY"),
)

search_model = ModelFactory.create(
    model_platform=ModelPlatformType.OPENAI,
    model_type=ModelType.GPT_4_1_MINI,
    api_key=os.getenv("OPENAI_API_KEY"),
)
