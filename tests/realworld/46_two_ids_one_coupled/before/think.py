from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def think(question):
    return client.chat.completions.create(
        model="deepseek-reasoner", messages=[{"role": "user", "content": question}]
    )
