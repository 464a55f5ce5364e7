from pydantic_ai import Agent

summarizer = Agent("deepseek:deepseek-chat", system_prompt="Summarize the thread in three bullet points.")
planner = Agent("deepseek:deepseek-reasoner", system_prompt="Plan the steps before answering.")
critic = Agent("deepseek:deepseek-chat", system_prompt="Point out the weakest claim.")
