from app.router import router


def ask(text: str, hard: bool = False) -> str:
    if hard:
        reply = router.completion(model="deepseek-reasoner", messages=[{"role": "user", "content": text}])
    else:
        reply = router.completion(model="deepseek-chat", messages=[{"role": "user", "content": text}])
    return reply.choices[0].message.content
