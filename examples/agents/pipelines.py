"""Batch pipelines on LiteLLM, DSPy, CrewAI, agno and pydantic-ai."""

import dspy
import litellm
from agno.agent import Agent as AgnoAgent
from agno.models.deepseek import DeepSeek
from crewai import LLM
from pydantic_ai import Agent

lm = dspy.LM("deepseek/deepseek-chat", max_tokens=2000)
dspy.configure(lm=lm)

crew_llm = LLM(model="deepseek/deepseek-reasoner", temperature=0.1)

agno_agent = AgnoAgent(model=DeepSeek(id="deepseek-chat"), markdown=True)

typed_agent = Agent("deepseek:deepseek-chat", system_prompt="Answer in one sentence.")


def translate(text: str) -> str:
    response = litellm.completion(
        model="deepseek/deepseek-chat",
        messages=[{"role": "user", "content": f"Translate to French: {text}"}],
    )
    return response.choices[0].message.content
