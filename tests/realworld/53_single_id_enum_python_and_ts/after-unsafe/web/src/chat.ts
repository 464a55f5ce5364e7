export type ChatModel = "deepseek-v4-flash";

export function requestBody(messages: { role: string; content: string }[], model: ChatModel = "deepseek-v4-flash") {
  return { model, messages };
}
