from llm.chat import chat

print(chat("Say hello"))
print(chat("Prove that sqrt(2) is irrational", model="deepseek-v4-flash"))
