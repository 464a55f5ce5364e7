import OpenAI from "openai";

export interface ProviderOptions {
  modelId?: string;
  baseUrl?: string;
  r1FormatEnabled?: boolean;
}

export function buildRequest(options: ProviderOptions, system: string, history: OpenAI.Chat.ChatCompletionMessageParam[]) {
  const modelId = options.modelId ?? "";
  // R1-style models want the system prompt merged into the first user message
  const r1Style = modelId.includes("deepseek-reasoner") || options.r1FormatEnabled === true;
  const messages = r1Style
    ? [{ role: "user" as const, content: system }, ...history]
    : [{ role: "system" as const, content: system }, ...history];
  return { model: modelId, messages, temperature: r1Style ? undefined : 0 };
}
