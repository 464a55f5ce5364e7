from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
from llama_index.llms.deepseek import DeepSeek

Settings.llm = DeepSeek(model="deepseek-reasoner", api_key="sk-placeholder")

index = VectorStoreIndex.from_documents(SimpleDirectoryReader("data").load_data())
engine = index.as_query_engine()
