from crewai import LLM, Agent, Crew, Task

writer_llm = LLM(model="deepseek/deepseek-chat", temperature=0.7)

writer = Agent(role="Writer", goal="Write a short post", backstory="A tech blogger", llm=writer_llm)
post = Task(description="Write about {topic}", expected_output="Three paragraphs", agent=writer)
crew = Crew(agents=[writer], tasks=[post])
