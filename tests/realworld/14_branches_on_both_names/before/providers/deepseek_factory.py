from langchain_openai import ChatOpenAI


def build(model_id: str, api_key: str):
    base_url = "https://api.deepseek.com"
    # the reasoner rejects sampling parameters, so it gets its own branch
    if model_id == "deepseek-reasoner":
        return ChatOpenAI(model=model_id, api_key=api_key, base_url=base_url, streaming=True)
    elif model_id == "deepseek-chat":
        return ChatOpenAI(model=model_id, api_key=api_key, base_url=base_url, temperature=0.3)
    raise ValueError(f"unknown DeepSeek model {model_id}")
