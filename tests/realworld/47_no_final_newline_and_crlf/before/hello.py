from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
reply = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "hi"}])
print(reply.choices[0].message.content)