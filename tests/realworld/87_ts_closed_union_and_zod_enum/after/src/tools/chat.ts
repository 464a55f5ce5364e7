import { z } from 'zod';
import { ChatInputSchema } from '../schemas';
import type { DeepSeekClient } from '../client';

export const chatToolShape = {
  prompt: z.string(),
  model: z.enum(['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-flash']).default('deepseek-v4-flash'),
};

export async function runChat(client: DeepSeekClient, raw: unknown): Promise<string> {
  const input = ChatInputSchema.parse(raw);
  return client.createChatCompletion({ model: input.model, messages: [{ role: 'user', content: input.prompt }] });
}
