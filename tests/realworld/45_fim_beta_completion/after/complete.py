from openai import OpenAI

client = OpenAI(api_key="sk-placeholder", base_url="https://api.deepseek.com/beta")


def fill_middle(prefix: str, suffix: str) -> str:
    response = client.completions.create(
        model="deepseek-v4-flash",
        prompt=prefix,
        suffix=suffix,
        max_tokens=128,
    )
    return response.choices[0].text
