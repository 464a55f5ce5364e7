"""The one place the app talks to the model."""

from openai import OpenAI

from .config import get_settings

_shared: OpenAI | None = None


def llm() -> OpenAI:
    global _shared
    if _shared is None:
        conf = get_settings()
        _shared = OpenAI(api_key=conf.api_key, base_url=conf.api_base)
    return _shared


def stream_digest(text: str):
    chunks = llm().chat.completions.create(
        model=get_settings().summary_model,
        messages=[{"role": "user", "content": f"Digest:\n{text}"}],
        stream=True,
    )
    for chunk in chunks:
        if chunk.choices[0].delta.content:
            yield chunk.choices[0].delta.content


def ask(messages: list[dict], model: str | None = None, **options):
    model = model or get_settings().summary_model
    reply = llm().chat.completions.create(model=model, messages=messages, **options)
    return reply.choices[0].message.content
