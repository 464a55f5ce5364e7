from pydantic_ai import Agent

summarizer = Agent("deepseek:deepseek-v4-flash", system_prompt="Summarize the thread in three bullet points.", model_settings={"extra_body": {"thinking": {"type": "disabled"}}})
planner = Agent("deepseek:deepseek-v4-flash", system_prompt="Plan the steps before answering.", model_settings={"extra_body": {"thinking": {"type": "enabled"}}})
critic = Agent("deepseek:deepseek-v4-flash", system_prompt="Point out the weakest claim.", model_settings={"extra_body": {"thinking": {"type": "disabled"}}})
