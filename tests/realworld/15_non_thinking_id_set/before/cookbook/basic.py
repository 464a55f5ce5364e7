from mylib.models.deepseek import DeepSeek

model = DeepSeek(id="deepseek-chat")
print(model.request_params())
