import dspy

lm = dspy.LM("deepseek/deepseek-reasoner", max_tokens=8000)
dspy.configure(lm=lm)

qa = dspy.ChainOfThought("question -> answer")
