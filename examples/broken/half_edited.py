# Someone was in the middle of editing this file.
def ask(client, q:
    return client.chat.completions.create(model="deepseek-chat", messages=[q])
