from backend.models import ChatModel
from backend.gateway import forward


def handle(payload: dict) -> dict:
    model = ChatModel(payload.get("model", ChatModel.DEFAULT))
    return forward(model.value, payload["messages"])
