from pydantic_ai import Agent

support = Agent(
    "deepseek:deepseek-v4-flash",
    system_prompt="Answer support questions in one paragraph.",
    model_settings={"extra_body": {"thinking": {"type": "disabled"}}},
)

if __name__ == "__main__":
    print(support.run_sync("How do I reset my password?").output)
