import { z } from 'zod';

export const ChatInputSchema = z.object({
  prompt: z.string().min(1),
  model: z
    .enum(['deepseek-chat', 'deepseek-reasoner'])
    .default('deepseek-chat'),
});

export type ChatInput = z.infer<typeof ChatInputSchema>;
