"""Manual smoke check of the same endpoint the TypeScript package talks to."""
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
print(client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": "ping"}], extra_body={"thinking": {"type": "disabled"}}))
