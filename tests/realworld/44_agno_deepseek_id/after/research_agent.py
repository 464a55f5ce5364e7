from agno.agent import Agent
from agno.models.deepseek import DeepSeek
from agno.tools.duckduckgo import DuckDuckGoTools

agent = Agent(
    model=DeepSeek(id="deepseek-v4-flash", request_params={"extra_body": {"thinking": {"type": "disabled"}}}),
    tools=[DuckDuckGoTools()],
    markdown=True,
)

if __name__ == "__main__":
    agent.print_response("What happened in AI this week?", stream=True)
