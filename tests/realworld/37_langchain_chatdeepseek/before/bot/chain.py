from langchain_core.prompts import ChatPromptTemplate
from langchain_deepseek import ChatDeepSeek

llm = ChatDeepSeek(model="deepseek-chat", temperature=0, max_retries=2)

prompt = ChatPromptTemplate.from_messages(
    [("system", "Translate the text to {language}."), ("human", "{text}")]
)

translate = prompt | llm
