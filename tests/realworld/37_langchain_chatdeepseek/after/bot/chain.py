from langchain_core.prompts import ChatPromptTemplate
from langchain_deepseek import ChatDeepSeek

llm = ChatDeepSeek(model="deepseek-v4-flash", temperature=0, max_retries=2, extra_body={"thinking": {"type": "disabled"}})

prompt = ChatPromptTemplate.from_messages(
    [("system", "Translate the text to {language}."), ("human", "{text}")]
)

translate = prompt | llm
