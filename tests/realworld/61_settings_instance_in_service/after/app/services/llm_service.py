import json

from openai import OpenAI

from app.core.config import settings

client = OpenAI(api_key=settings.API_KEY, base_url="https://api.deepseek.com")


def score_resume(resume: str, job: str) -> dict:
    response = client.chat.completions.create(
        model=settings.MODEL_NAME,
        messages=[
            {"role": "system", "content": "Score the resume against the job, as JSON."},
            {"role": "user", "content": f"{resume}\n---\n{job}"},
        ],
        temperature=0,
        extra_body={"thinking": {"type": "disabled"}},
    )
    return json.loads(response.choices[0].message.content)
