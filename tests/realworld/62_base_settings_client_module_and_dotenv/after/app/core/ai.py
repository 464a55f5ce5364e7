from openai import OpenAI

from app.config import settings

client = OpenAI(api_key=settings.DEEPSEEK_API_KEY, base_url=settings.DEEPSEEK_API_URL)


def explain(question: str) -> tuple[str, str]:
    response = client.chat.completions.create(
        model=settings.DEEPSEEK_MODEL,
        messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "enabled"}},
    )
    message = response.choices[0].message
    return message.reasoning_content, message.content
