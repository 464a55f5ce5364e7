export type DeepSeekModel = 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash';

export interface ChatCompletionParams {
  model: DeepSeekModel;
  messages: { role: 'user' | 'assistant' | 'system'; content: string }[];
  max_tokens?: number;
}

export interface ChatToolInput {
  prompt: string;
  model?: 'deepseek-chat' | 'deepseek-reasoner' | 'deepseek-v4-flash';
}
