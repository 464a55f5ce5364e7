from pydantic_ai import Agent

support = Agent(
    "deepseek:deepseek-chat",
    system_prompt="Answer support questions in one paragraph.",
)

if __name__ == "__main__":
    print(support.run_sync("How do I reset my password?").output)
