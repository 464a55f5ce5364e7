import { z } from 'zod';

export const ChatInputSchema = z.object({
  prompt: z.string().min(1),
  model: z
    .enum(['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-flash'])
    .default('deepseek-v4-flash'),
});

export type ChatInput = z.infer<typeof ChatInputSchema>;
