export type ChatModel = "deepseek-chat";

export function requestBody(messages: { role: string; content: string }[], model: ChatModel = "deepseek-chat") {
  return { model, messages };
}
