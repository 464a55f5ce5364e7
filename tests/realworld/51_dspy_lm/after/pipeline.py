import dspy

lm = dspy.LM("deepseek/deepseek-v4-flash", max_tokens=8000, thinking={"type": "enabled"})
dspy.configure(lm=lm)

qa = dspy.ChainOfThought("question -> answer")
