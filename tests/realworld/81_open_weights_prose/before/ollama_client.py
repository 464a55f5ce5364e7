import ollama

# Start the server first:  ollama pull deepseek-coder
# then:                    ollama run deepseek-coder:6.7b
def complete(prompt: str) -> str:
    reply = ollama.generate(model="deepseek-coder:6.7b", prompt=prompt)
    return reply["response"]
