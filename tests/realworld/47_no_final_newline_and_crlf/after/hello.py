from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
reply = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": "hi"}], extra_body={"thinking": {"type": "disabled"}})
print(reply.choices[0].message.content)