"""A LangChain research agent with a cheap and a thinking model."""

from langchain.chat_models import init_chat_model
from langchain_deepseek import ChatDeepSeek
from langchain_openai import ChatOpenAI

fast_llm = ChatDeepSeek(model="deepseek-chat", temperature=0.2, max_retries=2)
thinker = ChatDeepSeek(
    model="deepseek-reasoner",
    max_tokens=8000,
)
compat = ChatOpenAI(model_name="deepseek-chat", base_url="https://api.deepseek.com/v1", api_key="sk-...")
router = init_chat_model("deepseek-chat", model_provider="deepseek")
