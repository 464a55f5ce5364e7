from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
from llama_index.llms.deepseek import DeepSeek

Settings.llm = DeepSeek(model="deepseek-v4-flash", api_key="sk-placeholder", additional_kwargs={"extra_body": {"thinking": {"type": "enabled"}}})

index = VectorStoreIndex.from_documents(SimpleDirectoryReader("data").load_data())
engine = index.as_query_engine()
