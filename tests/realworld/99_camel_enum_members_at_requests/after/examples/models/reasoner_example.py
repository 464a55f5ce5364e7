from camel.agents import ChatAgent
from camel.configs import DeepSeekConfig
from camel.models import ModelFactory
from camel.types import ModelPlatformType, ModelType

# export DEEPSEEK_API_KEY=...
model = ModelFactory.create(
    model_platform=ModelPlatformType.DEEPSEEK,
    model_type=ModelType.DEEPSEEK_V4_FLASH,
    model_config_dict={**DeepSeekConfig(temperature=0.2).as_dict(), "extra_body": {"thinking": {"type": "enabled"}}},
)

agent = ChatAgent(system_message="You are a careful assistant.", model=model)
reply = agent.step("How many times does the letter r appear in 'strawberry'?")
print(reply.msgs[0].reasoning_content)
print(reply.msgs[0].content)
