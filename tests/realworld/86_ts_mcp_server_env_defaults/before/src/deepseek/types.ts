export type ModelId = "deepseek-chat" | "deepseek-reasoner" | string;

export interface ChatRequest {
  model: ModelId;
  messages: { role: string; content: string }[];
  thinking?: Record<string, unknown>;
}
