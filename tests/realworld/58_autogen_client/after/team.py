from autogen_agentchat.agents import AssistantAgent
from autogen_ext.models.openai import OpenAIChatCompletionClient

model_client = OpenAIChatCompletionClient(
    model="deepseek-v4-flash",
    base_url="https://api.deepseek.com",
    api_key="sk-placeholder",
    model_info={"vision": False, "function_calling": True, "json_output": True, "family": "unknown", "structured_output": True},
    extra_body={"thinking": {"type": "disabled"}},
)

assistant = AssistantAgent("assistant", model_client=model_client)
